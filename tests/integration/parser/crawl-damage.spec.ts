// Crawled one-value-per-line text, at scale: a district's reports rendered flat, then every line equal to the
// line before it dropped (a crawler's dedup), or numbers broken over two lines. Every figure comes back right
// or null with a warning that names it — never a wrong number — and rows the sums leave one reading of come back.
import { describe, expect, it } from 'vitest';
import { generateTruth, renderTxt, dropRepeatedLines, breakNumbers, createRng } from '../../../src/lib/generator/index';
import { parseReport } from '../../../src/lib/report/parse';
import type { Report } from '../../../src/lib/report/model';
import { applicationPath, isWithin, proactivePath, reviewPath } from '../../../src/lib/report/cell-path';

const truth = generateTruth({ organs: 40, years: [2021, 2022], seed: 'crawl', errorRate: 0 });

interface Tally {
	right: number;
	unknown: number;
	wrong: string[];
}

function tally(p: Report, t: Report, into: Tally, name: string) {
	const warned = (path: string) => p.warnings.some((w) => w.where && isWithin(path, w.where));
	const cell = (path: string, got: number | null | undefined, want: number | null | undefined) => {
		if (got === want) into.right++;
		else if (got === null || got === undefined) {
			if (warned(path)) into.unknown++;
			else into.wrong.push(`${name} ${path}: silent null, truth ${want}`);
		} else into.wrong.push(`${name} ${path}: ${got}, truth ${want}`);
	};
	const pr = p.applications.rows as Record<string, (number | null)[]>;
	for (const [k, row] of Object.entries(t.applications.rows as Record<string, (number | null)[]>))
		row.forEach((v, c) => cell(applicationPath(k, c), pr[k]?.[c], v));
	const pv = p.review as Record<string, (number | null)[]>;
	for (const [g, row] of Object.entries(t.review as Record<string, (number | null)[]>))
		row.forEach((v, c) => cell(reviewPath(g, c), pv[g]?.[c], v));
	for (const [item, fields] of Object.entries(t.proactive))
		for (const [f, v] of Object.entries(fields)) cell(proactivePath(item, f), p.proactive[item]?.[f], v);
}

describe.each([
	['every line equal to the one before it dropped', (text: string) => dropRepeatedLines(text), 'collapsed_run'],
	[
		'numbers broken over two lines',
		(text: string, seed: string) => {
			const rng = createRng(seed);
			return breakNumbers(text, () => rng.chance(0.08));
		},
		'number_broken'
	]
] as const)('flat text with %s', (_, damage, code) => {
	it('gives no wrong number, and reads back the rows the sums decide', async () => {
		const t: Tally = { right: 0, unknown: 0, wrong: [] };
		let recovered = 0;
		for (const r of truth.reports) {
			const name = `${r.organ_id}-${r.report.year}`;
			const text = damage(renderTxt(r.report, 'flat'), name);
			const p = await parseReport(new TextEncoder().encode(text), `${name}.txt`);
			tally(p, r.report, t, name);
			recovered += p.warnings.filter((w) => w.code === code).length;
		}
		expect(t.wrong).toEqual([]);
		expect(recovered).toBeGreaterThan(10);
		expect(t.right).toBeGreaterThan(t.unknown);
	});
});
