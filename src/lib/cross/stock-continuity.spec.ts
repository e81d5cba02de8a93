import { describe, expect, it } from 'vitest';
import { handBuilt } from '../../../tests/helpers/hand-built-report';
import { checkStockContinuity } from './stock-continuity';

describe('X4 section 2 stock continuity', () => {
	it('last year’s 现行有效 + 制发 − 废止 = this year’s 现行有效', () => {
		const prev = handBuilt('甲局', 2022);
		const cur = handBuilt('甲局', 2023);
		cur.proactive.rules = { issued: 1, repealed: 0, in_force: 6 };
		cur.proactive.normative_docs = { issued: 2, repealed: 1, in_force: 8 };
		expect(checkStockContinuity(prev, cur)).toEqual([]);
		cur.proactive.normative_docs.in_force = 10;
		const found = checkStockContinuity(prev, cur);
		expect(found).toHaveLength(1);
		expect(found[0].rule).toBe('X4');
		expect(found[0].cells).toContain('previous.proactive.normative_docs.in_force');
		expect(found[0].message).toContain('相差2件');
	});

	it('only for consecutive 2021-format years with every figure present', () => {
		const prev = handBuilt('甲局', 2021);
		const cur = handBuilt('甲局', 2023);
		expect(checkStockContinuity(prev, cur)).toEqual([]);
		const p2019 = handBuilt('甲局', 2022);
		p2019.template = '2019';
		expect(checkStockContinuity(p2019, cur)).toEqual([]);
		const blank = handBuilt('甲局', 2022);
		blank.proactive.rules.in_force = null;
		blank.proactive.normative_docs.in_force = null;
		expect(checkStockContinuity(blank, cur)).toEqual([]);
	});
});
