// A full disk and an unwritable originals directory, for real: SQLite's own SQLITE_FULL (the database may not
// grow past `PRAGMA max_page_count`, as a disk with no room left) and a data directory that refuses writes. An
// import and a correction then fail with a Chinese message saying so, and nothing already stored changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDatabase } from '../helpers/temp-db';
import { districtFiles } from '../helpers/report-files';
import { originalFiles, tableDigests } from '../helpers/db-state';

const tmp = useTempDatabase('dw-full-');
const { closeDb, getDb } = await import('../../src/lib/server/db');
const { importFiles } = await import('../../src/lib/server/import');
const { ActionError, correctFigure } = await import('../../src/lib/server/corrections');
const table = await import('../../src/lib/server/db/schema');

const admin = { id: 'adm', role: 'admin', organId: null } as const;
const inspector = { id: 'insp', role: 'inspector', organId: null } as const;
const CELL = 'applications.rows.new.natural_person';
let reportId = 0;

beforeAll(async () => {
	const db = getDb();
	for (const [id, role] of [
		['adm', 'admin'],
		['insp', 'inspector']
	] as const)
		db.insert(table.user).values({ id, username: id, displayName: id, passwordHash: 'x', role }).run();
	const results = await importFiles(districtFiles({ organs: 2, years: [2021, 2022], seed: 'full-a' }), admin);
	expect(results.map((r) => r.status).every((s) => s.startsWith('imported'))).toBe(true);
	reportId = results[0].reportId!;
}, 60_000);
afterAll(() => {
	closeDb();
	tmp.cleanup();
});

const client = () => getDb().$client;
const natural = () =>
	(
		client()
			.prepare("SELECT c0 FROM figure WHERE report_id = ? AND section = 'applications' AND row_key = 'new'")
			.get(reportId) as { c0: number }
	).c0;

/** The disk is full: the file may not grow by one page, and no free page is left inside it either. */
function fillDisk(): void {
	client().exec('VACUUM');
	expect(client().pragma('freelist_count', { simple: true })).toBe(0);
	const pages = client().pragma('page_count', { simple: true }) as number;
	expect(client().pragma(`max_page_count = ${pages}`, { simple: true })).toBe(pages);
}
function freeDisk(): void {
	client().pragma('max_page_count = 4294967294');
}

function assertConsistent(): void {
	expect(client().pragma('integrity_check', { simple: true })).toBe('ok');
	expect(client().pragma('foreign_key_check')).toEqual([]);
}

describe('a full disk', () => {
	it('refuses an import with a clear message and leaves every stored row as it was', async () => {
		fillDisk();
		const before = tableDigests(client());
		const files = districtFiles({ organs: 2, years: [2023], seed: 'full-b' });
		const results = await importFiles(files, admin);
		expect(results).toHaveLength(2);
		for (const r of results) {
			expect(r.status, r.file).toBe('refused');
			expect(r.reason).toMatch(/^磁盘空间已满，数据库无法写入：本次操作未保存（已回滚），原有数据未改动/);
			expect(r.detail).toMatch(/full/i);
		}
		assertConsistent();
		expect(tableDigests(client())).toEqual(before);

		// Once there is room again, the same files import whole.
		freeDisk();
		const again = await importFiles(files, admin);
		expect(again.map((r) => r.status).every((s) => s.startsWith('imported'))).toBe(true);
		assertConsistent();
		expect((client().prepare('SELECT count(*) n FROM report').get() as { n: number }).n).toBe(6);
	}, 60_000);

	it('refuses a correction with a clear message and leaves the figures and the log as they were', () => {
		const old = natural();
		fillDisk();
		const before = tableDigests(client());
		// A long reason: the correction row and its audit entry need more room than a page has left.
		const reason = '核对原件第3页，'.repeat(60);
		let thrown: unknown;
		try {
			correctFigure({ reportId, cellPath: CELL, value: String(old + 7), reason }, inspector);
		} catch (e) {
			thrown = e;
		}
		expect(thrown).toBeInstanceOf(ActionError);
		expect((thrown as InstanceType<typeof ActionError>).status).toBe(503);
		expect((thrown as Error).message).toMatch(
			/^磁盘空间已满，数据库无法写入：本次操作未保存（已回滚），原有数据未改动/
		);
		assertConsistent();
		expect(tableDigests(client())).toEqual(before);
		expect(natural()).toBe(old);

		freeDisk();
		correctFigure({ reportId, cellPath: CELL, value: String(old + 7), reason }, inspector);
		expect(natural()).toBe(old + 7);
	});
});

