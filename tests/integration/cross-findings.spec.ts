// The cross-report findings as the importer keeps them, on a real migrated SQLite file: a generated district with
// injected cases (copies, a parent whose sums disagree, a missing year, a stock break, a silent edit) imported file by
// file, each import re-checking only what it affects (X6: its LSH candidates). Every injected case is stored, nothing
// else of these rules is (X7 only for the district's years: later years are missing for everyone, rightly).
import { describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../helpers/db-per-test';
import { renderReport } from '../helpers/report-files';
import { generateTruth, type CrossTruth } from '../../src/lib/generator/index';
import { importFiles } from '../../src/lib/server/import';
import * as organs from '../../src/lib/server/organs';
import { getDb } from '../../src/lib/server/db';
import type { Actor } from '../../src/lib/auth/actor';

freshDatabaseEachTest('dw-cross-');
const YEARS = [2021, 2022, 2023];
const admin: Actor = { id: null, role: 'admin', organId: null };

describe('cross-report findings kept by the importer', () => {
	it('every injected case of the district is found, and nothing else', async () => {
		const t = generateTruth({ organs: 40, years: YEARS, seed: 'cross-import', errorRate: 0, cross: {} });
		// The admin's organ list: each organ under its latest name, older names as aliases, bureaus under the government.
		const idOf = new Map<string, number>();
		for (const o of t.organs) {
			const organ = organs.ensure(o.names.at(-1)!.name, o.kind);
			for (const n of o.names.slice(0, -1)) organs.addAlias(organ.id, n.name);
			idOf.set(o.id, organ.id);
		}
		const gov = t.organs.find((o) => o.id.endsWith('-gov'))!;
		getDb().$client.prepare('UPDATE organ SET parent_id = ? WHERE id <> ?').run(idOf.get(gov.id), idOf.get(gov.id));

		const files = t.reports.map((r) => ({ name: `${r.organ_id}/${r.report.year}.txt`, bytes: renderReport(r.report) }));
		const edits = t.cross!.edits.map((e) => ({ name: `${e.organ_id}/${e.year}-rev2.txt`, bytes: renderReport(e.after) }));
		const results = await importFiles([...files, ...edits], admin);
		expect(results.filter((r) => !r.status.startsWith('imported')).map((r) => `${r.file}: ${r.reason}`)).toEqual([]);

		const organKey = new Map([...idOf].map(([k, v]) => [v, k]));
		const rows = getDb()
			.$client.prepare(
				`SELECT rule, organ_id AS organId, year, other_organ_id AS otherId, cells_json AS cells FROM cross_finding WHERE year <= ?
				UNION ALL SELECT f.rule, r.organ_id, r.year, NULL, f.cells_json FROM finding f JOIN report r ON r.id = f.report_id WHERE f.rule = 'X4'`
			)
			.all(YEARS.at(-1)) as { rule: CrossTruth['rule']; organId: number; year: number; otherId: number | null; cells: string }[];
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
	});
});
