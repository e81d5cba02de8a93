// Crawled one-value-per-line text, at scale: a district's reports rendered flat, then every line equal to the
// line before it dropped (a crawler's dedup), or numbers broken over two lines. Every figure comes back right
// or null with a warning that names it — never a wrong number — and rows the sums leave one reading of come back.
import { describe, expect, it } from 'vitest';
import { generateTruth, renderTxt, dropRepeatedLines, breakNumbers, createRng } from '../../../src/lib/generator/index';
import { parseReport } from '../../../src/lib/report/parse';
import { tally, type Tally } from '../../helpers/figure-tally';

const truth = generateTruth({ organs: 40, years: [2021, 2022], seed: 'crawl', errorRate: 0 });

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
