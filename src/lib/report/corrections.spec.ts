import { describe, expect, it } from 'vitest';
import { canonicalPath, cellKind, cellLabel, figureCellPaths, formatValue, getCell, parseCellPath, readCorrectionValue } from './corrections';
import { clone, sampleReport } from './checks/fixture';
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
	it('names nothing for paths outside the tables', () => {
		for (const p of ['title', 'applications.rows.nobody.total', 'applications.rows.new.nobody', 'review.appeal.total', 'proactive.rules.colour', 'applications.rows.new.7'])
			expect(parseCellPath(p), p).toBeNull();
		expect(canonicalPath('applications.rows.new.6')).toBe('applications.rows.new.total');
		expect(canonicalPath('review.reconsideration.4')).toBe('review.reconsideration.total');
	});
});

describe('figureCellPaths', () => {
	it('lists every present cell once, each readable back', () => {
		const m = sampleReport();
		const paths = figureCellPaths(m);
		const expected = (3 + 3 + 1 + 1 + 1 + 1) + applicationRowKeys('2021').length * APPLICANT_COLUMNS.length + 3 * REVIEW_COLUMNS.length + 1;
		expect(paths).toHaveLength(expected);
		expect(new Set(paths).size).toBe(paths.length);
		for (const p of paths) expect(getCell(m, p), p).not.toBeUndefined();
	});
});

describe('cellLabel', () => {
	it('names cells with the template labels', () => {
		expect(cellLabel('applications.rows.granted.natural_person')).toBe('表三 （一）予以公开 · 自然人');
		expect(cellLabel('applications.rows.partial.total')).toBe('表三 （二）部分公开 · 总计');
		expect(cellLabel('applications.rows.refused.state_secret.commercial')).toBe('表三 （三）不予公开 1.属于国家秘密 · 商业企业');
		expect(cellLabel('review.litigation_direct.corrected')).toBe('表四 未经复议直接起诉 · 结果纠正');
		expect(cellLabel('proactive.rules.issued')).toBe('表二 规章 · 本年制发件数');
		expect(cellLabel('proactive.procurement.items')).toBe('表二 政府集中采购 · 采购项目数量');
		expect(cellLabel('fees.info_processing_fee_yuan')).toContain('信息处理费');
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
		for (const s of ['', '—', '-', '/', '  '] as const) expect(readCorrectionValue(count, s)).toEqual({ ok: true, value: null });
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
