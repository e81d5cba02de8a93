// The check command end to end: exit codes and JSON on a clean and a broken draft against a database that holds
// last year's report, and that database left byte-identical.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDatabase } from '../../../tests/helpers/temp-db';
import { draftFiles } from '../../../tests/helpers/draft-files';
import { closeDb, getDb } from '../../lib/server/db';
import { importFiles } from '../../lib/server/import';

const d = draftFiles();
let tmp: ReturnType<typeof useTempDatabase>;
const file = (name: string) => join(tmp.dir, name);
const run = (args: string[], env: Record<string, string> = {}) =>
	spawnSync('npx', ['tsx', 'src/cli/index.ts', 'check', ...args], {
		encoding: 'utf8',
		cwd: process.cwd(),
		env: { ...process.env, ...env }
	});

beforeAll(async () => {
	tmp = useTempDatabase('dw-check-cli-');
	await importFiles([d.stored2022], { id: null, role: 'admin', organId: null });
	getDb().$client.pragma('wal_checkpoint(TRUNCATE)');
	closeDb();
	for (const f of [d.clean2023, d.broken2023, d.notReport]) writeFileSync(file(f.name), f.bytes);
});
afterAll(() => tmp.cleanup());

describe('cli check', () => {
	it('exit 0 and a clean JSON check for a clean draft; exit 1 with exactly the A1 and Y1 errors for a broken one; the database unchanged', () => {
		const before = readFileSync(tmp.url);
		const clean = run([file(d.clean2023.name), '--json']);
		expect(clean.status, clean.stderr).toBe(0);
		const c = JSON.parse(clean.stdout);
		expect(c).toMatchObject({
			organ: d.organ,
			year: 2023,
			comparedWith: 2022,
			clean: true,
			errors: 0,
			findings: [],
			fixes: []
		});

		const broken = run([file(d.broken2023.name), '--json']);
		expect(broken.status, broken.stderr).toBe(1);
		const b = JSON.parse(broken.stdout);
		expect(b.clean).toBe(false);
		expect(b.errors).toBe(4);
		expect(b.findings.map((f: { rule: string }) => f.rule).sort()).toEqual(['A1', 'A1', 'Y1', 'Y1']);
		expect(b.fixes[0]).toMatchObject({ severity: 'error', rule: 'A1' });
		expect(b.fixes[0].todo).toMatch(/本年新收/);

		expect(readFileSync(tmp.url).equals(before)).toBe(true);
	});

	it('checks an organ the database does not hold on the report alone; the summary lists what to fix', () => {
		const r = run([file(d.broken2023.name), '--organ', '不存在的单位']);
		expect(r.status).toBe(1);
		// Without the file's path: the temp directory's random name may itself contain "Y1".
		const out = r.stdout.replaceAll(tmp.dir, '');
		expect(out).toContain('怎么改');
		expect(out).toContain('A1');
		expect(out).not.toContain('Y1');
	});

	it('warnings do not fail: a draft whose only findings are warnings exits 0', () => {
		// Without a database the clean draft is checked alone; drop its 第五部分 text to leave only a warning (F8).
		const text = new TextDecoder().decode(d.clean2023.bytes);
		const lines = text.split('\n');
		const at = lines.findIndex((l) => l.startsWith('五、'));
		lines.splice(at + 1, 0, '无。');
		const short = lines.filter((l, i) => !(i > at + 1 && i < lines.findIndex((x) => x.startsWith('六、')))).join('\n');
		writeFileSync(file('warn.txt'), short);
		const r = run([file('warn.txt'), '--json'], { DATABASE_URL: join(tmp.dir, 'absent.db') });
		const j = JSON.parse(r.stdout);
		expect(j.errors).toBe(0);
		expect(j.warnings).toBeGreaterThan(0);
		expect(r.status).toBe(0);
	});

	it('exit 2 when the file is not a report or does not exist', () => {
		const r = run([file(d.notReport.name)]);
		expect(r.status).toBe(2);
		expect(r.stderr).toContain('scan.pdf');
		expect(run([file('nope.txt')]).status).toBe(2);
	});
});
