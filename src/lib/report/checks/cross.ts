// Checks that need more than the one report, pure, with the other data as arguments (the importer calls them):
// Y1 carry-over against last year's report, T1 timeliness of publication, X3 year-on-year jumps, X5 text
// copied from last year. Cells of the previous report are named `previous.<path>`.
import type { Finding, Report } from '../model';
import type { OrganKind } from '../organ';
import { APPLICANT_COLUMNS, REVIEW_GROUPS, proactiveItems } from '../template';
import { TOTAL_COL, appCell, colName, fmt, groupName, isNum, proactiveLayoutOf, reviewCell } from './cells';
import { applicationPath, previousPath, proactivePath, reviewPath, sectionPath } from '../cell-path';
import { finding } from './rules';
import { normProse } from './text';

/** Y1: this year's 上年结转 equals last year's 结转下年度, per column (only for consecutive years). */
export function checkCarryOver(previous: Report | null, current: Report): Finding[] {
	if (!previous) return [];
	const py = previous.year;
	const cy = current.year;
	if (isNum(py) && isNum(cy) && cy - py !== 1) return [];
	const pyName = isNum(py) ? `${py}年` : '上一年度';
	const cyName = isNum(cy) ? `${cy}年` : '本年度';
	const sameFamily = previous.template === current.template;
	const out: Finding[] = [];
	const blank: string[] = [];
	const blankCells: string[] = [];
	for (let c = 0; c < APPLICANT_COLUMNS.length; c++) {
		const now = appCell(current, 'carried_over', c);
		const before = appCell(previous, 'carried_forward', c);
		const cells = [applicationPath('carried_over', c), previousPath(applicationPath('carried_forward', c))];
		if (!isNum(now) || !isNum(before)) {
			blank.push(`${colName(c)}列`);
			if (now === null) blankCells.push(cells[0]);
			if (before === null) blankCells.push(cells[1]);
			continue;
		}
		if (now !== before)
			out.push(
				finding(
					'Y1',
					`${cyName}报告“上年结转”（${colName(c)}）为${fmt(now)}件，应等于${pyName}报告“结转下年度”（${colName(c)}）的${fmt(before)}件，相差${fmt(Math.abs(now - before))}件。${sameFamily ? '' : '（两年模板不同，作为警告）'}`,
					cells,
					sameFamily ? 'error' : 'warning'
				)
			);
	}
	if (blank.length)
		out.push(
			finding(
				'A0',
				`Y1（上年结转衔接）有${blank.length}列无法核验：${blank.join('、')}（${cyName}“上年结转”或${pyName}“结转下年度”空白或缺行）。`,
				blankCells
			)
		);
	return out;
}

export interface Deadlines {
	/** MM-DD of year+1 for departments (default 01-31). */
	department: string;
	/** MM-DD of year+1 for people's governments, towns and streets (default 03-31). */
	government: string;
}

export const DEFAULT_DEADLINES: Deadlines = { department: '01-31', government: '03-31' };

const KIND_LABEL: Record<OrganKind, string> = {
	government: '人民政府',
	department: '政府部门',
	street: '街道',
	town: '乡镇人民政府',
	other: '其他单位'
};

/**
 * T1: published_on no later than the deadline of year+1. Departments: deadlines.department; governments,
 * towns and streets: deadlines.government; 'other' (kind unknown) gets the later, government deadline so an
 * unknown kind never produces a false error.
 */
export function checkTimeliness(report: Report, organKind: OrganKind, deadlines: Partial<Deadlines> = {}): Finding[] {
	const d = { ...DEFAULT_DEADLINES, ...deadlines };
	if (!isNum(report.year)) return [];
	const mmdd = organKind === 'department' ? d.department : d.government;
	const deadline = `${report.year + 1}-${mmdd}`;
	const pub = report.published_on;
	if (!pub) return [finding('A0', `发布日期不详，无法核验是否在${deadline}前发布（T1 按时发布）。`, ['published_on'])];
	if (!/^\d{4}-\d{2}-\d{2}$/.test(pub))
		return [finding('A0', `发布日期“${pub}”格式无法识别，无法核验按时发布（T1）。`, ['published_on'])];
	if (pub <= deadline) return [];
	const days = Math.round((Date.parse(pub) - Date.parse(deadline)) / 86_400_000);
	return [
		finding(
			'T1',
			`报告发布于${pub}，晚于${KIND_LABEL[organKind]}年报的发布期限${deadline}（${mmdd === DEFAULT_DEADLINES[organKind === 'department' ? 'department' : 'government'] ? '条例第四十九条' : '本地配置期限'}），逾期${days}天。`,
			['published_on']
		)
	];
}

