// Blank totals beside printed parts, at scale: a district's reports with some 总计 cells (section 3 rows,
// section 4 groups) left blank, rendered as pipe text, tab text and HTML. Each such total comes back as the sum
// of its parts with provenance { derived: 'sum', from } and a warning, is no evidence for A3/A4, and a blank
// part is never derived.
import { describe, expect, it } from 'vitest';
import { generateTruth, renderTxt, renderHtml, createRng } from '../../../src/lib/generator/index';
import { parseReport } from '../../../src/lib/report/parse';
import type { Report } from '../../../src/lib/report/model';
import { applicationPath, reviewPath } from '../../../src/lib/report/cell-path';

const truth = generateTruth({ organs: 20, years: [2022], seed: 'blank-totals', errorRate: 0 });
const renders: [string, (r: Report) => string][] = [
	['pipe', (r) => renderTxt(r, 'pipe')],
	['tab', (r) => renderTxt(r, 'tab')],
	['html', (r) => renderHtml(r)]
];

describe.each(renders)('blank totals, %s', (format, render) => {
	it('derives each blank total from its printed parts, never a blank part', async () => {
		let derived = 0;
		for (const t of truth.reports) {
			const rng = createRng(`${format}/${t.organ_id}`);
			const shown: Report = structuredClone(t.report);
			const blanked: string[] = [];
			const rows = shown.applications.rows as Record<string, (number | null)[]>;
			for (const [k, row] of Object.entries(rows))
				if (rng.chance(0.3)) {
					row[6] = null;
					blanked.push(applicationPath(k, 6));
				}
			const g = rng.pick(['reconsideration', 'litigation_direct'] as const);
			shown.review[g]![4] = null;
			blanked.push(reviewPath(g, 4));
			// One part blank: its total stays as printed and the part stays null.
			const partRow = rows.granted!;
			const partBlank = rows.granted![6] !== null;
			if (partBlank) partRow[2] = null;
			const ext = format === 'html' ? 'html' : 'txt';
			const p = await parseReport(new TextEncoder().encode(render(shown)), `${t.organ_id}.${ext}`);
			const pr = p.applications.rows as Record<string, (number | null)[]>;
			for (const path of blanked) {
				const [, , key] = /^(applications\.rows|review)\.(.+)\.total$/.exec(path)!;
				const got = path.startsWith('review') ? p.review[key as 'reconsideration']![4] : pr[key][6];
				const want = path.startsWith('review')
					? t.report.review[key as 'reconsideration']![4]
					: (t.report.applications.rows as Record<string, (number | null)[]>)[key][6];
				if (partBlank && key === 'granted') {
					expect(got, path).toBeNull();
					continue;
				}
				expect(got, path).toBe(want);
				expect(p.provenance[path]?.derived, path).toBe('sum');
				expect(p.provenance[path]?.from?.length, path).toBe(path.startsWith('review') ? 4 : 6);
				expect(
					p.warnings.some((w) => w.code === 'derived_total' && w.where === path),
					path
				).toBe(true);
				expect(
					p.findings.filter((f) => (f.rule === 'A3' || f.rule === 'A4' || f.rule === 'A0') && f.cells.includes(path)),
					path
				).toEqual([]);
				derived++;
			}
			if (partBlank) {
				expect(pr.granted[2]).toBeNull();
				expect(pr.granted[6]).toBe(t.report.applications.rows.granted![6]);
			}
		}
		expect(derived).toBeGreaterThan(50);
	});
});
