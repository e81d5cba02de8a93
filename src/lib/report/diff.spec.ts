import { describe, expect, it } from 'vitest';
import { diffModels } from './diff';
import { change, median } from './compare';
import { clone, sampleReport } from '../../../tests/oracles/sample-report';

describe('diffModels', () => {
	it('finds nothing between a model and its copy', () => {
		const m = sampleReport();
		const d = diffModels(m, clone(m));
		expect(d.same).toBe(true);
		expect(d.cells).toEqual([]);
	});
	it('lists changed, blanked, added and dropped cells with both values', () => {
		const a = sampleReport();
		const b = clone(a);
		b.applications.rows.new![0] = 11;
		b.applications.rows.granted![1] = null;
		delete b.applications.rows['other.other'];
		b.proactive.procurement = { items: 2, amount_10k_yuan: 5 };
		b.review.reconsideration![4] = 4;
		const d = diffModels(a, b);
		const by = Object.fromEntries(d.cells.map((c) => [c.path, c]));
		expect(by['applications.rows.new.natural_person']).toMatchObject({ before: 10, after: 11 });
		expect(by['applications.rows.granted.commercial']).toMatchObject({ before: 1, after: null });
		expect(by['applications.rows.other.other.total']).toMatchObject({ before: 0, after: undefined });
		expect(by['proactive.procurement.items']).toMatchObject({ before: undefined, after: 2 });
		expect(by['review.reconsideration.total']).toMatchObject({ before: 3, after: 4 });
		expect(d.cells).toHaveLength(1 + 1 + 7 + 2 + 1);
		expect(d.same).toBe(false);
	});
	it('reports heading facts, section text and findings that changed', () => {
		const a = sampleReport();
		const b = clone(a);
		b.published_on = '2023-02-10';
		b.template = '2019';
		b.sections['5'] = '无';
		delete b.sections['6'];
		a.findings = [{ rule: 'A1', severity: 'error', message: '甲', cells: [] }];
		b.findings = [{ rule: 'T1', severity: 'error', message: '乙', cells: [] }];
		const d = diffModels(a, b);
		expect(d.fields.map((f) => f.field).sort()).toEqual(['published_on', 'template']);
		expect(d.fields.find((f) => f.field === 'published_on')).toEqual({
			field: 'published_on',
			before: '2023-01-20',
			after: '2023-02-10'
		});
		expect(d.sections).toEqual(['5', '6']);
		// The tables' own text is compared cell by cell, not as text.
		const c = clone(a);
		c.sections['3'] = '三、收到和处理政府信息公开申请情况 | 99 |';
		expect(diffModels(a, c).sections).toEqual([]);
		// The same rule on the same cells with new numbers in its message is not a new finding.
		const e = clone(a);
		const f = clone(a);
		e.findings = [{ rule: 'A1', severity: 'error', message: '相差3', cells: ['x'] }];
		f.findings = [{ rule: 'A1', severity: 'error', message: '相差2', cells: ['x'] }];
		expect(diffModels(e, f).findingsAdded).toEqual([]);
		expect(d.findingsAdded.map((f) => f.rule)).toEqual(['T1']);
		expect(d.findingsRemoved.map((f) => f.rule)).toEqual(['A1']);
	});
});

describe('median and change', () => {
	it('takes the middle of the numbers, skipping blanks', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, null, 1, 3, 2, undefined])).toBe(2.5);
		expect(median([null, undefined])).toBeNull();
		expect(median([])).toBeNull();
	});
	it('gives the difference and the ratio, none on a zero base or a blank', () => {
		expect(change(10, 15)).toEqual({ delta: 5, ratio: 0.5 });
		expect(change(0, 3)).toEqual({ delta: 3, ratio: null });
		expect(change(null, 3)).toBeNull();
		expect(change(4, undefined)).toBeNull();
	});
});
