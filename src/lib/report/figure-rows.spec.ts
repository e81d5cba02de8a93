import { describe, expect, it } from 'vitest';
import { handBuilt } from '../../../tests/helpers/hand-built-report';
import { figureRows } from './figure-rows';
import { applicationRowKeys } from './template';

describe('figureRows', () => {
	it('puts section 3 rows in seven columns, section 4 groups in five, section 2 fields in template order', () => {
		const rows = figureRows(handBuilt('甲局', 2022));
		const by = (s: string, k: string) => rows.find((r) => r.section === s && r.rowKey === k)!.values;
		expect(rows.filter((r) => r.section === 'applications')).toHaveLength(applicationRowKeys('2021').length);
		expect(by('applications', 'new')).toEqual([3, 0, 0, 0, 0, 0, 3]);
		expect(by('review', 'reconsideration')).toEqual([1, 0, 0, 0, 1]);
		// The model lists in_force first; the columns follow the template: issued, repealed, in_force.
		expect(by('proactive', 'normative_docs')).toEqual([2, 1, 7]);
		const r2019 = handBuilt('乙局', 2020);
		r2019.template = '2019';
		r2019.proactive = { licensing: { decisions: 9, prev_items: 4, change: -1 } };
		expect(figureRows(r2019).find((r) => r.rowKey === 'licensing')!.values).toEqual([4, -1, 9]);
	});
});
