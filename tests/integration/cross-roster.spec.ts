// X7 and H1 follow the per-year roster, and every change that moves them re-derives them: a new revision of a child's
// report, a correction and its undo, a child moved to another parent, a merge and its undo, roster years and status.
// A generated district (no injected cases: the government's sections 3 and 4 are the sums of its organs') on a real
// migrated SQLite file, imported file by file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../helpers/db-per-test';
import { renderReport } from '../helpers/report-files';
import { generateTruth } from '../../src/lib/generator/index';
import { importFiles } from '../../src/lib/server/import';
import * as organs from '../../src/lib/server/organs';
import { registerOrgans } from '../helpers/import-district';
import * as users from '../../src/lib/server/users';
import { correctFigure, undoCorrection } from '../../src/lib/server/corrections';
import { importRoster } from '../../src/lib/server/roster-file';
import { getDb } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/auth/actor';
import type { Report } from '../../src/lib/report/model';
import type { CrossFinding } from '../../src/lib/cross';

freshDatabaseEachTest('dw-cross-roster-');
const YEARS = [2021, 2022, 2023];
const admin: Actor = { id: null, role: 'admin', organId: null };
const NEW_TOTAL = 'applications.rows.new.total';

let savedToday: string | undefined;
beforeEach(() => {
	savedToday = process.env.FINDINGS_TODAY;
	process.env.FINDINGS_TODAY = '2025-06-01'; // every deadline of 2021–2024 has passed, 2025's not yet
});
afterEach(() => {
	if (savedToday === undefined) delete process.env.FINDINGS_TODAY;
	else process.env.FINDINGS_TODAY = savedToday;
});

const file = (organ: string, r: Report, tag = '') => ({ name: `${organ}/${r.year}${tag}.txt`, bytes: renderReport(r) });

/**
 * A district of a government and its bureaus, all on the roster, the bureaus under the government; with `gap`, the
 * first bureau's 2023 report is not imported.
 */
async function district(seed: string, gap = false) {
	const t = generateTruth({
		organs: 6,
		years: YEARS,
		seed,
		errorRate: 0,
		cross: { copies: 0, parentMismatch: false, missing: 0, stockBreaks: 0, silentEdits: 0 }
	});
	const idOf = registerOrgans(t.organs);
	const govKey = t.organs.find((o) => o.id.endsWith('-gov'))!.id;
	const gov = idOf.get(govKey)!;
	getDb().$client.prepare('UPDATE organ SET parent_id = ? WHERE id <> ?').run(gov, gov);
	const first = t.organs.find((o) => o.id !== govKey)!.id;
	const files = t.reports
		.filter((r) => !(gap && r.organ_id === first && r.report.year === 2023))
		.map((r) => file(r.organ_id, r.report));
	const results = await importFiles(files, admin);
	expect(results.filter((r) => !r.status.startsWith('imported')).map((r) => `${r.file}: ${r.reason}`)).toEqual([]);
	const bureaus = t.organs.filter((o) => o.id !== govKey).map((o) => ({ key: o.id, id: idOf.get(o.id)! }));
	const report = (key: string, year: number) => t.reports.find((r) => r.organ_id === key && r.report.year === year)!;
	return { t, gov, govKey, bureaus, report };
}

const missing = () =>
	(
		getDb()
			.$client.prepare("SELECT organ_id AS organId, year FROM cross_finding WHERE rule = 'X7' ORDER BY organ_id, year")
			.all() as { organId: number; year: number }[]
	).map((r) => `${r.organId}/${r.year}`);

const h1 = (gov: number) =>
	(
		getDb()
			.$client.prepare("SELECT detail_json AS d FROM cross_finding WHERE rule = 'H1' AND organ_id = ? ORDER BY year")
			.all(gov) as { d: string }[]
	).map((r) => JSON.parse(r.d) as CrossFinding);

const reportId = (organId: number, year: number) =>
	(
		getDb().$client.prepare('SELECT id FROM report WHERE organ_id = ? AND year = ?').get(organId, year) as {
			id: number;
		}
	).id;

