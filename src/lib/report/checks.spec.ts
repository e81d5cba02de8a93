import { describe, expect, it } from 'vitest';
import type { Finding, Report } from './model';
import { RULES, checkAgainstPrevious, checkCarryOver, checkTimeliness, runChecks, textSimilarity } from './checks';
import { sampleReport } from '../../../tests/oracles/sample-report';
import { expectMentions } from '../../../tests/helpers/expect-text';

const rows = (r: Report) => r.applications.rows as Record<string, (number | null)[]>;
const only = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);
/** The findings of `rule`, expected to be exactly one. */
const onlyOne = (fs: Finding[], rule: string) => {
	const hits = only(fs, rule);
	expect(hits).toHaveLength(1);
	return hits;
};
/** The report as printed with 2019's single （六） row instead of 2021's three; returns its rows. */
const withSingleOtherRow = (r: Report) => {
	const rs = rows(r);
	delete rs['other.no_correction'];
	delete rs['other.no_fee'];
	delete rs['other.other'];
	rs.other = [0, 0, 0, 0, 0, 0, 0];
	r.other_layout = '2019';
	return rs;
};

describe('RULES catalogue', () => {
	it('has the contract ids and a name, severity and description for each', () => {
		for (const id of ['A1', 'A2', 'A3', 'A4', 'A5', 'C1', 'Y1', 'T1', 'T2', 'X3', 'X5', 'A0', 'F1', 'F9']) {
			const r = RULES[id as keyof typeof RULES];
			expect(r.id).toBe(id);
			expect(r.name.length).toBeGreaterThan(1);
			expect(['error', 'warning', 'info']).toContain(r.severity);
			expect(r.description.length).toBeGreaterThan(5);
		}
	});

	it('every finding runChecks emits uses a catalogued rule with its severity', () => {
		const r = sampleReport();
		rows(r).new[0] = 99;
		rows(r).granted[6] = null;
		r.sections['5'] = '无';
		for (const f of runChecks(r)) {
			expect(Object.keys(RULES)).toContain(f.rule);
			expect(f.severity).toBe(RULES[f.rule as keyof typeof RULES].severity);
		}
	});
});

describe('runChecks on a consistent report', () => {
	it('finds nothing', () => {
		expect(runChecks(sampleReport())).toEqual([]);
	});

	it('does not mutate the report', () => {
		const r = sampleReport();
		const before = JSON.stringify(r);
		runChecks(r);
		expect(JSON.stringify(r)).toBe(before);
	});
});

describe('A1', () => {
	it('fires per column with both sides and the difference', () => {
		const r = sampleReport();
		rows(r).carried_forward[0] = 3; // natural person: 10+2 = 12 vs 11+3 = 14
		rows(r).carried_forward[6] = 3; // keep A3 of the row
		const a1 = only(runChecks(r), 'A1');
		expect(a1).toHaveLength(2);
		expectMentions(a1[0].message, '自然人', '＝12', '＝14', '相差2');
		expect(a1[0].cells).toContain('applications.rows.carried_forward.natural_person');
		expect(a1[0].severity).toBe('error');
	});

	it('is not assessable (A0, not A1) when a cell is blank', () => {
		const r = sampleReport();
		rows(r).carried_over[1] = null;
		const fs = runChecks(r);
		expect(only(fs, 'A1')).toEqual([]);
		const a0 = only(fs, 'A0').find((f) => f.message.startsWith('A1'))!;
		expect(a0.severity).toBe('warning');
		expect(a0.message).toContain('商业企业列');
		expect(a0.cells).toEqual(['applications.rows.carried_over.commercial']);
	});
});

describe('A2', () => {
	it('fires when the outcomes do not add up to 总计, naming the sum and the printed total', () => {
		const r = sampleReport();
		rows(r)['refused.third_party'] = [3, 0, 0, 0, 0, 0, 3];
		const a2 = only(runChecks(r), 'A2');
		expect(a2).toHaveLength(2);
		expect(a2[0].message).toMatch(/^表三自然人列：/);
		expect(a2[1].message).toMatch(/^表三总计列：/);
		expectMentions(a2[0].message, '各项之和为13', '总计填报为11');
		expect(a2[1].message).toContain('各项之和为16');
	});

	it('uses the single 2019 row （六） when the report printed it', () => {
		const r = sampleReport();
		const rs = withSingleOtherRow(r);
		expect(only(runChecks(r), 'A2')).toEqual([]);
		rs.other = [1, 0, 0, 0, 0, 0, 1];
		expect(only(runChecks(r), 'A2')).toHaveLength(2);
		// Inferred from the keys when other_layout is absent.
		delete r.other_layout;
		expect(only(runChecks(r), 'A2')).toHaveLength(2);
	});
});

