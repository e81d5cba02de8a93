// The findings page's refresh on a real migrated SQLite file: X7 (a report owed and missing) is rebuilt whole only
// when the date or the data moved, and a legacy report is rebuilt once per process, not on every load.
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../../../../tests/helpers/db-per-test';
import { renderReport } from '../../../../tests/helpers/report-files';
import { generateTruth } from '../../generator/district';
import { importFiles } from '../import';
import type { Actor } from '../../auth/actor';
import * as users from '../users';
import { listFindings, refreshTimeDependent } from './review';
import { getDb } from '../db';

const savedToday = process.env.FINDINGS_TODAY;
afterEach(() => {
	if (savedToday === undefined) delete process.env.FINDINGS_TODAY;
	else process.env.FINDINGS_TODAY = savedToday;
});
freshDatabaseEachTest('dw-refresh-', () => {});

async function importYears(years: number[], organs: number) {
	const admin = await users.create({ username: 'adm', password: 'adm-password-1', role: 'admin' });
	const t = generateTruth({ organs, years: [2021, 2022], seed: 'refresh-spec', errorRate: 0 });
	const files = t.reports
		.filter((r) => r.report.year !== null && years.includes(r.report.year))
		.map((r) => ({ name: `${r.organ_id}-${r.report.year}.txt`, bytes: renderReport(r.report) }));
	await importFiles(files, { id: admin.id, role: 'admin', organId: null } as Actor);
	return t;
}

const missing = () =>
	listFindings({ rule: 'X7', status: 'all' })
		.rows.map((f) => `${f.organName}:${f.year}`)
		.sort();

describe('refreshTimeDependent', () => {
	it('adds the X7 a passing deadline makes, with no change in the data', async () => {
		process.env.FINDINGS_TODAY = '2023-01-10';
		await importYears([2022], 3);
		refreshTimeDependent();
		expect(missing()).toEqual([]);
		process.env.FINDINGS_TODAY = '2024-06-01';
		refreshTimeDependent();
		expect(missing().filter((m) => m.endsWith(':2023')).length).toBe(3);
	});

	it("moves every organ's first owed year when a report of an earlier year arrives", async () => {
		process.env.FINDINGS_TODAY = '2023-06-01';
		const t = await importYears([2022], 3);
		refreshTimeDependent();
		expect(missing()).toEqual([]);
		// One organ's 2021 report: the district's history now starts in 2021, so the other two owe 2021 as well.
		const first = t.reports.find((r) => r.report.year === 2021)!;
		const admin = getDb().$client.prepare("SELECT id FROM user WHERE username = 'adm'").get() as { id: string };
		await importFiles([{ name: 'early-2021.txt', bytes: renderReport(first.report) }], {
			id: admin.id,
			role: 'admin',
			organId: null
		} as Actor);
		refreshTimeDependent();
		expect(missing().filter((m) => m.endsWith(':2021')).length).toBe(2);
	});

	it('rebuilds a legacy report once, not on every load', async () => {
		process.env.FINDINGS_TODAY = '2023-06-01';
		await importYears([2022], 1);
		const c = getDb().$client;
		const stamp = () => (c.prepare('SELECT updated_at AS u FROM report').get() as { u: number }).u;
		// As a report from before the review workflow: no fingerprints, no similarity index.
		const legacy = () => {
			c.prepare("UPDATE finding SET fingerprint = ''").run();
			c.prepare('DELETE FROM similarity_band').run();
			c.prepare('DELETE FROM cross_finding').run();
		};
		legacy();
		const before = stamp();
		refreshTimeDependent();
		const rebuilt = stamp();
		expect(rebuilt).toBeGreaterThan(before);
		// A report whose rebuild leaves it looking legacy (short texts: no bands, no findings) is not rebuilt again.
		legacy();
		refreshTimeDependent();
		expect(stamp()).toBe(rebuilt);
	});
});