describe('X7 and H1 follow the per-year roster', () => {
	it('X7: an organ is missing a year only while it is on the roster that year', async () => {
		const { bureaus, gov } = await district('roster-x7', true);
		const d = bureaus[0].id;
		const all = [gov, ...bureaus.map((b) => b.id)];
		// Nobody holds 2024 (its deadlines have passed); the bureau without its 2023 report misses that year too.
		expect(missing()).toEqual(
			[...all.map((id) => `${id}/2024`), `${d}/2023`].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
		);
		// Abolished from 2023: it owes neither 2023 nor 2024, and its earlier years still count (they are held).
		organs.retire(d, 2023, null);
		expect(missing().filter((m) => m.startsWith(`${d}/`))).toEqual([]);
		organs.setYears(d, { from: null, to: null }, null);
		expect(missing().filter((m) => m.startsWith(`${d}/`))).toEqual([`${d}/2023`, `${d}/2024`]);
		organs.setStatus(d, 'outside', null);
		expect(missing().filter((m) => m.startsWith(`${d}/`))).toEqual([]);

		// A bureau created in 2022 owes 2022 on, whether or not it reported the year before; named as required.
		const created = organs.addOrgan({ name: '新设数据资源局', years: { from: 2022, to: null }, parentId: gov }, null);
		expect(missing().filter((m) => m.startsWith(`${created.id}/`))).toEqual([
			`${created.id}/2022`,
			`${created.id}/2023`,
			`${created.id}/2024`
		]);
		const message = (
			getDb()
				.$client.prepare("SELECT message FROM cross_finding WHERE rule = 'X7' AND organ_id = ? AND year = 2022")
				.get(created.id) as { message: string }
		).message;
		expect(message).toContain('名册要求2022年度报送年报');
		// A roster file moving its start to 2024 leaves only 2024.
		const csv = `名称,类型,起止年度,上级\n新设数据资源局,政府部门,2024-,\n`;
		const loaded = await importRoster('名册.csv', new TextEncoder().encode(csv), admin);
		expect(loaded.problems).toEqual([]);
		expect(missing().filter((m) => m.startsWith(`${created.id}/`))).toEqual([`${created.id}/2024`]);
	});

	it('H1: the expected children are the roster’s of that year; off-roster children are neither summed nor expected', async () => {
		const { gov, bureaus } = await district('roster-h1', true);
		const d = bureaus[0];
		// 2023: the government's sums hold the bureau whose report is not here: uncertain, naming it.
		let found = h1(gov);
		expect(found.map((f) => f.year)).toEqual([2023]);
		expect(found[0].uncertain).toBe(true);
		expect(found[0].missingChildren?.map((c) => Number(c.organ))).toEqual([d.id]);
		expect(found[0].children).toHaveLength(bureaus.length - 1);
		// Off the roster from 2023: no longer expected, so the disagreement stands without the caveat.
		organs.retire(d.id, 2023, null);
		found = h1(gov);
		expect(found.map((f) => f.year)).toEqual([2023]);
		expect(found[0].uncertain).toBe(false);
		expect(found[0].missingChildren).toEqual([]);
		// Off the roster in every year: its held 2021 and 2022 reports are not summed either, so those years disagree.
		organs.setStatus(d.id, 'outside', null);
		expect(h1(gov).map((f) => f.year)).toEqual([2021, 2022, 2023]);
		expect(h1(gov).every((f) => !f.uncertain && f.children?.length === bureaus.length - 1)).toBe(true);
		// Back on the roster for every year: 2021 and 2022 agree again, 2023 is uncertain again.
		organs.setStatus(d.id, 'district', null);
		organs.setYears(d.id, { from: null, to: null }, null);
		found = h1(gov);
		expect(found.map((f) => [f.year, f.uncertain])).toEqual([[2023, true]]);
	});
});

describe('H1 is re-derived when a parent or a child report changes', () => {
	it('a new revision, a correction and its undo, a move to another parent, a merge and its undo', async () => {
		const { gov, bureaus, report } = await district('refresh-h1');
		expect(h1(gov)).toEqual([]);
		const [a, b] = bureaus;
		// A child's new revision with 5 more new applications: the parent's 2022 no longer holds the sums.
		const changed = structuredClone(report(a.key, 2022).report);
		changed.applications.rows.new![0] = (changed.applications.rows.new![0] as number) + 5;
		changed.applications.rows.new![6] = (changed.applications.rows.new![6] as number) + 5;
		await importFiles([file(a.key, changed, '-rev2')], admin);
		let found = h1(gov);
		expect(found.map((f) => f.year)).toEqual([2022]);
		expect(found[0].values[NEW_TOTAL]! as number).toBe((found[0].values[`children:${NEW_TOTAL}`] as number) - 5);
		expect(found[0].uncertain).toBe(false);

		// The parent corrected to the children's sums: the finding goes; the correction undone: it is back.
		const inspector = await users.create({ username: 'insp', password: 'insp-password-1', role: 'inspector' });
		const actor: Actor = { id: inspector.id, role: 'inspector', organId: null };
		const sum = found[0].values[`children:${NEW_TOTAL}`] as number;
		const fix = correctFigure(
			{ reportId: reportId(gov, 2022), cellPath: NEW_TOTAL, value: String(sum), reason: '按下级合计核对' },
			actor
		);
		// Only the total was corrected: the government's own-column cell still disagrees, the total no longer.
		found = h1(gov);
		expect(found.map((f) => f.year)).toEqual([2022]);
		expect(found[0].cells).not.toContain(NEW_TOTAL);
		undoCorrection(fix.id, actor);
		expect(h1(gov)[0].cells).toContain(NEW_TOTAL);
		// The child's earlier figures back in a new revision (a new file: another closing line): the sums agree again.
		const again = structuredClone(report(a.key, 2022).report);
		again.sections['6'] = `${again.sections['6'] ?? ''}\n（更正后重新发布）`;
		await importFiles([file(a.key, again, '-rev3')], admin);
		expect(h1(gov)).toEqual([]);

		// A child moved out from under the government: every year lacks its figures; moved back: all agree.
		organs.setParent(b.id, null, null);
		expect(h1(gov).map((f) => f.year)).toEqual(YEARS);
		organs.setParent(b.id, gov, null);
		expect(h1(gov)).toEqual([]);

		// Merged into an organ outside the government's tree: the same; the merge undone: all agree again.
		const elsewhere = organs.addOrgan({ name: '外区合并承接局' }, null);
		const merged = organs.mergeOrgans(b.id, elsewhere.id, null);
		expect(h1(gov).map((f) => f.year)).toEqual(YEARS);
		organs.undoMerge(merged.mergeId, null);
		expect(h1(gov)).toEqual([]);
		// Merged into a new organ under the government (it takes the reports over): the sums hold; the merged organ's
		// X7 go with it, the survivor's are its own.
		const successor = organs.addOrgan({ name: '承接局', parentId: gov }, null);
		expect(h1(gov).map((f) => f.year)).toEqual([]);
		organs.mergeOrgans(b.id, successor.id, null);
		expect(h1(gov)).toEqual([]);
		expect(missing().some((m) => m.startsWith(`${b.id}/`))).toBe(false);
		expect(missing().filter((m) => m.startsWith(`${successor.id}/`))).toEqual([`${successor.id}/2024`]);
	});
});