describe('A3', () => {
	it('fires per row with the six cells and the printed total', () => {
		const r = sampleReport();
		rows(r).granted[6] = 8;
		const a3 = onlyOne(runChecks(r), 'A3');
		expectMentions(a3[0].message, '“予以公开”行', '＝7', '总计填报为8');
		expect(a3[0].cells).toHaveLength(7);
	});

	it('does not fire on a row with a blank, A0 lists it', () => {
		const r = sampleReport();
		rows(r).granted[6] = null;
		const fs = runChecks(r);
		expect(only(fs, 'A3')).toEqual([]);
		expect(only(fs, 'A0').some((f) => f.message.startsWith('A3') && f.message.includes('予以公开'))).toBe(true);
	});
});

describe('A4', () => {
	it('fires on 洪泽区 2023 style arrays (10,1,0,0 with 总计 0)', () => {
		const r = sampleReport();
		r.review.reconsideration = [10, 1, 0, 0, 0];
		r.sections['1'] = r.sections['1']!.replace('行政复议3件', '行政复议0件');
		const a4 = onlyOne(runChecks(r), 'A4');
		expectMentions(a4[0].message, '行政复议', '＝11', '总计填报为0');
		expect(a4[0].cells).toContain('review.reconsideration.total');
	});

	it('is not assessable with a blank', () => {
		const r = sampleReport();
		r.review.litigation_direct = [null, 1, 0, 0, 1];
		const fs = runChecks(r);
		expect(only(fs, 'A4')).toEqual([]);
		expect(only(fs, 'A0').some((f) => f.message.includes('未经复议直接起诉'))).toBe(true);
	});
});

describe('A5', () => {
	it('fires on negatives and fractions in counts, not on money or 本年增/减', () => {
		const r = sampleReport();
		rows(r)['refused.third_party'][1] = -1;
		r.proactive.licensing.decisions = 1.5;
		const a5 = only(runChecks(r), 'A5');
		expect(a5.map((f) => f.cells[0])).toEqual([
			'proactive.licensing.decisions',
			'applications.rows.refused.third_party.commercial'
		]);
		expect(a5[0].message).toContain('1.5');
		expect(a5[1].message).toContain('-1');
		const ok = sampleReport();
		ok.proactive.admin_fees.amount_10k_yuan = 3.75;
		expect(only(runChecks(ok), 'A5')).toEqual([]);
		const y2019 = sampleReport();
		y2019.template = '2019';
		y2019.proactive = { licensing: { prev_items: 10, change: -3, decisions: 4 } };
		expect(only(runChecks(y2019), 'A5')).toEqual([]);
	});
});

describe('A6', () => {
	it('fires above 1,000,000 万元, with the value', () => {
		const r = sampleReport();
		r.proactive.admin_fees.amount_10k_yuan = 25_000_000;
		const a6 = onlyOne(runChecks(r), 'A6');
		expect(a6[0].message).toContain('25000000万元');
		r.proactive.admin_fees.amount_10k_yuan = 96171.6; // 淮安市 2024: real, fine
		expect(only(runChecks(r), 'A6')).toEqual([]);
		expect(only(runChecks(r, { adminFeesMax10kYuan: 50_000 }), 'A6')).toHaveLength(1);
	});
});

describe('A7', () => {
	it('counts blank cells of tables 2–4 (沭阳: five legal-person columns blank)', () => {
		const r = sampleReport();
		for (const key of Object.keys(rows(r))) for (const c of [1, 2, 3, 4, 5]) rows(r)[key][c] = null;
		r.proactive.rules.repealed = null;
		const a7 = onlyOne(runChecks(r), 'A7');
		expect(a7[0].message).toContain(`${25 * 5 + 1}个空白单元格`);
		expect(a7[0].cells).toContain('proactive.rules.repealed');
		expect(only(runChecks(sampleReport()), 'A7')).toEqual([]);
	});
});

