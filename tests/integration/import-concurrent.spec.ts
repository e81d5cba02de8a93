// Two importers writing one database at once (the web server and the CLI, say): both finish, nothing is lost,
// and a file both of them import is stored once.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/lib/server/db';
import { districtFiles } from '../helpers/report-files';

const root = mkdtempSync(join(tmpdir(), 'dw-concurrent-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const env = { ...process.env, DATABASE_URL: join(root, 'db.sqlite'), DATA_DIR: root };

function cli(folder: string): Promise<{ code: number | null; out: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'import', folder, '--quiet'], {
			env
		});
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		child.on('close', (code) => resolve({ code, out }));
	});
}

describe('concurrent imports', () => {
	it('two processes importing into one database both succeed, shared files stored once', async () => {
		const files = districtFiles({ organs: 16, years: [2021, 2022, 2023], seed: 'concurrent' });
		const shared = files.slice(0, 12);
		const split = [files.slice(12, 30), files.slice(30)];
		split.forEach((part, i) => {
			for (const f of [...shared, ...part]) {
				const p = join(root, `in${i}`, f.name);
				mkdirSync(join(p, '..'), { recursive: true });
				writeFileSync(p, f.bytes);
			}
		});
		const [a, b] = await Promise.all([cli(join(root, 'in0')), cli(join(root, 'in1'))]);
		expect(a.code, a.out).toBe(0);
		expect(b.code, b.out).toBe(0);
		const db = openDatabase(env.DATABASE_URL);
		const n = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
		expect(n('SELECT count(*) n FROM report')).toBe(files.length);
		expect(n('SELECT count(*) n FROM revision')).toBe(files.length);
		expect(n('SELECT count(DISTINCT sha256) n FROM revision')).toBe(files.length);
		db.$client.close();
	}, 120_000);
});
