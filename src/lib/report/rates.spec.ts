import { describe, expect, it } from 'vitest';
import { clone, sampleReport } from '../../../tests/oracles/sample-report';
import { MIN_SAMPLE, derivedRates, formatRate, makeRate, sampleGuard } from './rates';

describe('derivedRates (R-A10)', () => {
	it('computes each rate with numerator and denominator', () => {
		const r = derivedRates(sampleReport());
		// granted 7 + partial 2 of 14 handled
		expect(r.disclosure).toEqual({ numerator: 9, denominator: 14, value: 9 / 14 });
		expect(r.refusal).toEqual({ numerator: 1, denominator: 14, value: 1 / 14 });
		expect(r.unable).toEqual({ numerator: 3, denominator: 14, value: 3 / 14 });
		// reconsideration [1,1,0,1,3]: 1 / (3 − 1)
		expect(r.reconsideration_correction).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
		// litigation [0,1,0,0,1] + [1,0,0,0,1]: 1 / 2
		expect(r.litigation_correction).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
	});

	it('denominator 0 gives no value, not 100 %', () => {
		const rep = sampleReport();
		rep.review.reconsideration = [0, 0, 0, 2, 2]; // all pending
		const r = derivedRates(rep);
		expect(r.reconsideration_correction).toEqual({ numerator: 0, denominator: 0, value: null });
		expect(formatRate(r.reconsideration_correction)).toBe('—（分母为0）');
	});

	it('a blank input makes the rate unknown, never zero', () => {
		const rep = sampleReport();
		(rep.applications.rows as Record<string, (number | null)[]>)['refused.query_matter'][6] = null;
		const r = derivedRates(rep);
		expect(r.refusal.numerator).toBeNull();
		expect(r.refusal.value).toBeNull();
		expect(formatRate(r.refusal)).toBe('—（数据空白）');
		expect(r.disclosure.value).not.toBeNull();
	});

	it('formats as a percentage with the fraction', () => {
		expect(formatRate(makeRate(9, 20))).toBe('45.0%（9/20）');
	});
});

describe('sampleGuard (R-P1)', () => {
	it('flags fewer than MIN_SAMPLE handled applications as 样本不足', () => {
		expect(MIN_SAMPLE).toBe(5);
		const ok = sampleGuard(sampleReport());
		expect(ok).toEqual({ enough: true, size: 14, min: 5, label: '' });
		const small = clone(sampleReport());
		(small.applications.rows as Record<string, (number | null)[]>).results_total[6] = 4;
		expect(sampleGuard(small)).toEqual({ enough: false, size: 4, min: 5, label: '样本不足' });
		(small.applications.rows as Record<string, (number | null)[]>).results_total[6] = 5;
		expect(sampleGuard(small).enough).toBe(true);
		(small.applications.rows as Record<string, (number | null)[]>).results_total[6] = null;
		expect(sampleGuard(small).label).toBe('样本不足');
	});
});