describe('A8 and A9', () => {
	it('A8: no applications but results', () => {
		const r = sampleReport();
		rows(r).new = [0, 0, 0, 0, 0, 0, 0];
		rows(r).carried_over = [0, 0, 0, 0, 0, 0, 0];
		const a8 = onlyOne(runChecks(r), 'A8');
		expect(a8[0].message).toContain('予以公开（自然人）5');
		const zero = sampleReport();
		for (const key of Object.keys(rows(zero))) rows(zero)[key] = [0, 0, 0, 0, 0, 0, 0];
		expect(only(runChecks(zero), 'A8')).toEqual([]);
	});

	it('A9: carried forward more than new + carried over', () => {
		const r = sampleReport();
		rows(r).carried_forward = [20, 0, 0, 0, 0, 0, 20];
		const a9 = onlyOne(runChecks(r), 'A9');
		expectMentions(a9[0].message, '结转下年度总计为20件', '之和15件');
	});
});

describe('C1', () => {
	it('reports a missing section, missing rows and a missing table 4, never as zeros', () => {
		const r = sampleReport();
		delete r.sections['4'];
		delete rows(r)['unable.unclear'];
		r.review = {};
		const c1 = only(runChecks(r), 'C1');
		expect(c1.map((f) => f.cells[0])).toEqual([
			'sections.4',
			'applications.rows.unable.unclear',
			'review.reconsideration'
		]);
		expect(c1[0].message).toContain('第四部分');
		expect(c1[1].message).toContain('补正后仍不明确');
		expect(c1[2].message).toContain('缺少表四');
	});

	it('reports missing section 2 items and a malformed row', () => {
		const r = sampleReport();
		delete r.proactive.penalty;
		(rows(r) as Record<string, unknown>).granted = [1, 2, 3];
		const c1 = only(runChecks(r), 'C1');
		expect(c1.some((f) => f.message.includes('行政处罚'))).toBe(true);
		expect(c1.some((f) => f.message.includes('应有7个单元格，实有3个'))).toBe(true);
	});

	it('expects no tables of a free-form (pre-2019) report', () => {
		const r = sampleReport();
		r.template = 'free';
		r.year = 2017;
		r.applications.rows = {};
		r.review = {};
		r.proactive = {};
		expect(only(runChecks(r), 'C1')).toEqual([]);
	});
});

describe('F1', () => {
	it('fires on a missing and an out-of-order heading', () => {
		const r = sampleReport();
		r.source_lines = r.source_lines!.filter((l) => !l.startsWith('六、'));
		expect(only(runChecks(r), 'F1')[0].message).toContain('未找到第六部分');
		const o = sampleReport();
		const lines = o.source_lines!;
		const i5 = lines.findIndex((l) => l.startsWith('五、'));
		const [h5] = lines.splice(i5, 1);
		lines.splice(2, 0, h5);
		expect(only(runChecks(o), 'F1')[0].message).toContain('第五部分');
		expect(only(runChecks(o), 'F1')[0].message).toContain('顺序');
	});
});

describe('F2', () => {
	it('fires on a 2019 template in 2022 and on the hybrid （六） row (洪泽区 2023)', () => {
		const r = sampleReport();
		r.template = '2019';
		r.proactive = {};
		expect(only(runChecks(r), 'F2')[0].message).toContain('2022年度报告应使用2021年格式');
		const h = sampleReport();
		h.year = 2023;
		h.title = h.title.replace('2022', '2023');
		h.source_lines = h.source_lines!.map((l) => l.replaceAll('2022', '2023'));
		withSingleOtherRow(h);
		const f2 = onlyOne(runChecks(h), 'F2');
		expect(f2[0].message).toContain('实为一行');
		expect(f2[0].cells).toEqual(['applications.rows.other']);
	});
});

