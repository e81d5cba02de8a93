// `cli backup` while another process writes to the database (as the server does), and `cli restore`, refused while
// the database is held and complete once it is not: the database and the original files it refers to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { useTempDatabase } from '../helpers/temp-db';
import { districtFiles } from '../helpers/report-files';

const tmp = useTempDatabase('dw-backup-');
const { closeDb } = await import('../../src/lib/server/db');
const { importFiles } = await import('../../src/lib/server/import');
const backupFile = join(tmp.dir, 'backups', 'snap.db');
let writer: ChildProcess | undefined;

function cli(...args: string[]) {
	const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
		env: { ...process.env, DATABASE_URL: tmp.url, DATA_DIR: tmp.dir },
		encoding: 'utf8'
	});
	return { code: r.status, out: r.stdout, err: r.stderr };
}

const rows = (file: string, sql: string) => {
	const d = new Database(file, { readonly: true });
	try {
		return d.prepare(sql).get() as Record<string, number | string>;
	} finally {
		d.close();
	}
};

/** A stand-in for the serving server: holds the database and writes to it every few milliseconds. */
function startWriter(): Promise<ChildProcess> {
	const code = `
		import Database from 'better-sqlite3';
		const db = new Database(process.env.DATABASE_URL);
		db.pragma('busy_timeout = 5000');
		const ins = db.prepare("INSERT INTO audit_log (user_id, action, detail, at) VALUES (NULL, 'test.write', ?, ?)");
		let n = 0;
		setInterval(() => { ins.run(String(n++), Date.now()); if (n === 5) console.log('writing'); }, 2);`;
	const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
		env: { ...process.env, DATABASE_URL: tmp.url },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	return new Promise((resolve) => child.stdout!.once('data', () => resolve(child)));
}

beforeAll(async () => {
	const files = districtFiles({ organs: 3, years: [2021, 2022, 2023] });
	const results = await importFiles(files, { id: null, role: 'admin', organId: null });
	expect(results.every((r) => r.status.startsWith('imported'))).toBe(true);
	closeDb();
	writer = await startWriter();
}, 120_000);
afterAll(() => {
	if (writer && writer.exitCode === null) writer.kill('SIGKILL');
	tmp.cleanup();
});

describe('backup and restore', () => {
	it('backs up online while another process writes, with the originals', () => {
		const before = rows(tmp.url, 'SELECT count(*) n FROM audit_log').n as number;
		const r = cli('backup', backupFile);
		expect(r.code, r.err).toBe(0);
		expect(r.out).toContain('backup written');
		expect(rows(backupFile, 'PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
		expect(rows(backupFile, 'SELECT count(*) n FROM report').n).toBe(9);
		// a consistent snapshot taken while the writer went on: at least what was there before, less than after
		const inBackup = rows(backupFile, 'SELECT count(*) n FROM audit_log').n as number;
		expect(inBackup).toBeGreaterThanOrEqual(before);
		expect(rows(tmp.url, 'SELECT count(*) n FROM audit_log').n as number).toBeGreaterThan(inBackup);
		const paths = new Database(backupFile, { readonly: true });
		const stored = paths.prepare('SELECT file_path p FROM revision').all() as { p: string }[];
		paths.close();
		expect(stored).toHaveLength(9);
		for (const s of stored) expect(existsSync(join(`${backupFile}.files`, s.p)), s.p).toBe(true);
	});

	it('refuses to restore while a process holds the database, and changes nothing', () => {
		const r = cli('restore', backupFile);
		expect(r.code).toBe(1);
		expect(r.err).toMatch(/正在被进程 \d+/);
		expect(rows(tmp.url, 'PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
	});

	it('restores the database and the missing originals once nothing holds it', async () => {
		writer!.kill('SIGTERM');
		await new Promise((r) => writer!.once('exit', r));
		// damage since the backup: a report deleted, an original file lost
		const d = new Database(tmp.url);
		const lost = (d.prepare('SELECT file_path p FROM revision LIMIT 1').get() as { p: string }).p;
		d.pragma('foreign_keys = OFF');
		d.prepare('DELETE FROM finding').run();
		d.prepare('DELETE FROM figure').run();
		d.close();
		rmSync(join(tmp.dir, lost));
		const r = cli('restore', backupFile);
		expect(r.code, r.err).toBe(0);
		expect(r.out).toContain('1 original files restored');
		expect(existsSync(join(tmp.dir, lost))).toBe(true);
		expect(rows(tmp.url, 'PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
		expect(rows(tmp.url, 'SELECT count(*) n FROM figure').n).toBe(rows(backupFile, 'SELECT count(*) n FROM figure').n);
		expect(rows(tmp.url, 'SELECT count(*) n FROM figure').n as number).toBeGreaterThan(0);
	});

	it('reports an original missing from the data directory (exit 1, named)', () => {
		const d = new Database(tmp.url, { readonly: true });
		const p = (d.prepare('SELECT file_path p FROM revision LIMIT 1').get() as { p: string }).p;
		d.close();
		rmSync(join(tmp.dir, p));
		const r = cli('backup', join(tmp.dir, 'backups', 'second.db'), '--no-files');
		expect(r.code).toBe(1);
		expect(r.err).toContain(p);
	});
});
