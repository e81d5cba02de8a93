// The child process of the real full-disk test: run inside its own mount namespace, as root, with DATABASE_URL and
// DATA_DIR on a small tmpfs. Imports two reports, then blocks the disk: `full` empties the WAL and fills the disk
// to the last byte; `readonly` mounts the originals directory read-only over itself. Then tries an import and a
// correction; prints one JSON line with what each answered and what was stored before and after.
// Usage: full-disk-child.ts full|readonly
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { getDb } from '../../src/lib/server/db';
import * as table from '../../src/lib/server/db/schema';
import { importFiles } from '../../src/lib/server/import';
import { correctFigure } from '../../src/lib/server/corrections';
import { districtFiles } from './report-files';
import { originalFiles, tableDigests } from './db-state';

const admin = { id: null, role: 'admin', organId: null } as const;
const dir = process.env.DATA_DIR!;
const db = getDb();
db.insert(table.user).values({ id: 'insp', username: 'insp', passwordHash: 'x', role: 'inspector' }).run();
const first = await importFiles(districtFiles({ organs: 1, years: [2021, 2022], seed: 'full-disk-a' }), admin);
const reportId = first[0].reportId!;
if (process.argv[2] === 'readonly') {
	// Read-only for root too (a permission bit would not stop root).
	execFileSync('mount', ['--bind', '-o', 'ro', join(dir, 'files'), join(dir, 'files')]);
} else {
	// An empty WAL: the next write must take new space (a WAL already grown would be written over in place).
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
	const fd = openSync(join(dir, 'filler'), 'w');
	for (let block = 1 << 16; block >= 1; block >>= 1)
		for (;;) {
			try {
				writeSync(fd, new Uint8Array(block));
			} catch {
				break;
			}
		}
	closeSync(fd);
}

const before = { tables: tableDigests(db.$client), files: originalFiles(dir) };
const imported = await importFiles(districtFiles({ organs: 1, years: [2023], seed: 'full-disk-b' }), admin);
let correction: string;
try {
	correctFigure(
		{ reportId, cellPath: 'applications.rows.new.natural_person', value: '4321', reason: '磁盘已满测试' },
		{ id: 'insp', role: 'inspector', organId: null }
	);
	correction = 'stored';
} catch (e) {
	correction = (e as Error).message;
}
const after = { tables: tableDigests(db.$client), files: originalFiles(dir) };
const integrity = db.$client.pragma('integrity_check', { simple: true });
const temps = readdirSync(join(dir, 'files'), { recursive: true }).filter((n) => String(n).endsWith('.tmp'));
process.stdout.write(
	JSON.stringify({ first: first.map((r) => r.status), imported, correction, before, after, integrity, temps }) + '\n'
);