describe('F3', () => {
	it('fires on unknown rows, mixed （六） layouts, unknown section 2 items and parser warnings', () => {
		const r = sampleReport();
		rows(r).bogus = [0, 0, 0, 0, 0, 0, 0];
		rows(r).other = [0, 0, 0, 0, 0, 0, 0];
		r.proactive.procurement = { items: 1, amount_10k_yuan: 2 };
		r.warnings.push({ code: 'non_template_row', message: '“合计”行', where: 'line 40' });
		const f3 = only(runChecks(r), 'F3');
		expect(f3).toHaveLength(4);
		expect(f3[0].message).toContain('bogus');
		expect(f3[1].message).toContain('混用');
		expect(f3[2].message).toContain('procurement');
		expect(f3[3].message).toContain('合计');
	});
});

describe('F4', () => {
	it('fires on a wrong statistical period and a wrong title year', () => {
		const r = sampleReport();
		r.source_lines = r.source_lines!.map((l) =>
			l.replace('自2022年1月1日起至2022年12月31日', '自2021年1月1日起至2021年12月31日')
		);
		r.title = r.title.replace('2022', '2021');
		const f4 = only(runChecks(r), 'F4');
		expect(f4).toHaveLength(2);
		expectMentions(f4[0].message, '2021年1月1日', '2022');
		expect(f4[1].message).toContain('标题年度为2021年');
	});

	it('fires when no period is stated; accepts full-width and spaced forms', () => {
		const r = sampleReport();
		r.source_lines = r.source_lines!.filter((l) => !l.includes('统计期限'));
		expect(only(runChecks(r), 'F4')[0].message).toContain('未找到统计期限');
		r.source_lines.push('报告所列统计期限自 ２０２２ 年 1 月 1 日至 2022 年 12 月 31 日。');
		expect(only(runChecks(r), 'F4')).toEqual([]);
	});
});

describe('F5–F9 (section texts)', () => {
	it('F5: section 6 silent on 信息处理费 (2021+ only)', () => {
		const r = sampleReport();
		r.sections['6'] = '六、其他需要报告的事项\n无。';
		expect(only(runChecks(r), 'F5')).toHaveLength(1);
		r.year = 2020;
		expect(only(runChecks(r), 'F5')).toEqual([]);
	});

	it('F6: lists the aspects section 1 misses', () => {
		const r = sampleReport();
		r.sections['1'] = '一、总体情况\n本年度主动公开信息若干条。';
		const f6 = only(runChecks(r), 'F6');
		expect(f6[0].message).toContain('依申请公开、政府信息管理、平台建设、监督保障');
		expect(f6[0].message).not.toContain('未涉及以下方面：主动公开');
	});

	it("F7: a people's government must cover 考核、评议、责任追究; a department need not", () => {
		const r = sampleReport();
		r.sections['1'] = r.sections['1']!.replace('加强考核和培训，落实社会评议和责任追究。', '加强培训。');
		expect(only(runChecks(r), 'F7')).toEqual([]);
		r.organ = '某市某区人民政府';
		const f7 = only(runChecks(r), 'F7');
		expect(f7[0].message).toContain('工作考核、社会评议、责任追究');
		expect(only(runChecks(r, { organKind: 'department' }), 'F7')).toEqual([]);
	});

	it('F8: section 5 only 无, or short without measures', () => {
		const r = sampleReport();
		r.sections['5'] = '五、存在的主要问题及改进情况\n无';
		expect(only(runChecks(r), 'F8')[0].message).toContain('只写了“无”');
		r.sections['5'] = '五、存在的主要问题及改进情况\n信息更新不够及时。';
		const m = only(runChecks(r), 'F8')[0].message;
		expect(m).toMatch(/仅\d+字/);
		expect(m).toContain('未写明改进措施');
	});

	it('F9: 逾期未缴费 > 0 while section 6 says nothing of fees', () => {
		const r = sampleReport();
		rows(r)['other.no_fee'] = [1, 0, 0, 0, 0, 0, 1];
		rows(r).granted = [4, 1, 0, 0, 1, 0, 6];
		r.sections['6'] = '六、其他需要报告的事项\n无。';
		const f9 = onlyOne(runChecks(r), 'F9');
		expect(f9[0].message).toContain('1件');
		expect(only(runChecks(r), 'A2')).toEqual([]);
		r.sections['6'] = '六、其他需要报告的事项\n本年度发出收费通知1件，未收取信息处理费。';
		expect(only(runChecks(r), 'F9')).toEqual([]);
	});
});

