// A process killed in the middle of a correction loses nothing committed and leaves nothing half-written: a child
// process corrects a figure again and again, each correction holding its transaction open before the commit (the
// DW_TEST_CORRECTION_PAUSE_MS fault hook); while one is held open the database is read from here (what was
// acknowledged so far), the child is SIGKILLed, and the reopened database must hold exactly that.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { useTempDatabase } from '../helpers/temp-db';
import { districtFiles } from '../helpers/report-files';
import { tableDigests } from '../helpers/db-state';
import { figureRows } from '../../src/lib/report/figure-rows';
import type { Report } from '../../src/lib/report/model';

const tmp = useTempDatabase('dw-correction-kill-');
const { closeDb, getDb, openDatabase } = await import('../../src/lib/server/db');
const { importFiles } = await import('../../src/lib/server/import');
const reports = await import('../../src/lib/server/reports/read');
const table = await import('../../src/lib/server/db/schema');

const CELL = 'applications.rows.new.natural_person';
let reportId = 0;
let parsed = 0;

beforeAll(async () => {
	getDb().insert(table.user).values({ id: 'insp', username: 'insp', passwordHash: 'x', role: 'inspector' }).run();
	const results = await importFiles(districtFiles({ organs: 1, years: [2022], seed: 'correction-kill' }), {
		id: null,
		role: 'admin',
		organId: null
	});
	expect(results[0].status).toMatch(/^imported/);
	reportId = results[0].reportId!;
	parsed = reports.effectiveModel(reportId)!.applications.rows.new![0] as number;
	closeDb();
}, 60_000);
afterAll(() => tmp.cleanup());

interface Killed {
	signal: NodeJS.Signals | null;
	acknowledged: number[];
	/** Every table's rows, read while the killed correction's transaction was open. */
	seen: ReturnType<typeof tableDigests>;
}

/** Runs the child with `values`; at the `killAt`-th pause (1-based) reads the database, then SIGKILLs the child. */
function correctAndKill(values: number[], killAt: number): Promise<Killed> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			['--import', 'tsx', 'tests/helpers/correction-child.ts', String(reportId), CELL, ...values.map(String)],
			{
				env: { ...process.env, DATABASE_URL: tmp.url, DATA_DIR: tmp.dir, DW_TEST_CORRECTION_PAUSE_MS: '2000' },
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		let stdout = '';
		let stderr = '';
		let seen: Killed['seen'] | undefined;
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => {
			stderr += d;
			if (seen || stderr.split('DW_TEST_CORRECTION_PAUSE').length - 1 < killAt) return;
			// Another connection sees only what is committed: the acknowledged corrections, not the open one.
			const reader = new Database(tmp.url, { readonly: true });
			seen = tableDigests(reader);
			reader.close();
			child.kill('SIGKILL');
		});
		child.on('error', reject);
		child.on('close', (_code, signal) => {
			if (!seen) return reject(new Error(`the child ended before the kill: ${stderr}`));
			const acknowledged = [...stdout.matchAll(/^committed \d+ (\d+)$/gm)].map((m) => Number(m[1]));
			resolve({ signal, acknowledged, seen });
		});
	});
}

function reopened() {
	const db = openDatabase(tmp.url);
	expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
	expect(db.$client.pragma('foreign_key_check')).toEqual([]);
	return db;
}

/** The figure rows and findings follow the report's effective model (its revision with the active corrections). */
function assertFollowsCorrections(db: ReturnType<typeof openDatabase>, expected: number): void {
	const c = db.$client;
	const rev = c
		.prepare('SELECT r.model_json m FROM report p JOIN revision r ON r.id = p.current_revision_id WHERE p.id = ?')
		.get(reportId) as { m: string };
	const figures = c.prepare('SELECT count(*) n FROM figure WHERE report_id = ?').get(reportId) as { n: number };
	expect(figures.n).toBe(figureRows(JSON.parse(rev.m) as Report).length);
	const row = c
		.prepare("SELECT c0 FROM figure WHERE report_id = ? AND section = 'applications' AND row_key = 'new'")
		.get(reportId) as { c0: number };
	expect(row.c0).toBe(expected);
	const active = c
		.prepare('SELECT new_value v FROM correction WHERE report_id = ? AND undone_at IS NULL ORDER BY id DESC')
		.all(reportId) as { v: number }[];
	expect(active[0]?.v ?? parsed).toBe(expected);
}

describe('correction killed mid-way', () => {
	it('SIGKILL with the first correction open: the report is as imported', async () => {
		const killed = await correctAndKill([parsed + 1], 1);
		expect(killed.signal).toBe('SIGKILL');
		expect(killed.acknowledged).toEqual([]);
		const db = reopened();
		expect(tableDigests(db.$client)).toEqual(killed.seen);
		expect(db.$client.prepare('SELECT count(*) n FROM correction').get()).toEqual({ n: 0 });
		expect(db.$client.prepare("SELECT count(*) n FROM audit_log WHERE action = 'report.correct'").get()).toEqual({
			n: 0
		});
		assertFollowsCorrections(db, parsed);
		db.$client.close();
	}, 60_000);

	it('SIGKILL with the third correction open: the two acknowledged ones are kept whole, the third is not there', async () => {
		const values = [parsed + 2, parsed + 3, parsed + 4];
		const killed = await correctAndKill(values, 3);
		expect(killed.signal).toBe('SIGKILL');
		expect(killed.acknowledged).toEqual(values.slice(0, 2));
		const db = reopened();
		expect(tableDigests(db.$client)).toEqual(killed.seen);
		const rows = db.$client.prepare('SELECT new_value v FROM correction ORDER BY id').all() as { v: number }[];
		expect(rows.map((r) => r.v)).toEqual(values.slice(0, 2));
		expect(db.$client.prepare("SELECT count(*) n FROM audit_log WHERE action = 'report.correct'").get()).toEqual({
			n: 2
		});
		assertFollowsCorrections(db, values[1]);
		db.$client.close();
	}, 60_000);
});
