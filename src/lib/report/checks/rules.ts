// The catalogue of check rules: stable ids (docs/report-model.md's A1…A5, C1, Y1, T1 are the contract; the rest
// map docs/domain-rules.md §7), each with its Chinese name, default severity and what it checks. The UI lists these.
import type { Finding, Severity } from '../model';

export type RuleScope = 'report' | 'cross-year' | 'publication' | 'cross-report';

export interface RuleDef {
	id: string;
	/** Short Chinese name for lists. */
	name: string;
	severity: Severity;
	/** What the rule checks, in Chinese, for inspectors. */
	description: string;
	/** Which function evaluates it: runChecks (report), checkCarryOver/checkAgainstPrevious, checkTimeliness, src/lib/cross (cross-report). */
	scope: RuleScope;
	/** The domain-rules.md id(s) it implements. */
	source: string;
}

const R = (
	id: string,
	name: string,
	severity: Severity,
	scope: RuleScope,
	source: string,
	description: string
): RuleDef => ({
	id,
	name,
	severity,
	scope,
	source,
	description
});

export const RULES = {
	A0: R(
		'A0',
		'算术关系无法核验',
		'warning',
		'report',
		'R-A0',
		'算术类规则只在所涉单元格均为数字时核验；有空白单元格或缺行时列出这些单元格，需人工确认。'
	),
	A1: R(
		'A1',
		'申请数量勾稽关系',
		'error',
		'report',
		'R-A1',
		'表三每一列：本年新收＋上年结转＝办理结果总计＋结转下年度（第一项加第二项之和，等于第三项加第四项之和）。'
	),
	A2: R(
		'A2',
		'办理结果总计',
		'error',
		'report',
		'R-A2',
		'表三每一列：（七）总计＝各项办理结果（予以公开至其他处理）之和。'
	),
	A3: R('A3', '申请人合计', 'error', 'report', 'R-A3', '表三每一行：总计＝自然人与五类法人或其他组织之和。'),
	A4: R(
		'A4',
		'复议诉讼合计',
		'error',
		'report',
		'R-A4',
		'表四行政复议、未经复议直接起诉、复议后起诉三组：总计＝结果维持＋结果纠正＋其他结果＋尚未审结。'
	),
	A5: R(
		'A5',
		'数值合法',
		'error',
		'report',
		'R-A5',
		'件数为非负整数；行政事业性收费（万元）等金额为非负数；仅“本年增/减”可为负。'
	),
	A6: R(
		'A6',
		'收费金额单位疑误',
		'warning',
		'report',
		'R-A6',
		'行政事业性收费超过100万万元（100亿元），疑将“元”填作“万元”。'
	),
	A7: R(
		'A7',
		'空白单元格',
		'warning',
		'report',
		'R-A7',
		'表二至表四的数据单元格不应留空，无数据应填0。统计空白单元格。'
	),
	A8: R(
		'A8',
		'无申请却有办理结果',
		'warning',
		'report',
		'R-A8',
		'本年新收与上年结转均为0时，各项办理结果和结转下年度都应为0。'
	),
	A9: R(
		'A9',
		'结转下年度超出可办理数',
		'warning',
		'report',
		'R-A9',
		'结转下年度（总计）不可能大于本年新收与上年结转之和。'
	),
	C1: R(
		'C1',
		'内容完整',
		'error',
		'report',
		'R-F3',
		'六个部分齐全；表二、表三、表四各行齐全（缺行是问题，不按0处理）。'
	),
	F1: R(
		'F1',
		'六部分标题及顺序',
		'error',
		'report',
		'R-F1',
		'正文依次出现六个部分的标题：总体情况、主动公开、收到和处理申请、行政复议行政诉讼、存在的主要问题、其他需要报告的事项。'
	),
	F2: R(
		'F2',
		'年报格式版本',
		'error',
		'report',
		'R-F2',
		'2021年及以后的年报使用2021年格式（国办公开办函〔2021〕30号），2019、2020年度使用2019年格式；表二与表三（六）其他处理分别判断。'
	),
	F3: R(
		'F3',
		'表格行列与模板一致',
		'error',
		'report',
		'R-F3',
		'表格中不应出现模板以外的行或列，也不应混用两版模板的行。'
	),
	F4: R(
		'F4',
		'统计期限与标题年度',
		'warning',
		'report',
		'R-F4',
		'写明统计期限为报告年度1月1日至12月31日，标题年度与报告年度一致。'
	),
	F5: R(
		'F5',
		'信息处理费说明',
		'warning',
		'report',
		'R-F5',
		'2021年及以后：第六部分说明信息处理费的收取情况（金额、件数或未收取）。'
	),
	F6: R(
		'F6',
		'总体情况五个方面',
		'warning',
		'report',
		'R-F6',
		'总体情况涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面。'
	),
	F7: R(
		'F7',
		'考核评议与责任追究',
		'warning',
		'report',
		'R-F7',
		'人民政府的年报应说明工作考核、社会评议和责任追究情况（条例第五十条）。'
	),
	F8: R(
		'F8',
		'存在问题及改进情况',
		'warning',
		'report',
		'R-F8',
		'第五部分应具体写明存在的问题和改进措施，不应空泛或只写“无”。'
	),
	F9: R(
		'F9',
		'收费与第六部分一致',
		'warning',
		'report',
		'R-F9',
		'表三有“逾期未按收费通知要求缴纳费用”的申请时，第六部分应说明收费通知或信息处理费情况。'
	),
	T2: R(
		'T2',
		'正文与表格数字一致',
		'warning',
		'report',
		'R-T1',
		'总体情况中引用的申请、办结、结转、复议、诉讼、规范性文件等数字与表格一致（可能误报，需人工确认）。'
	),
	T1: R(
		'T1',
		'按时发布',
		'error',
		'publication',
		'R-D1',
		'政府部门的年报在次年1月31日前、人民政府（含乡镇、街道）的年报在次年3月31日前发布（条例第四十九条；本地期限可配置）。'
	),
	Y1: R(
		'Y1',
		'上年结转衔接',
		'error',
		'cross-year',
		'R-X1',
		'本年“上年结转”每一列等于上一年度报告的“结转下年度”；两年模板不同时为警告。'
	),
	X3: R(
		'X3',
		'同比异常波动',
		'warning',
		'cross-year',
		'R-X3',
		'本年新收、办理结果总计、表二各项件数、复议诉讼总计与上年相比增至5倍以上或降至五分之一以下（上年基数不少于10时）。'
	),
	X5: R(
		'X5',
		'与上年文字雷同',
		'warning',
		'cross-year',
		'R-X5',
		'总体情况、存在的主要问题及改进情况与上年报告文字相似度（字符片段Jaccard）达到0.8。'
	),
	X4: R(
		'X4',
		'表二存量衔接',
		'warning',
		'cross-year',
		'R-X4',
		'2021年格式：上年现行有效件数＋本年制发件数－本年废止件数应等于本年现行有效件数（规章、行政规范性文件；启发式）。'
	),
	X6: R(
		'X6',
		'与其他单位文字雷同',
		'warning',
		'cross-report',
		'R-X6',
		'总体情况、存在的主要问题及改进情况与同年度其他单位报告的文字相似度（去除模板固定表述后的字符片段Jaccard）达到阈值（默认0.8）。'
	),
	X7: R(
		'X7',
		'缺少年度报告',
		'warning',
		'cross-report',
		'R-X7',
		'上一年度有年报、本年度发布期限已过仍无年报的单位；或名册要求报送而未见年报的单位。'
	),
	H1: R(
		'H1',
		'上下级合计不一致',
		'warning',
		'cross-report',
		'R-H1',
		'人民政府报告的表三、表四各单元格与其下级单位报告之和比较；有下级缺报或只含本级时为“不确定”。'
	),
	D2: R(
		'D2',
		'本地报送发布期限',
		'warning',
		'publication',
		'R-D2',
		'本地规定的报送（如次年1月26日前报区政务公开办）和发布期限（可配置）。'
	),
	D3: R(
		'D3',
		'发布后数字改动',
		'warning',
		'cross-report',
		'R-D3',
		'已发布报告的新版本改动了表格数字（发布后有变动），需核实。'
	)
} as const satisfies Record<string, RuleDef>;

export type RuleId = keyof typeof RULES;

export function finding(
	rule: RuleId,
	message: string,
	cells: string[],
	severity: Severity = RULES[rule].severity
): Finding {
	return { rule, severity, message, cells };
}
