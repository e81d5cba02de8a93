// The built server killed (SIGKILL) in the middle of a correction and of an import, on a copy of the e2e database:
// each write is held open before its commit by the DW_TEST_*_PAUSE_MS fault hooks; while it is open another
// connection reads every table (what was acknowledged), the server is killed, and the reopened database must pass
// `PRAGMA integrity_check` and hold exactly that. A correction acknowledged before a kill is kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generateTruth } from '../../src/lib/generator/district';
import { renderTxt } from '../../src/lib/generator/render';
import { tableDigests } from '../helpers/db-state';
import { spawnApp, waitForServer } from '../helpers/app-server';

const CELL = 'applications.rows.new.natural_person';
const dir = mkdtempSync(join(tmpdir(), 'dw-server-kill-'));
const dbPath = join(dir, 'kill.db');
let target = { organ: 0, year: 0, report: 0 };

interface Server {
	base: string;
	child: ChildProcess;
	/** Resolves once the server's stderr has announced the fault hook's pause. */
	paused: Promise<void>;
	exited: Promise<unknown>;
}

async function startServer(env: Record<string, string> = {}): Promise<Server> {
	const { base, child } = await spawnApp(
		{ ...process.env, ...env, DATABASE_URL: dbPath, DATA_DIR: dir, LOGIN_MAX_ADDRESS_FAILURES: '100000' },
		['ignore', 'ignore', 'pipe']
	);
	const exited = new Promise((r) => child.once('exit', r));
	let stderr = '';
	const paused = new Promise<void>((resolve) =>
		child.stderr!.on('data', (d) => {
			stderr += d;
			if (/DW_TEST_(IMPORT|CORRECTION)_PAUSE/.test(stderr)) resolve();
		})
	);
	await waitForServer(`${base}/login`, 30_000, () => stderr);
	return { base, child, paused, exited };
}

async function kill(s: Server): Promise<void> {
	s.child.kill('SIGKILL');
	await s.exited;
	expect(s.child.signalCode).toBe('SIGKILL');
}

async function login(base: string): Promise<string> {
	const r = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username: 'inspector', password: 'inspector-demo' })
	});
	const c = r.headers.getSetCookie().find((x) => x.startsWith('dw_session='));
	if (!c) throw new Error(`login failed: ${r.status}`);
	return c.split(';')[0];
}

function post(base: string, path: string, cookie: string, body: FormData | URLSearchParams): Promise<Response> {
	return fetch(base + path, { method: 'POST', headers: { origin: base, cookie, accept: 'text/html' }, body });
}

/** What every connection sees now: all tables' rows, hashed. */
function committed() {
	const d = new Database(dbPath, { readonly: true });
	try {
		return tableDigests(d);
	} finally {
		d.close();
	}
}

/** Reopened after the kill (WAL recovery), checked, and read. */
function reopened<T>(fn: (d: Database.Database) => T): T {
	const d = new Database(dbPath);
	try {
		expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
		expect(d.pragma('foreign_key_check')).toEqual([]);
		return fn(d);
	} finally {
		d.close();
	}
}

/** Kills the server while `request` waits inside its write transaction: the request gets no answer, and the reopened
 * database holds exactly what was committed before the kill, then passes `check`. */
async function killMidWrite(s: Server, request: Promise<Response>, check: (d: Database.Database) => void) {
	const answer = request.then(
		(r) => r.status,
		() => 'no answer'
	);
	await s.paused;
	const seen = committed();
	await kill(s);
	expect(await answer).toBe('no answer');
	reopened((d) => {
		expect(tableDigests(d)).toEqual(seen);
		check(d);
	});
}

const natural = (d: Database.Database) =>
	(
		d
			.prepare("SELECT c0 FROM figure WHERE report_id = ? AND section = 'applications' AND row_key = 'new'")
			.get(target.report) as { c0: number }
	).c0;
const corrections = (d: Database.Database) =>
	(d.prepare('SELECT count(*) n FROM correction WHERE report_id = ?').get(target.report) as { n: number }).n;

beforeAll(async () => {
	// A consistent copy of the shared e2e database (its demo accounts and reports), taken online.
	const shared = new Database(inject('dbPath'), { readonly: true });
	await shared.backup(dbPath);
	shared.close();
	const d = new Database(dbPath, { readonly: true });
	const r = d
		.prepare(
			"SELECT r.id, r.organ_id, r.year FROM report r JOIN figure f ON f.report_id = r.id AND f.section = 'applications' AND f.row_key = 'new' WHERE f.c0 IS NOT NULL ORDER BY r.id LIMIT 1"
		)
		.get() as { id: number; organ_id: number; year: number };
	d.close();
	target = { organ: r.organ_id, year: r.year, report: r.id };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the server killed mid-write', () => {
	it('during a correction: nothing of it is stored, everything else is as acknowledged', async () => {
		const s = await startServer({ DW_TEST_CORRECTION_PAUSE_MS: '60000' });
		const cookie = await login(s.base);
		const before = reopened((d) => ({ value: natural(d), corrections: corrections(d) }));
		const correction = post(
			s.base,
			`/organs/${target.organ}/${target.year}?/correct`,
			cookie,
			new URLSearchParams({ cell: CELL, value: String(before.value + 5), reason: '服务器崩溃测试' })
		);
		await killMidWrite(s, correction, (d) => {
			expect(natural(d)).toBe(before.value);
			expect(corrections(d)).toBe(before.corrections);
		});
	}, 90_000);

	it('after an acknowledged correction, and during an import: the correction is kept, the import is not there', async () => {
		const s = await startServer();
		const cookie = await login(s.base);
		const old = reopened(natural);
		const ok = await post(
			s.base,
			`/organs/${target.organ}/${target.year}?/correct`,
			cookie,
			new URLSearchParams({ cell: CELL, value: String(old + 6), reason: '服务器崩溃测试：已确认' })
		);
		expect(ok.status).toBe(200);
		expect(await ok.text()).toContain('已更正');
		// Killed at once, no checkpoint, no clean shutdown: the acknowledged correction is in the WAL only.
		await kill(s);
		reopened((d) => expect(natural(d)).toBe(old + 6));

		const s2 = await startServer({ DW_TEST_IMPORT_PAUSE_MS: '60000' });
		const cookie2 = await login(s2.base);
		const reportsBefore = reopened((d) => (d.prepare('SELECT count(*) n FROM report').get() as { n: number }).n);
		const truth = generateTruth({ organs: 1, years: [2023], seed: `server-kill-${Date.now()}`, errorRate: 0 });
		const form = new FormData();
		form.append('files', new Blob([renderTxt(truth.reports[0].report, 'pipe')]), 'server-kill.txt');
		await killMidWrite(s2, post(s2.base, '/import?/upload', cookie2, form), (d) => {
			expect((d.prepare('SELECT count(*) n FROM report').get() as { n: number }).n).toBe(reportsBefore);
			expect(natural(d)).toBe(old + 6);
		});

		// And the server starts again on it and serves the report.
		const s3 = await startServer();
		const page = await fetch(`${s3.base}/organs/${target.organ}/${target.year}`, {
			headers: { cookie: await login(s3.base), accept: 'text/html' }
		});
		expect(page.status).toBe(200);
		await kill(s3);
	}, 120_000);
});
