// A process killed in the middle of an import leaves only whole reports: the CLI is run as a child process and
// SIGKILLed while a report's transaction is open (held open by the DW_TEST_IMPORT_PAUSE_MS fault hook), then the
// database is checked row by row (and against what another connection read while that transaction was open), each
// stored revision's original file is there with its bytes, and a second run completes the import.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type DB } from '../../src/lib/server/db';
import { figureRows } from '../../src/lib/report/figure-rows';
import type { Report } from '../../src/lib/report/model';
import { districtFiles } from '../helpers/report-files';
import { tableDigests } from '../helpers/db-state';
import Database from 'better-sqlite3';

const root = mkdtempSync(join(tmpdir(), 'dw-kill-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Run {
	code: number | null;
	signal: NodeJS.Signals | null;
	stderr: string;
	stdout: string;
}

/**
 * Runs the import CLI; `killWhen` sees stderr as it grows and returns true to SIGKILL the child (after calling
 * `beforeKill`, which may read the database while the child's transaction is open).
 */
function runImport(
	dir: string,
	input: string,
	env: Record<string, string>,
	killWhen?: (stderr: string) => boolean,
	beforeKill?: () => void
): Promise<Run> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'import', input], {
			env: { ...process.env, DATABASE_URL: join(dir, 'db.sqlite'), DATA_DIR: dir, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stderr = '';
		let stdout = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => {
			stderr += d;
			if (child.exitCode === null && !child.killed && killWhen?.(stderr)) {
				beforeKill?.();
				child.kill('SIGKILL');
			}
		});
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({ code, signal, stderr, stdout }));
	});
}

/**
 * Every report is whole: a current revision of its own, figure rows and findings matching that revision's model,
 * and the original file of every revision kept under the data directory with the bytes its hash names.
 */
function assertWholeReports(db: DB, dir: string): number {
	const c = db.$client;
	expect(c.pragma('integrity_check', { simple: true })).toBe('ok');
	expect(c.pragma('foreign_key_check')).toEqual([]);
	const reps = c.prepare('SELECT id, current_revision_id, findings_count FROM report').all() as {
		id: number;
		current_revision_id: number | null;
		findings_count: number;
	}[];
	for (const r of reps) {
		const rev = c.prepare('SELECT report_id, model_json FROM revision WHERE id = ?').get(r.current_revision_id) as
			{ report_id: number; model_json: string } | undefined;
		expect(rev?.report_id, `report ${r.id} has its current revision`).toBe(r.id);
		const model = JSON.parse(rev!.model_json) as Report;
		const figures = (c.prepare('SELECT count(*) n FROM figure WHERE report_id = ?').get(r.id) as { n: number }).n;
		expect(figures).toBe(figureRows(model).length);
		const findings = (c.prepare('SELECT count(*) n FROM finding WHERE report_id = ?').get(r.id) as { n: number }).n;
		expect(findings).toBe(r.findings_count);
	}
	const orphanRevisions = c
		.prepare('SELECT count(*) n FROM revision WHERE report_id NOT IN (SELECT id FROM report)')
		.get() as { n: number };
	expect(orphanRevisions.n).toBe(0);
	const files = c.prepare('SELECT sha256, file_path p FROM revision').all() as { sha256: string; p: string }[];
	for (const f of files) {
		const bytes = readFileSync(join(dir, f.p));
		expect(createHash('sha256').update(bytes).digest('hex'), f.p).toBe(f.sha256);
	}
	// No partial original is left behind (a temp file is renamed only once complete).
	const leftovers = readdirSync(join(dir, 'files'), { recursive: true }).filter((n) => String(n).endsWith('.tmp'));
	expect(leftovers).toEqual([]);
	return reps.length;
}

function writeInputs(dir: string, organs: number): number {
	const files = districtFiles({ organs, years: [2021, 2022, 2023], seed: `kill-${organs}` });
	for (const f of files) {
		mkdirSync(join(dir, f.name, '..'), { recursive: true });
		writeFileSync(join(dir, f.name), f.bytes);
	}
	return files.length;
}

describe('import killed mid-way', () => {
	it('SIGKILL while a report transaction is open leaves only the committed, whole reports', async () => {
		const dir = join(root, 'paused');
		const input = join(dir, 'in');
		const total = writeInputs(input, 2);
		const marks = (s: string) => s.split('DW_TEST_IMPORT_PAUSE').length - 1;
		// The third file's transaction is open (paused before commit) when the child is killed.
		let seen: ReturnType<typeof tableDigests> | undefined;
		const killed = await runImport(
			dir,
			input,
			{ DW_TEST_IMPORT_PAUSE_MS: '1500' },
			(s) => marks(s) >= 3,
			() => {
				// What was acknowledged: another connection sees the two committed files, not the open third.
				const reader = new Database(join(dir, 'db.sqlite'), { readonly: true });
				seen = tableDigests(reader);
				reader.close();
			}
		);
		expect(killed.signal).toBe('SIGKILL');

		const db = openDatabase(join(dir, 'db.sqlite'));
		expect(tableDigests(db.$client)).toEqual(seen);
		expect(assertWholeReports(db, dir)).toBe(2);
		expect((db.$client.prepare('SELECT count(*) n FROM revision').get() as { n: number }).n).toBe(2);
		db.$client.close();

		const rerun = await runImport(dir, input, {});
		expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
		expect(rerun.stdout).toContain('重复 2');
		const after = openDatabase(join(dir, 'db.sqlite'));
		expect(assertWholeReports(after, dir)).toBe(total);
		after.$client.close();
	}, 90_000);

	it('SIGKILL at an arbitrary moment of a bulk import leaves whole reports too', async () => {
		const dir = join(root, 'bulk');
		const input = join(dir, 'in');
		const total = writeInputs(input, 20);
		// Kill as soon as the first progress line reports a file done.
		const killed = await runImport(dir, input, {}, (s) => /已导入 [1-9]/.test(s));
		const db = openDatabase(join(dir, 'db.sqlite'));
		const n = assertWholeReports(db, dir);
		db.$client.close();
		if (killed.signal === 'SIGKILL') expect(n).toBeLessThan(total);
		const rerun = await runImport(dir, input, {});
		expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
		const after = openDatabase(join(dir, 'db.sqlite'));
		expect(assertWholeReports(after, dir)).toBe(total);
		after.$client.close();
	}, 120_000);
});