export interface CompareOptions {
	/** X3: jump when current/previous > ratio or < 1/ratio (default 5). */
	jumpRatio?: number;
	/** X3 base guard: only when the previous value is at least this (default 10). */
	minBase?: number;
	/** X5: similarity threshold (default 0.8). */
	similarity?: number;
	/** X5: shingle length in characters (default 3). */
	shingle?: number;
	/** X5: texts shorter than this (normalised characters) are not compared (default 50). */
	minChars?: number;
}

interface Metric {
	path: string;
	name: string;
	get: (r: Report) => number | null | undefined;
}

function metrics(previous: Report, current: Report): Metric[] {
	const list: Metric[] = [
		{ path: applicationPath('new', TOTAL_COL), name: '表三本年新收总计', get: (r) => appCell(r, 'new', TOTAL_COL) },
		{
			path: applicationPath('results_total', TOTAL_COL),
			name: '表三办理结果总计',
			get: (r) => appCell(r, 'results_total', TOTAL_COL)
		}
	];
	for (const g of REVIEW_GROUPS)
		list.push({ path: reviewPath(g, 4), name: `表四${groupName(g)}总计`, get: (r) => reviewCell(r, g, 4) });
	const lp = proactiveLayoutOf(previous);
	const lc = proactiveLayoutOf(current);
	if (lc) {
		const prevDefs = lp ? proactiveItems(lp) : [];
		for (const def of proactiveItems(lc)) {
			const prevDef = prevDefs.find((d) => d.key === def.key);
			def.fields.forEach((f, i) => {
				const signed = (def.signedFields as readonly string[] | undefined)?.includes(f);
				if (signed || !prevDef || !(prevDef.fields as readonly string[]).includes(f)) return;
				list.push({
					path: proactivePath(def.key, f),
					name: `表二${def.label}${def.fieldLabels[i]}`,
					get: (r) => r.proactive?.[def.key]?.[f]
				});
			});
		}
	}
	return list;
}

/** Character shingles of a text normalised for comparison (digits folded, so updated figures still match). */
export function shingles(text: string, k = 3): Set<string> {
	const t = normProse(text)
		.replace(/[\p{P}\p{S}]/gu, '')
		.replace(/\d+/g, '#');
	const out = new Set<string>();
	for (let i = 0; i + k <= t.length; i++) out.add(t.slice(i, i + k));
	return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
	if (!a.size && !b.size) return 0;
	let inter = 0;
	for (const x of a) if (b.has(x)) inter++;
	return inter / (a.size + b.size - inter);
}

/** Similarity of two texts: Jaccard of their character shingles, 0…1. */
export function textSimilarity(a: string, b: string, k = 3): number {
	return jaccard(shingles(a, k), shingles(b, k));
}

/** X3 (year-on-year jumps with a base guard) and X5 (sections 1 and 5 copied from last year). */
export function checkAgainstPrevious(previous: Report | null, current: Report, opts: CompareOptions = {}): Finding[] {
	if (!previous) return [];
	const ratio = opts.jumpRatio ?? 5;
	const minBase = opts.minBase ?? 10;
	const threshold = opts.similarity ?? 0.8;
	const k = opts.shingle ?? 3;
	const minChars = opts.minChars ?? 50;
	const py = isNum(previous.year) ? `${previous.year}年` : '上年';
	const cy = isNum(current.year) ? `${current.year}年` : '本年';
	const out: Finding[] = [];
	for (const m of metrics(previous, current)) {
		const before = m.get(previous);
		const now = m.get(current);
		if (!isNum(before) || !isNum(now) || before < minBase) continue;
		const r = now / before;
		if (r > ratio || r < 1 / ratio)
			out.push(
				finding(
					'X3',
					`${m.name}由${py}的${fmt(before)}变为${cy}的${fmt(now)}，${r > 1 ? `增至${fmt(Number(r.toFixed(1)))}倍` : `降至${fmt(Number((r * 100).toFixed(1)))}%`}，波动异常，请核实。`,
					[m.path, previousPath(m.path)]
				)
			);
	}
	for (const id of ['1', '5'] as const) {
		const a = previous.sections?.[id];
		const b = current.sections?.[id];
		if (!a || !b) continue;
		const sa = shingles(a, k);
		const sb = shingles(b, k);
		if (sa.size + k - 1 < minChars || sb.size + k - 1 < minChars) continue;
		const sim = jaccard(sa, sb);
		if (sim >= threshold)
			out.push(
				finding(
					'X5',
					`第${id === '1' ? '一' : '五'}部分“${id === '1' ? '总体情况' : '存在的主要问题及改进情况'}”与${py}报告相似度为${(sim * 100).toFixed(1)}%（达到${(threshold * 100).toFixed(0)}%），疑与往年雷同。`,
					[sectionPath(id), previousPath(sectionPath(id))]
				)
			);
	}
	return out;
}
