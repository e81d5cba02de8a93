// The cross-report findings as the importer keeps them, on a real migrated SQLite file: a generated district with
// injected cases (copies, a parent whose sums disagree, a missing year, a stock break, a silent edit) imported file by
// file, each import re-checking only what it affects (X6: its LSH candidates). Every injected case is stored, nothing
// else of these rules is (X7 only for the district's years: later years are missing for everyone, rightly).
import { describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../helpers/db-per-test';
import { renderReport } from '../helpers/report-files';
import { generateTruth, type CrossTruth } from '../../src/lib/generator/index';
import { importFiles } from '../../src/lib/server/import';
import { registerOrgans } from '../helpers/import-district';
import { getDb } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/auth/actor';
import { apiReport } from '../../src/lib/server/drilldown/api';

freshDatabaseEachTest('dw-cross-');
const YEARS = [2021, 2022, 2023];
const admin: Actor = { id: null, role: 'admin', organId: null };

describe('cross-report findings kept by the importer', () => {
	it('every injected case of the district is found, and nothing else', async () => {
		const t = generateTruth({ organs: 40, years: YEARS, seed: 'cross-import', errorRate: 0, cross: {} });
		// The admin's organ list: each organ under its latest name, older names as aliases, bureaus under the government.
		const idOf = registerOrgans(t.organs);
		const gov = t.organs.find((o) => o.id.endsWith('-gov'))!;
		getDb().$client.prepare('UPDATE organ SET parent_id = ? WHERE id <> ?').run(idOf.get(gov.id), idOf.get(gov.id));

		const files = t.reports.map((r) => ({ name: `${r.organ_id}/${r.report.year}.txt`, bytes: renderReport(r.report) }));
		const edits = t.cross!.edits.map((e) => ({
			name: `${e.organ_id}/${e.year}-rev2.txt`,
			bytes: renderReport(e.after)
		}));
		const results = await importFiles([...files, ...edits], admin);
		expect(results.filter((r) => !r.status.startsWith('imported')).map((r) => `${r.file}: ${r.reason}`)).toEqual([]);

		const organKey = new Map([...idOf].map(([k, v]) => [v, k]));
		const rows = getDb()
			.$client.prepare(
				`SELECT rule, organ_id AS organId, year, other_organ_id AS otherId, cells_json AS cells FROM cross_finding WHERE year <= ?
				UNION ALL SELECT f.rule, r.organ_id, r.year, NULL, f.cells_json FROM finding f JOIN report r ON r.id = f.report_id WHERE f.rule = 'X4'`
			)
			.all(YEARS.at(-1)) as {
			rule: CrossTruth['rule'];
			organId: number;
			year: number;
			otherId: number | null;
			cells: string;
		}[];
		const key = (c: CrossTruth) => [c.rule, c.organ_id, c.year, c.other_organ_id ?? '', c.section ?? ''].join('|');
		const got = rows.map((r) =>
			key({
				rule: r.rule,
				organ_id: organKey.get(r.organId)!,
				year: r.year,
				other_organ_id: r.otherId === null ? undefined : organKey.get(r.otherId),
				section: r.rule === 'X6' ? (JSON.parse(r.cells)[0].slice(-1) as '1' | '5') : undefined
			})
		);
		expect(got.sort()).toEqual(t.cross!.truth.map(key).sort());

		// The report's API shows the other side one step away: the other organ's text with the shared passages, the
		// children's sums, the edits.
		const copy = t.cross!.truth.find((c) => c.rule === 'X6')!;
		const body = apiReport(idOf.get(copy.organ_id)!, copy.year)!;
		const x6 = body.cross_findings.find((f) => f.rule === 'X6')!;
		expect(x6.other).toMatchObject({
			organ_id: idOf.get(copy.other_organ_id!),
			year: copy.year,
			url: `/api/organs/${idOf.get(copy.other_organ_id!)}/reports/${copy.year}`
		});
		expect(x6.texts[0].other_text.length).toBeGreaterThan(100);
		const [s0, e0] = x6.texts[0].other_shared[0];
		expect(x6.texts[0].other_text.slice(s0, e0).length).toBeGreaterThan(10);
		const h1 = t.cross!.truth.find((c) => c.rule === 'H1')!;
		const parent = apiReport(idOf.get(h1.organ_id)!, h1.year)!.cross_findings.find((f) => f.rule === 'H1')!;
		expect(
			parent.sums.every((x) => x.value !== null && x.children_sum !== null && x.value - x.children_sum === 7)
		).toBe(true);
		expect(parent.children.length).toBeGreaterThan(30);
		const d3 = t.cross!.truth.find((c) => c.rule === 'D3')!;
		const edited = apiReport(idOf.get(d3.organ_id)!, d3.year)!.cross_findings.find((f) => f.rule === 'D3')!;
		expect(edited.changes).toEqual([
			{ path: 'proactive.penalty.decisions', before: expect.any(Number), after: expect.any(Number) }
		]);
		expect(edited.changes[0].after! - edited.changes[0].before!).toBe(2);
	});
});