describe('an originals directory that refuses writes', () => {
	async function importInto(name: string, block: (dir: string) => void): Promise<void> {
		const dir = join(tmp.dir, `blocked-${name}`);
		mkdirSync(dir);
		block(dir);
		const saved = process.env.DATA_DIR;
		process.env.DATA_DIR = dir;
		try {
			const before = tableDigests(client());
			const results = await importFiles(districtFiles({ organs: 1, years: [2020], seed: `ro-${name}` }), admin);
			expect(results).toHaveLength(1);
			expect(results[0].status).toBe('refused');
			expect(results[0].reason).toMatch(
				/^原件目录无法写入（只读或权限不足）：本次操作未保存（已回滚），原有数据未改动/
			);
			expect(tableDigests(client())).toEqual(before);
			expect(originalFiles(dir)).toEqual({});
		} finally {
			process.env.DATA_DIR = saved;
		}
	}

	// Root writes into a read-only directory regardless, so this one runs only as another user.
	it.skipIf(process.getuid?.() === 0)('read-only: the import is refused, saying so, and nothing is stored', () =>
		importInto('read-only', (dir) => {
			mkdirSync(join(dir, 'files'));
			chmodSync(join(dir, 'files'), 0o555);
		})
	);
	it('not a directory: the import is refused, saying so, and nothing is stored', () =>
		importInto('not-a-directory', (dir) => writeFileSync(join(dir, 'files'), 'not a directory')));
});

// The real thing where the machine allows it (root with mount namespaces, as in CI containers): a 4 MB tmpfs holds
// the database and the originals, filled to the last byte (the originals write and the WAL append fail with
// ENOSPC), or with the originals directory mounted read-only (EROFS, which stops root too).
const canMount =
	process.getuid?.() === 0 &&
	spawnSync('unshare', ['-m', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=1m tmpfs "$d"']).status === 0;

function blockedChild(mode: 'full' | 'readonly') {
	const script = [
		'set -e',
		'd=$(mktemp -d)',
		'mount -t tmpfs -o size=4m tmpfs "$d"',
		`DATABASE_URL="$d/db.sqlite" DATA_DIR="$d" "$NODE" --import tsx tests/helpers/full-disk-child.ts ${mode}`
	].join('\n');
	const r = spawnSync('unshare', ['-m', 'sh', '-c', script], {
		env: { ...process.env, NODE: process.execPath },
		encoding: 'utf8',
		timeout: 60_000
	});
	expect(r.status, r.stderr).toBe(0);
	const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
	expect(out.first.every((s: string) => s.startsWith('imported'))).toBe(true);
	expect(out.imported).toHaveLength(1);
	expect(out.imported[0].status).toBe('refused');
	expect(out.integrity).toBe('ok');
	expect(Object.keys(out.before.files)).toHaveLength(2);
	expect(out.temps).toEqual([]);
	return out;
}

describe.runIf(canMount)('a real full disk and a read-only originals mount (tmpfs)', () => {
	it('full: the import and the correction are refused, saying the disk is full; stored data and originals whole', () => {
		const out = blockedChild('full');
		expect(out.imported[0].reason).toMatch(/^磁盘空间已满，原件无法保存：本次操作未保存（已回滚），原有数据未改动/);
		expect(out.correction).toMatch(/^磁盘空间已满，数据库无法写入：本次操作未保存（已回滚），原有数据未改动/);
		expect(out.after).toEqual(out.before);
	}, 90_000);

	it('read-only originals: the import is refused, saying so; the database is untouched by it', () => {
		const out = blockedChild('readonly');
		expect(out.imported[0].reason).toMatch(
			/^原件目录无法写入（只读或权限不足）：本次操作未保存（已回滚），原有数据未改动/
		);
		// (Node's recursive mkdir reports ENOENT on a read-only mount: the message comes from where it failed.)
		expect(out.imported[0].detail).toMatch(/^cannot write the original files\//);
		// The database itself is writable: the correction (no file to store) goes through, the originals stay whole.
		expect(out.correction).toBe('stored');
		expect(out.after.files).toEqual(out.before.files);
	}, 90_000);
});
