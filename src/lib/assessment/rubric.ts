// The quarterly assessment rubric (季度政务公开考核评分细则) as data: every weight, threshold and band is a field
// here, so a district edits its rubric without touching code. The default follows domain-rules.md §8 (Quanzhou,
// Huaihua, Jinzhou, Xuanzhou rules, 国办秘函〔2019〕19号 for the website checks).
import { MIN_SAMPLE } from '../report/rates';

/** Where an indicator's deductions come from. */
export type EvidenceRule =
	/** Stored check findings of the assessed annual report, one item per failed rule (a rule group), or per finding. */
	| { kind: 'findings'; rules: string[]; perItem: number; per: 'rule' | 'finding'; weights?: Record<string, number> }
	/**
	 * T1 (late publication) of the annual report whose deadline falls in the assessment year; scored from the
	 * quarter holding the deadline on, carried while the finding stands. A report still missing after the deadline
	 * is an item too.
	 */
	| { kind: 'timeliness'; rule: string; perItem: number; missingPerItem: number; deadlines: Record<string, string> }
	/** The publication log: channels silent longer than their group's limit. */
	| { kind: 'channels'; perItem: number; groups: ChannelGroup[] }
	/** Section 4 of the annual report: each 结果纠正 case. Scored in the listed quarters only (an annual figure). */
	| { kind: 'review-corrected'; perItem: number; quarters: number[] }
	/** 信息处理费 charged: listed for an inspector to review, never deducted (charging is lawful under conditions). */
	| { kind: 'fee-review' }
	/** Rectification requests of earlier quarters not met by their deadline. */
	| { kind: 'rectification-overdue'; perItem: number }
	/** Only what inspectors enter, with a written reason. */
	| { kind: 'manual' };

export interface ChannelGroup {
	label: string;
	/** A channel belongs to the group when its name contains one of these. */
	match: string[];
	/** Silent for more than this many days within the quarter → an item. */
	maxSilentDays: number;
}

export interface Indicator {
	/** Stable id: manual entries, rectification requests and snapshots refer to it. */
	id: string;
	level1: string;
	level2: string;
	/** 指标分值. */
	points: number;
	/** 评分细则, in words. */
	rule: string;
	evidence: EvidenceRule;
	/** Most points the indicator can lose; the 退回未改 rule may exceed its nominal points. */
	cap: number;
	/** Inspectors may add manual deductions here (always true for `manual`). */
	manual: boolean;
	/** Inspectors may mark a manual entry as a single veto (e.g. 新媒体 no post in two weeks). */
	manualVeto?: boolean;
}

export interface VetoRule {
	id: string;
	label: string;
	/** Single veto when the indicator counts at least `minItems` items (before its cap). */
	indicatorId: string;
	minItems: number;
}

export interface GradeBand {
	grade: string;
	/** Lowest total in the band (inclusive). */
	min: number;
}

export interface Rubric {
	name: string;
	base: number;
	indicators: Indicator[];
	vetoes: VetoRule[];
	bonus: { cap: number; label: string };
	/** Highest band first; a total below every band's min gets the last band. */
	bands: GradeBand[];
	/** The grade any single veto forces. */
	vetoGrade: string;
	/** Organs whose assessed report has fewer applications (办理结果总计) are not ranked (样本不足, R-P1). */
	rankMinApplications: number;
}

const ANNUAL = '年度报告';

