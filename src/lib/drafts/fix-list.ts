// "What to fix before publishing": each finding of a draft as one plain-Chinese item for the bureau's clerk —
// what is wrong (the check's own message, with its numbers), what to do about it, and where (cell names).
// Never a corrected figure: the clerk fixes the draft, the app does not guess the right number.
import type { Finding, Severity } from '../report/model';
import { RULES } from '../report/checks/rules';
import { cellLabel, parseSectionPath, previousPath } from '../report/cell-path';
import { APPLICATION_ROW_BY_KEY, REVIEW_GROUP_LABELS, proactiveItems } from '../report/template';

export interface FixItem {
	severity: Severity | 'blocking';
	rule: string | null;
	/** The rule's short Chinese name. */
	title: string;
	/** What the check found (its message). */
	problem: string;
	/** What the clerk should do, in plain words. */
	todo: string;
	/** The cells involved, by their printed names; last year's are marked as such. */
	where: string[];
	/** Cell paths of this draft the item points at (for marking the table). */
	cells: string[];
}

const PREVIOUS = previousPath('');

/** What to do, per rule: short, concrete, never a number the app made up. */
const TODO: Record<string, string> = {
	A0: '这些单元格为空白或缺行，无法核验。无数据请填0，补齐缺失的行后再检查。',
	A1: '核对表三该列：本年新收＋上年结转，应等于办理结果总计＋结转下年度。请逐项核对台账后改正有误的数字。',
	A2: '核对表三该列：办理结果总计应等于（一）至（六）各项办理结果之和。请重新合计或改正分项。',
	A3: '核对表三该行：总计应等于自然人与各类法人或其他组织之和。请重新合计或改正分项。',
	A4: '核对表四该组：总计应等于结果维持＋结果纠正＋其他结果＋尚未审结。',
	A5: '件数须为非负整数，金额须为非负数。请改正该单元格。',
	A6: '行政事业性收费以“万元”为单位，请确认是否把“元”误填成了“万元”。',
	A7: '表格中的数据单元格不应留空，没有数据请填0。',
	A8: '本年既无新收也无结转时，各项办理结果和结转下年度都应为0。请核对。',
	A9: '结转下年度不可能大于本年新收与上年结转之和。请核对。',
	C1: '报告缺少规定的部分或表格行。请按国家模板补齐（缺行不能按0处理）。',
	F1: '正文应依次写出六个部分的标题。请按模板补齐或调整顺序。',
	F2: '请使用与报告年度对应的模板（2021年及以后用2021年版格式）。',
	F3: '表格中有模板以外的行，或混用了两版模板的行。请按国家模板的行列填报。',
	F4: '请写明统计期限为报告年度1月1日至12月31日，并使标题年度与之一致。',
	F5: '第六部分请说明信息处理费的收取情况（金额、件数，或写明未收取）。',
	F6: '总体情况应涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面。',
	F7: '人民政府的年报应说明工作考核、社会评议和责任追究情况。',
	F8: '第五部分请具体写明存在的问题和改进措施，不要只写“无”。',
	F9: '表三有逾期未缴费的申请时，第六部分应说明收费通知或信息处理费情况。',
	T1: '报告发布已晚于规定期限，请尽快发布，并在报告中如实写明发布日期。',
	T2: '总体情况中引用的数字与表格不一致。请核对正文或表格（此项可能误报，核对无误可保留）。',
	Y1: '“上年结转”应等于上一年度已发布报告的“结转下年度”。请核对；若上年报告本身有误，请联系督查员。',
	X3: '该项与上年相比波动很大。请核实数字；属实的，建议在总体情况中说明原因。',
	X5: '这一部分与上年报告文字高度相似。请按本年度实际情况重写。'
};

const RANK: Record<FixItem['severity'], number> = { blocking: 0, error: 1, warning: 2, info: 3 };

function where(cells: string[]): string[] {
	const out = cells.map((c) => {
		if (c.startsWith(PREVIOUS)) return `上年报告 ${label(c.slice(PREVIOUS.length))}`;
		return label(c);
	});
	return [...new Set(out)];
}

function label(path: string): string {
	const part = parseSectionPath(path);
	if (part) return `第${'一二三四五六'[Number(part) - 1]}部分`;
	if (path === 'published_on') return '发布日期';
	if (path === 'proactive') return '表二';
	const label = cellLabel(path);
	if (label !== path) return label;
	// Whole rows (a missing row, a row of the wrong template).
	const [section, key] = path.replace(/^applications\.rows\./, 'applications.').split('.');
	if (section === 'applications' && key in APPLICATION_ROW_BY_KEY) {
		const def = APPLICATION_ROW_BY_KEY[key as keyof typeof APPLICATION_ROW_BY_KEY];
		return `表三 ${def.number}${def.label.replace(/（[^）]*）$/, '')}`;
	}
	if (section === 'review' && key in REVIEW_GROUP_LABELS)
		return `表四 ${REVIEW_GROUP_LABELS[key as keyof typeof REVIEW_GROUP_LABELS]}`;
	if (section === 'proactive') {
		const def = [...proactiveItems('2021'), ...proactiveItems('2019')].find((x) => x.key === key);
		if (def) return `表二 ${def.label}`;
	}
	return path;
}

/** The fix list: blocking reasons first, then errors, warnings, notes; in the checks' order within each. */
export function fixList(findings: Finding[], blocking: string[] = []): FixItem[] {
	const items: FixItem[] = blocking.map((b) => ({
		severity: 'blocking',
		rule: null,
		title: '无法导入',
		problem: b,
		todo: '改正后重新检查。',
		where: [],
		cells: []
	}));
	for (const f of findings) {
		const def = (RULES as Record<string, { name: string } | undefined>)[f.rule];
		items.push({
			severity: f.severity,
			rule: f.rule,
			title: def?.name ?? f.rule,
			problem: f.message,
			todo: TODO[f.rule] ?? '请核对并改正。',
			where: where(f.cells),
			cells: f.cells.filter((c) => !c.startsWith(PREVIOUS))
		});
	}
	return items
		.map((it, i) => ({ it, i }))
		.sort((a, b) => RANK[a.it.severity] - RANK[b.it.severity] || a.i - b.i)
		.map(({ it }) => it);
}