describe('T2 (text vs table)', () => {
	it('fires when section 1 quotes other figures than the tables', () => {
		const r = sampleReport();
		r.sections['1'] = r.sections['1']!.replace('收到政府信息公开申请13件', '收到政府信息公开申请31件').replace(
			'行政诉讼2件',
			'行政诉讼5件'
		);
		const t2 = only(runChecks(r), 'T2');
		expect(t2).toHaveLength(2);
		expectMentions(t2[0].message, '31件', '本年新收总计13件');
		expectMentions(t2[1].message, '行政诉讼5件', '总计2件');
		expect(t2[1].cells).toContain('review.litigation_direct.total');
	});

	it('accepts 淮安市 2024 prose (spaces, line breaks, 顺延到下年度) against its table', () => {
		const r = sampleReport();
		r.sections['1'] =
			'一、总体情况\n2024 年，全市共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度\n答复），均在法定期限内予以答复。政府信息公开行政复议 351\n件；政府信息公开行政诉讼 46 件。新增公开市政府规章 1 件。';
		rows(r).new[6] = 3119;
		rows(r).carried_over[6] = 34;
		rows(r).results_total[6] = 3050;
		rows(r).carried_forward[6] = 103;
		r.review = {
			reconsideration: [72, 64, 178, 37, 351],
			litigation_direct: [13, 4, 8, 1, 26],
			litigation_after_reconsideration: [12, 1, 1, 6, 20]
		};
		r.proactive.rules.issued = 1;
		expect(only(runChecks(r), 'T2')).toEqual([]);
		rows(r).carried_forward[6] = 100;
		r.proactive.rules.issued = 0;
		const t2 = only(runChecks(r), 'T2');
		expect(t2.map((f) => f.cells[0])).toEqual(['applications.rows.carried_forward.total', 'proactive.rules.issued']);
	});

	it('skips figures whose table cell is blank', () => {
		const r = sampleReport();
		r.sections['1'] = r.sections['1']!.replace('收到政府信息公开申请13件', '收到政府信息公开申请31件');
		rows(r).new[6] = null;
		expect(only(runChecks(r), 'T2')).toEqual([]);
	});
});

describe('checkCarryOver (Y1)', () => {
	const prev = () => {
		const p = sampleReport();
		p.year = 2021;
		return p;
	};
	it("passes when carried_over equals last year's carried_forward", () => {
		const p = prev();
		rows(p).carried_forward = [2, 0, 0, 0, 0, 0, 2];
		expect(checkCarryOver(p, sampleReport())).toEqual([]);
	});

	it('fires per column, naming both years and cells', () => {
		const p = prev(); // carried_forward [1,…,1] vs current carried_over [2,…,2]
		const y1 = checkCarryOver(p, sampleReport());
		expect(y1).toHaveLength(2);
		expect(y1[0].rule).toBe('Y1');
		expect(y1[0].severity).toBe('error');
		expectMentions(y1[0].message, '2022年报告“上年结转”（自然人）为2件', '2021年报告“结转下年度”（自然人）的1件');
		expect(y1[0].cells).toEqual([
			'applications.rows.carried_over.natural_person',
			'previous.applications.rows.carried_forward.natural_person'
		]);
	});

	it('is a warning across template families, silent without a previous report or for non-consecutive years', () => {
		const p = prev();
		p.template = '2019';
		expect(checkCarryOver(p, sampleReport())[0].severity).toBe('warning');
		expect(checkCarryOver(null, sampleReport())).toEqual([]);
		const old = prev();
		old.year = 2019;
		expect(checkCarryOver(old, sampleReport())).toEqual([]);
	});

	it('reports blank cells as not assessable (A0)', () => {
		const p = prev();
		rows(p).carried_forward = [2, null, 0, 0, 0, 0, 2];
		const fs = checkCarryOver(p, sampleReport());
		expect(fs).toHaveLength(1);
		expect(fs[0].rule).toBe('A0');
		expect(fs[0].cells).toEqual(['previous.applications.rows.carried_forward.commercial']);
	});
});

