// The cross-report rules on a generated district with injected cases: each injected case is found, nothing else
// is (precision and recall 1.0 against the generator's truth).
import { describe, expect, it } from 'vitest';
import { generateTruth } from './district';
import type { CrossTruth } from './cross-cases';
import {
	checkCopiedAcross,
	checkMissingReports,
	checkParentSums,
	checkSilentEdits,
	checkStockContinuity,
	heldKey,
	type ReportRef
} from '../cross';

const YEARS = [2021, 2022, 2023];

function found(seed: string) {
	const t = generateTruth({ organs: 40, years: YEARS, seed, errorRate: 0, cross: {} });
	const ref = (r: (typeof t.reports)[number]): ReportRef => ({
		organ: r.organ_id,
		organName: r.report.organ,
		year: r.report.year!,
		model: r.report
	});
	const out: CrossTruth[] = [];
	// X6 over the whole district (every year at once: only same-year pairs are compared).
	for (const f of checkCopiedAcross(t.reports.map(ref)))
		out.push({
			rule: 'X6',
			organ_id: f.organ,
			year: f.year,
			other_organ_id: f.other!.organ,
			section: f.cells[0].slice(-1) as '1' | '5'
		});
	// X7 once every deadline has passed.
	const held = new Set(t.reports.map((r) => heldKey(r.organ_id, r.report.year!)));
	const organs = t.organs.map((o) => ({ organ: o.id, name: o.names.at(-1)!.name, kind: o.kind }));
	for (const year of YEARS.slice(1))
		for (const f of checkMissingReports({ organs, held, year, today: '2030-01-01' }))
			out.push({ rule: 'X7', organ_id: f.organ, year });
	// H1: each government against the other organs of its district.
	for (const g of t.organs.filter((o) => o.id.endsWith('-gov')))
		for (const year of YEARS) {
			const parent = t.reports.find((r) => r.organ_id === g.id && r.report.year === year);
			if (!parent) continue;
			const kids = t.reports.filter(
				(r) =>
					r.organ_id !== g.id &&
					r.report.year === year &&
					t.organs.find((o) => o.id === r.organ_id)!.district === g.district
			);
			const expected = t.organs
				.filter((o) => o.district === g.district && o.id !== g.id)
				.map((o) => ({ organ: o.id, organName: o.id }));
			for (const f of checkParentSums(ref(parent), kids.map(ref), expected))
				out.push({ rule: 'H1', organ_id: f.organ, year });
		}
	// X4 and D3 per organ.
	for (const r of t.reports) {
		const prev = t.reports.find((p) => p.organ_id === r.organ_id && p.report.year === r.report.year! - 1);
		if (checkStockContinuity(prev?.report ?? null, r.report).length)
			out.push({ rule: 'X4', organ_id: r.organ_id, year: r.report.year! });
		const edit = t.cross!.edits.find((e) => e.organ_id === r.organ_id && e.year === r.report.year);
		const revisions = [
			{ id: '1', seenOn: '2024-01-20', model: r.report },
			...(edit ? [{ id: '2', seenOn: '2024-05-01', model: edit.after }] : [])
		];
		if (checkSilentEdits({ organ: r.organ_id, year: r.report.year! }, revisions).length)
			out.push({ rule: 'D3', organ_id: r.organ_id, year: r.report.year! });
	}
	return { truth: t.cross!.truth, out };
}

const key = (c: CrossTruth) => [c.rule, c.organ_id, c.year, c.other_organ_id ?? '', c.section ?? ''].join('|');

describe('cross-report cases in a generated district', () => {
	it.each(['cross-a', 'cross-b'])(
		'seed %s: every injected case found, nothing else (precision = recall = 1)',
		(seed) => {
			const { truth, out } = found(seed);
			expect(new Set(truth.map((c) => c.rule))).toEqual(new Set(['X6', 'X7', 'H1', 'X4', 'D3']));
			const want = new Set(truth.map(key));
			const got = new Set(out.map(key));
			const tp = [...got].filter((k) => want.has(k)).length;
			expect({
				precision: tp / got.size,
				recall: tp / want.size,
				extra: [...got].filter((k) => !want.has(k)),
				missed: [...want].filter((k) => !got.has(k))
			}).toEqual({
				precision: 1,
				recall: 1,
				extra: [],
				missed: []
			});
		}
	);

	it('without cross cases the district is unchanged by the option’s absence', () => {
		const a = generateTruth({ organs: 3, years: YEARS, seed: 'plain' });
		expect(a.cross).toBeUndefined();
		expect(a.reports[0].report.sections['1']).not.toContain('本年度具体做法包括');
	});
});
