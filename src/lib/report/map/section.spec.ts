// The section mappers on their own: each returns only its own section's values, provenance and warnings, so
// a run-together reading that wins replaces that section's reading and nothing else.
import { describe, expect, it } from 'vitest';
import { line, type Doc } from '../extract/doc';
import { normalizeLines } from '../normalize';
import { APPLICATION_ROWS, applicationRowKeys, type ApplicationRowKey } from '../template';
import { mapSection3, MIN_FULL_ROWS } from './section3';
import { mapSection4 } from './section4';
import { mapFees } from './fees';
import { mapDocument } from './document';

// 平潭 2023's section 3, run together on one line (row label, then its seven cells with no separator).
const DIGITS: Partial<Record<ApplicationRowKey, string>> = {
	new: '801000081',
	granted: '220000022',
	partial: '191000020',
	'refused.third_party': '1000001',
	'refused.process_info': '1000001',
	'refused.enforcement_file': '1000001',
	'refused.query_matter': '2000002',
	'unable.not_held': '310000031',
	'not_processed.duplicate': '1000001',
	'other.no_correction': '1000001',
	'other.other': '1000001',
	results_total: '801000081'
};
const runTogether = applicationRowKeys('2021')
	.map((k) => {
		const def = APPLICATION_ROWS.find((r) => r.key === k)!;
		return `${def.number}${def.label}${DIGITS[k] ?? '0000000'}`;
	})
	.join('');

const input = (texts: string[]) => {
	const doc: Doc = { lines: texts.map((t) => line(t)) };
	return { doc, norm: normalizeLines(texts) };
};

describe('mapSection3', () => {
	it('reads run-together rows by their labels when too few rows come out whole, and reports only section 3', () => {
		const inp = input(['三、收到和处理政府信息公开申请情况', runTogether]);
		const s3 = mapSection3(inp, { id: '3', start: 0, end: 2 }, '2021');
		expect(Object.keys(s3.values.rows).length).toBeGreaterThanOrEqual(MIN_FULL_ROWS);
		expect(s3.values.rows.new).toEqual([80, 1, 0, 0, 0, 0, 81]);
		expect(s3.otherLayout).toBe('2021');
		expect(Object.keys(s3.provenance).length).toBeGreaterThan(0);
		for (const k of Object.keys(s3.provenance)) expect(k.startsWith('applications.rows.'), k).toBe(true);
		for (const w of s3.warnings) expect(w.code.startsWith('run_together'), w.code).toBe(true);
		expect(s3.provenance['applications.rows.new.total']).toEqual({ line: 2 });
	});
	it('reads nothing without the section', () => {
		const s3 = mapSection3(input(['x']), undefined, '2021');
		expect(s3).toEqual({
			values: { columns: expect.any(Array), rows: {} },
			provenance: {},
			warnings: [],
			otherLayout: null
		});
	});
});

describe('mapSection4', () => {
	it('reads fifteen figures in template order, and warns when the count is off', () => {
		const ok = mapSection4(input(['四、政府信息公开行政复议、行政诉讼情况', '1 2 0 0 3 0 0 0 0 0 1 0 0 0 1']), {
			id: '4',
			start: 0,
			end: 2
		});
		expect(ok.values.reconsideration).toEqual([1, 2, 0, 0, 3]);
		expect(ok.values.litigation_after_reconsideration).toEqual([1, 0, 0, 0, 1]);
		expect(ok.warnings).toEqual([]);
		for (const k of Object.keys(ok.provenance)) expect(k.startsWith('review.'), k).toBe(true);
	});
});

describe('mapFees', () => {
	it('reads the fee from section 6, or from the whole text when section 6 is missing', () => {
		const texts = ['六、其他需要报告的事项', '本年度收取信息处理费0元。'];
		const inSix = mapFees(input(texts), { id: '6', start: 0, end: 2 });
		expect(inSix.values.info_processing_fee_yuan).toBe(0);
		expect(inSix.provenance).toEqual({ 'fees.info_processing_fee_yuan': { line: 2 } });
		const whole = mapFees(input(['总体情况', '本年度收取信息处理费0元。']), undefined);
		expect(whole.values.info_processing_fee_yuan).toBe(0);
	});
});

describe('mapDocument', () => {
	it('keeps section 2 as read when section 3 is replaced by its run-together reading', () => {
		const texts = [
			'某县交通运输局2023年政府信息公开工作年度报告',
			'一、总体情况',
			'本机关认真落实政府信息公开工作。',
			'二、主动公开政府信息情况',
			'信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数',
			'规章 | 0 | 0 | 0',
			'行政规范性文件 | 3 | 1 | 12',
			'三、收到和处理政府信息公开申请情况',
			runTogether,
			'四、政府信息公开行政复议、行政诉讼情况',
			'0 0 0 0 0 0 0 0 0 0 0 0 0 0 0'
		];
		const m = mapDocument(input(texts).doc);
		expect(m.proactive.normative_docs).toEqual({ issued: 3, repealed: 1, in_force: 12 });
		expect(m.provenance['proactive.normative_docs.in_force']).toEqual({ line: 7 });
		expect(m.applications.rows.new).toEqual([80, 1, 0, 0, 0, 0, 81]);
		expect(m.provenance['applications.rows.new.total']).toEqual({ line: 9 });
		expect(m.provenance['review.reconsideration.total']).toEqual({ line: 11 });
		expect(m.template).toBe('2021');
	});
});

describe('fuzzy headings', async () => {
	const { fuzzyIncludes, includesWithStray } = await import('./fuzzy');
	it('finds a title with a stray, missing or mistyped character, and not a different title', () => {
		expect(fuzzyIncludes('四政府信息公开行政复x议行政诉讼情况', '政府信息公开行政复议行政诉讼情况', 2)).toBe(true);
		expect(fuzzyIncludes('二主动公升政府信息情况', '主动公开政府信息情况', 1)).toBe(true);
		expect(fuzzyIncludes('二主动公开政府信息情况', '其他需要报告的事项', 2)).toBe(false);
		expect(fuzzyIncludes('总体情兄', '总体情况', 0)).toBe(false);
		expect(includesWithStray('四行政复之议情况', '行政复议')).toBe(true);
		expect(includesWithStray('四行政复核情况', '行政复议')).toBe(false);
	});
	it('reads a section whose heading has a stray character, with a warning', () => {
		const lines = [
			'某局2022年政府信息公开工作年度报告',
			'一、总体情况',
			'本年度……',
			'四、政府信息公开行政复x议、行政诉x讼情况',
			'五、存在的主要问题及改进情况'
		];
		const m = mapDocument({ lines: lines.map((t) => line(t)) });
		expect(Object.keys(m.sections)).toContain('4');
		expect(m.warnings.find((w) => w.code === 'heading_fuzzy')?.where).toBe('sections.4');
	});
});