describe('checkTimeliness (T1)', () => {
	it('department: 31 January of the next year', () => {
		const r = sampleReport();
		r.published_on = '2023-01-31';
		expect(checkTimeliness(r, 'department')).toEqual([]);
		r.published_on = '2023-02-15';
		const t1 = checkTimeliness(r, 'department');
		expect(t1).toHaveLength(1);
		expectMentions(t1[0].message, '2023-02-15', '2023-01-31', '逾期15天');
	});

	it('government, town, street: 31 March; configurable', () => {
		const r = sampleReport();
		r.published_on = '2023-03-05';
		for (const k of ['government', 'town', 'street'] as const) expect(checkTimeliness(r, k)).toEqual([]);
		expect(checkTimeliness(r, 'government', { government: '02-28' })[0].message).toContain('本地配置期限');
		r.published_on = '2023-04-01';
		expect(checkTimeliness(r, 'town')[0].rule).toBe('T1');
	});

	it('unknown date is not assessable', () => {
		const r = sampleReport();
		r.published_on = null;
		expect(checkTimeliness(r, 'department')[0].rule).toBe('A0');
	});
});

describe('checkAgainstPrevious (X3, X5)', () => {
	const prev = () => {
		const p = sampleReport();
		p.year = 2021;
		p.sections['1'] =
			'一、总体情况\n' +
			'全年围绕中心工作推进政务公开，做好政策解读和回应关切，'.repeat(1) +
			'另行说明的内容甲乙丙丁。';
		p.sections['5'] = '五、存在的主要问题及改进情况\n去年的问题是人员力量薄弱，改进办法是组织业务培训并建立台账管理。';
		return p;
	};

	it('X3 fires on a jump above 5× or below 1/5 with a base of at least 10', () => {
		const p = prev();
		p.proactive.licensing.decisions = 20; // now 120: ×6
		p.proactive.penalty.decisions = 200; // now 30: 15 %
		p.proactive.enforcement.decisions = 0; // base too small
		const x3 = checkAgainstPrevious(p, sampleReport()).filter((f) => f.rule === 'X3');
		expect(x3.map((f) => f.cells[0])).toEqual(['proactive.licensing.decisions', 'proactive.penalty.decisions']);
		expectMentions(x3[0].message, '由2021年的20变为2022年的120', '6倍');
		expect(x3[1].message).toContain('15%');
	});

	it('X3 respects the base guard', () => {
		const p = prev();
		rows(p).new[6] = 2; // now 13: ×6.5 but base 2 < 10
		expect(checkAgainstPrevious(p, sampleReport()).filter((f) => f.rule === 'X3')).toEqual([]);
		expect(checkAgainstPrevious(p, sampleReport(), { minBase: 1 }).filter((f) => f.rule === 'X3')).toHaveLength(1);
	});

	it('X5 fires when section 1 or 5 repeats last year, figures changed or not', () => {
		const p = prev();
		const c = sampleReport();
		p.sections['5'] = c.sections['5']!.replaceAll('2022', '2021').replace('一是', '一是进一步');
		const x5 = checkAgainstPrevious(p, c).filter((f) => f.rule === 'X5');
		expect(x5).toHaveLength(1);
		expect(x5[0].cells).toEqual(['sections.5', 'previous.sections.5']);
		expect(x5[0].message).toMatch(/相似度为\d+\.\d%/);
	});

	it('X5 stays silent on different texts and on texts too short to compare', () => {
		const p = prev();
		expect(checkAgainstPrevious(p, sampleReport()).filter((f) => f.rule === 'X5')).toEqual([]);
		const a = sampleReport();
		const b = sampleReport();
		a.sections['5'] = '无';
		b.sections['5'] = '无';
		a.sections['1'] = '略';
		b.sections['1'] = '略';
		expect(checkAgainstPrevious(a, b).filter((f) => f.rule === 'X5')).toEqual([]);
	});

	it('textSimilarity is 1 for equal texts, low for unrelated ones', () => {
		const t = sampleReport().sections['1']!;
		expect(textSimilarity(t, t)).toBe(1);
		expect(textSimilarity(t, sampleReport().sections['5']!)).toBeLessThan(0.2);
	});
});