export const DEFAULT_RUBRIC: Rubric = {
	name: '季度政务公开考核（默认细则）',
	base: 100,
	indicators: [
		{
			id: 'report.timely',
			level1: ANNUAL,
			level2: '按时发布',
			points: 5,
			rule: '年报晚于法定期限（部门次年1月31日、人民政府次年3月31日）发布扣5分；期限后仍未发布扣5分',
			evidence: {
				kind: 'timeliness',
				rule: 'T1',
				perItem: 5,
				missingPerItem: 5,
				deadlines: { government: '03-31', street: '03-31', town: '03-31', default: '01-31' }
			},
			cap: 5,
			manual: true
		},
		{
			id: 'report.format',
			level1: ANNUAL,
			level2: '格式与要素',
			points: 5,
			rule: '缺少部分或模板行、要素不全，每项规则扣1分；格式版本错误扣5分（最多扣5分）',
			evidence: {
				kind: 'findings',
				rules: ['C1', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8'],
				perItem: 1,
				per: 'rule',
				weights: { F2: 5 }
			},
			cap: 5,
			manual: true
		},
		{
			id: 'report.accuracy',
			level1: ANNUAL,
			level2: '数据准确',
			points: 5,
			rule: '每类数据错误（勾稽关系、合计、数值、上年结转衔接）扣1分（最多扣5分）',
			evidence: { kind: 'findings', rules: ['A1', 'A2', 'A3', 'A4', 'A5', 'Y1'], perItem: 1, per: 'rule' },
			cap: 5,
			manual: true
		},
		{
			id: 'report.similarity',
			level1: ANNUAL,
			level2: '内容雷同',
			points: 5,
			rule: '与上年或其他单位年报文字雷同（相似度≥0.8）扣5分',
			evidence: { kind: 'findings', rules: ['X5', 'X6'], perItem: 5, per: 'rule' },
			cap: 5,
			manual: true
		},
		{
			id: 'report.unfixed',
			level1: ANNUAL,
			level2: '整改未落实',
			points: 0,
			rule: '上季度整改要求逾期未落实，每项再扣5分（可超过本项分值）',
			evidence: { kind: 'rectification-overdue', perItem: 5 },
			cap: 10,
			manual: false
		},
		{
			id: 'request.ontime',
			level1: '依申请公开',
			level2: '按期答复',
			points: 15,
			rule: '每件逾期答复（超过20个工作日且未依法延期）扣5分',
			evidence: { kind: 'manual' },
			cap: 15,
			manual: true
		},
		{
			id: 'request.corrected',
			level1: '依申请公开',
			level2: '复议诉讼被纠错',
			points: 10,
			rule: '行政复议、行政诉讼每件结果纠正扣3分（年报第四部分，第一季度计）',
			evidence: { kind: 'review-corrected', perItem: 3, quarters: [1] },
			cap: 10,
			manual: true
		},
		{
			id: 'request.fee',
			level1: '依申请公开',
			level2: '信息处理费',
			points: 0,
			rule: '收取信息处理费的列入人工复核，不自动扣分',
			evidence: { kind: 'fee-review' },
			cap: 0,
			manual: false
		},
		{
			id: 'proactive.ontime',
			level1: '主动公开',
			level2: '20个工作日内公开',
			points: 10,
			rule: '每件文件未在形成或变更之日起20个工作日内公开扣2分',
			evidence: { kind: 'manual' },
			cap: 10,
			manual: true
		},
		{
			id: 'proactive.policy',
			level1: '主动公开',
			level2: '政策文件与解读',
			points: 10,
			rule: '规范性文件未同步发布解读，或缺少立改废、备案信息，每件扣1分',
			evidence: { kind: 'manual' },
			cap: 10,
			manual: true
		},
		{
			id: 'proactive.elements',
			level1: '主动公开',
			level2: '要素规范',
			points: 5,
			rule: '标题、索引号、发布日期缺失或错误，每条扣1分',
			evidence: { kind: 'manual' },
			cap: 5,
			manual: true
		},
		{
			id: 'web.updates',
			level1: '网站与新媒体',
			level2: '栏目更新',
			points: 15,
			rule: '动态、要闻类栏目超过2周未更新，通知公告、政策文件类栏目超过6个月未更新，每个栏目扣3分；5个及以上栏目单项否决',
			evidence: {
				kind: 'channels',
				perItem: 3,
				groups: [
					{ label: '动态要闻类', match: ['动态', '要闻', '新闻'], maxSilentDays: 14 },
					{ label: '通知公告政策文件类', match: ['通知公告', '公告', '政策文件'], maxSilentDays: 183 }
				]
			},
			cap: 15,
			manual: true
		},
		{
			id: 'web.media',
			level1: '网站与新媒体',
			level2: '新媒体更新与互动',
			points: 10,
			rule: '账号2周无更新或未提供有效互动功能单项否决；功能无法使用扣2分',
			evidence: { kind: 'manual' },
			cap: 10,
			manual: true,
			manualVeto: true
		},
		{
			id: 'web.response',
			level1: '网站与新媒体',
			level2: '互动回应',
			points: 5,
			rule: '有效留言超过3个月未回复单项否决；回复超期每件扣1分',
			evidence: { kind: 'manual' },
			cap: 5,
			manual: true,
			manualVeto: true
		}
	],
	vetoes: [{ id: 'veto.channels', label: '5个及以上栏目未按要求更新', indicatorId: 'web.updates', minItems: 5 }],
	bonus: { cap: 10, label: '加分（创新做法、图解解读、年报图解等）' },
	bands: [
		{ grade: '优秀', min: 90 },
		{ grade: '良好', min: 80 },
		{ grade: '合格', min: 60 },
		{ grade: '不合格', min: 0 }
	],
	vetoGrade: '不合格',
	// The dashboard's guard (R-P1), as the default.
	rankMinApplications: MIN_SAMPLE
};

/** The 一级 indicators in rubric order, each with its 二级 ones (the export's two header rows). */
export function indicatorGroups(rubric: Rubric): { level1: string; indicators: Indicator[] }[] {
	const groups: { level1: string; indicators: Indicator[] }[] = [];
	for (const ind of rubric.indicators) {
		const last = groups[groups.length - 1];
		if (last && last.level1 === ind.level1) last.indicators.push(ind);
		else groups.push({ level1: ind.level1, indicators: [ind] });
	}
	return groups;
}

/** Problems that make a rubric unusable, in Chinese; empty when it is sound. */
export function validateRubric(r: Rubric): string[] {
	const out: string[] = [];
	const ids = new Set<string>();
	if (!Array.isArray(r.indicators) || !r.indicators.length) out.push('细则没有指标');
	for (const ind of r.indicators ?? []) {
		if (!ind.id || ids.has(ind.id)) out.push(`指标编号“${ind.id}”为空或重复`);
		ids.add(ind.id);
		if (!(ind.points >= 0) || !(ind.cap >= 0)) out.push(`指标“${ind.level2}”的分值或扣分上限不是非负数`);
		if (!ind.level1 || !ind.level2) out.push(`指标“${ind.id}”缺少一级或二级指标名称`);
	}
	for (const v of r.vetoes ?? [])
		if (!ids.has(v.indicatorId)) out.push(`单项否决“${v.label}”引用的指标“${v.indicatorId}”不存在`);
	if (!Array.isArray(r.bands) || !r.bands.length) out.push('细则没有等次');
	for (let i = 1; i < (r.bands ?? []).length; i++)
		if (!(r.bands[i].min < r.bands[i - 1].min)) out.push('等次须按分数线从高到低排列');
	if (!(r.bonus?.cap >= 0)) out.push('加分上限不是非负数');
	if (!(r.base > 0)) out.push('基础分不是正数');
	return out;
}
