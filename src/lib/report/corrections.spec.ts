import { describe, expect, it } from 'vitest';
import { cellKind, figureCellPaths, formatValue, getCell, readCorrectionValue } from './corrections';
import { clone, sampleReport } from '../../../tests/oracles/sample-report';
import { APPLICANT_COLUMNS, applicationRowKeys, REVIEW_COLUMNS } from './template';

describe('getCell', () => {
	const m = sampleReport();
	it('reads every kind of path the parser writes, dotted row keys and column indexes included', () => {
		expect(getCell(m, 'applications.rows.new.total')).toBe(13);
		expect(getCell(m, 'applications.rows.new.0')).toBe(10);
		expect(getCell(m, 'applications.rows.refused.third_party.natural_person')).toBe(1);
		expect(getCell(m, 'review.reconsideration.corrected')).toBe(1);
		expect(getCell(m, 'review.litigation_direct.total')).toBe(1);
		expect(getCell(m, 'proactive.admin_fees.amount_10k_yuan')).toBe(12.5);
		expect(getCell(m, 'fees.info_processing_fee_yuan')).toBe(0);
	});
	it('tells blank (null) from absent (undefined)', () => {
		const b = clone(m);
		b.applications.rows.granted![2] = null;
		delete b.applications.rows.partial;
		delete b.review.litigation_direct;
		expect(getCell(b, 'applications.rows.granted.research')).toBeNull();
		expect(getCell(b, 'applications.rows.partial.total')).toBeUndefined();
		expect(getCell(b, 'review.litigation_direct.total')).toBeUndefined();
		expect(getCell(b, 'proactive.procurement.items')).toBeUndefined();
	});
});

describe('figureCellPaths', () => {
	it('lists every present cell once, each readable back', () => {
		const m = sampleReport();
		const paths = figureCellPaths(m);
		const expected =
			3 +
			3 +
			1 +
			1 +
			1 +
			1 +
			applicationRowKeys('2021').length * APPLICANT_COLUMNS.length +
			3 * REVIEW_COLUMNS.length +
			1;
		expect(paths).toHaveLength(expected);
		expect(new Set(paths).size).toBe(paths.length);
		for (const p of paths) expect(getCell(m, p), p).not.toBeUndefined();
	});
});

describe('readCorrectionValue', () => {
	const count = 'applications.rows.new.total';
	it('reads plain, full-width and separated digits', () => {
		expect(readCorrectionValue(count, '12')).toEqual({ ok: true, value: 12 });
		expect(readCorrectionValue(count, ' １２ ')).toEqual({ ok: true, value: 12 });
		expect(readCorrectionValue(count, '1,204')).toEqual({ ok: true, value: 1204 });
		expect(readCorrectionValue(count, '0')).toEqual({ ok: true, value: 0 });
	});
	it('reads a blank cell as null, never 0', () => {
		for (const s of ['', '—', '-', '/', '  '] as const)
			expect(readCorrectionValue(count, s)).toEqual({ ok: true, value: null });
	});
	it('refuses words, fractions of counts and negative counts, in Chinese', () => {
		for (const s of ['十二', '12件', '1.5', '-3', '1e3']) {
			const r = readCorrectionValue(count, s);
			expect(r.ok, s).toBe(false);
			if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
		}
	});
	it('allows decimals for money and a sign only for 本年增/减', () => {
		expect(cellKind('proactive.admin_fees.amount_10k_yuan').decimal).toBe(true);
		expect(readCorrectionValue('proactive.admin_fees.amount_10k_yuan', '3.75')).toEqual({ ok: true, value: 3.75 });
		expect(readCorrectionValue('fees.info_processing_fee_yuan', '120.5')).toEqual({ ok: true, value: 120.5 });
		expect(readCorrectionValue('proactive.licensing.change', '-2')).toEqual({ ok: true, value: -2 });
		expect(readCorrectionValue('proactive.licensing.decisions', '-2').ok).toBe(false);
		expect(readCorrectionValue('proactive.admin_fees.amount_10k_yuan', '-1').ok).toBe(false);
	});
});

describe('formatValue', () => {
	it('shows blank as — and absent as （缺）', () => {
		expect(formatValue(null)).toBe('—');
		expect(formatValue(undefined)).toBe('（缺）');
		expect(formatValue(7)).toBe('7');
		expect(formatValue(0.1 + 0.2)).toBe('0.3');
	});
});
