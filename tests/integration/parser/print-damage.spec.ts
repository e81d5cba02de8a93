// Issue 15 classes 2, 3 and 6 at scale: a district's reports rendered as pipe text, then damaged as publishing
// and PDF-to-Markdown conversion damage them — a heading with a stray character, a typo or none; rows of zeros
// run together with the next heading on the line; labels detached from their value rows with page numbers in
// the table. Every figure comes back right or null with a warning that names it, never a wrong number.
import { describe, expect, it } from 'vitest';
import {
	generateTruth,
	renderTxt,
	createRng,
	damageHeading,
	runTogetherZeros,
	detachLabels
} from '../../../src/lib/generator/index';
import { parseReport } from '../../../src/lib/report/parse';
import { tally, type Tally } from '../../helpers/figure-tally';
import { mapSection3 } from '../../../src/lib/report/map/section3';
import { line } from '../../../src/lib/report/extract/doc';
import { normalizeLines } from '../../../src/lib/report/normalize';

const truth = generateTruth({ organs: 30, years: [2021, 2022], seed: 'print-damage', errorRate: 0 });

const KINDS = ['stray', 'typo', 'lost'] as const;

describe.each([
	[
		'2: a heading with a stray character, a typo or lost',
		(text: string, name: string, i: number) => {
			const rng = createRng(name);
			const kind = KINDS[i % 3];
			const ids = kind === 'lost' ? ['2', '3', '4'] : ['1', '2', '3', '4', '5', '6'];
			return damageHeading(text, ids[i % ids.length], kind, rng);
		},
		['heading_fuzzy', 'heading_missing']
	],
	[
		'3: rows of zeros run together, the last one with the next heading',
		(text: string, _: string, i: number) => runTogetherZeros(text, i % 2 === 0),
		['run_together']
	],
	[
		'6: labels detached from their rows, page numbers inside the table',
		(text: string, name: string) => detachLabels(text, createRng(name)),
		['placed_by_order']
	]
] as const)('class %s', (_, damage, codes) => {
	it('gives no wrong number and no silent null, and says where it read by the damage', async () => {
		const t: Tally = { right: 0, unknown: 0, wrong: [] };
		let changed = 0;
		let noted = 0;
		let i = 0;
		for (const r of truth.reports) {
			const name = `${r.organ_id}-${r.report.year}`;
			const clean = renderTxt(r.report, 'pipe');
			const text = damage(clean, name, i++);
			if (text !== clean) changed++;
			const p = await parseReport(new TextEncoder().encode(text), `${name}.txt`);
			tally(p, r.report, t, name);
			if (p.warnings.some((w) => (codes as readonly string[]).includes(w.code))) noted++;
		}
		expect(t.wrong).toEqual([]);
		expect(changed).toBeGreaterThan(truth.reports.length / 2);
		expect(noted).toBeGreaterThan(changed / 2);
		expect(t.unknown).toBeLessThan(t.right / 20);
	});
});

describe('run-together cells the sums do not decide', () => {
	const at = (texts: string[]) => {
		const doc = { lines: texts.map((x) => line(x)) };
		return mapSection3({ doc, norm: normalizeLines(texts) }, { id: '3', start: 0, end: texts.length }, '2021');
	};
	it('splits zeros run together, and leaves a run with two readings null with a warning', () => {
		const zeros = at(['三、收到和处理政府信息公开申请情况', '四、结转下年度继续办理 0000000']);
		expect(zeros.values.rows.carried_forward).toEqual([0, 0, 0, 0, 0, 0, 0]);
		expect(zeros.warnings.map((w) => w.code)).toContain('run_together');
		// 0 | 0,0,11,1,1 or 0,0,1,11,1 or 0,0,1,1,11 | 13: all satisfy the row's sum.
		const two = at(['三、收到和处理政府信息公开申请情况', '四、结转下年度继续办理 0 001111 13']);
		expect(two.values.rows.carried_forward).toEqual([null, null, null, null, null, null, null]);
		expect(two.warnings.find((w) => w.where === 'applications.rows.carried_forward')?.message).toMatch(/3 种/);
	});
});
