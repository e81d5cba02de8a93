// The findings a report must produce, computed from the truth by a small independent implementation of the rules
// the generator can break (A1–A4, C1, Y1, T1). Deliberately separate from src/lib/report/checks.ts: the round trip
// compares the two.
import type { Finding, Report, Row7 } from '../report/model';
import {
	APPLICANT_COLUMNS,
	APPLICANT_COLUMN_LABELS,
	APPLICATION_ROW_SHORT,
	REVIEW_COLUMNS,
	REVIEW_GROUPS,
	REVIEW_GROUP_LABELS,
	SECTIONS,
	applicationRowKeys,
	outcomeRowKeys,
	type ApplicationRowKey
} from '../report/template';
import type { OrganKind } from '../report/organ';
import { applicationPath, previousPath, reviewGroupPath, reviewPath, sectionPath } from '../report/cell-path';

const finding = (rule: string, severity: Finding['severity'], message: string, cells: string[]): Finding => ({
	rule,
	severity,
	message,
	cells
});

/** Rules of one report the generator can break: C1, F1, F2, F5, A1–A4 (what the parser's runChecks should say). */
export function reportFindings(report: Report): Finding[] {
	const out: Finding[] = [];
	const missing = SECTIONS.filter((s) => report.sections[s.id] === undefined);
	// F1 reads the headings in the source text: a missing part's heading is missing too.
	if (missing.length)
		out.push(
			finding(
				'F1',
				'error',
				`正文中未找到${missing.map((s) => `第${s.ordinal}部分“${s.title}”`).join('、')}的标题`,
				missing.map((s) => sectionPath(s.id))
			)
		);
	if (missing.length)
		out.push(
			finding(
				'C1',
				'error',
				`缺少${missing.map((s) => `第${s.ordinal}部分“${s.title}”`).join('、')}`,
				missing.map((s) => sectionPath(s.id))
			)
		);
	const absentGroups = REVIEW_GROUPS.filter((g) => !report.review[g]);
	if (absentGroups.length)
		out.push(
			finding('C1', 'error', '缺少表四（政府信息公开行政复议、行政诉讼情况）', absentGroups.map(reviewGroupPath))
		);
	// F5: from 2021 section 6 states the fee; the prose sometimes puts the statement in section 1 or 5 instead.
	const s6 = report.sections['6'];
	if ((report.year ?? 0) >= 2021 && s6 !== undefined && !/处理费|收费/.test(s6))
		out.push(finding('F5', 'warning', '第六部分未说明信息处理费的收取情况', [sectionPath('6')]));
	const rows = report.applications.rows;
	const layout = report.other_layout ?? (report.template === '2019' ? '2019' : '2021');
	// F2: a 2021+ report printing the 2019 single row （六） (a hybrid seen in the wild).
	const expected = (report.year ?? 0) >= 2021 ? '2021' : '2019';
	if (layout !== expected)
		out.push(
			finding(
				'F2',
				'error',
				`${report.year}年度报告表三（六）其他处理应按${expected}年格式填报`,
				layout === '2019'
					? ['applications.rows.other']
					: ['applications.rows.other.no_correction', 'applications.rows.other.no_fee', 'applications.rows.other.other']
			)
		);
	const get = (k: ApplicationRowKey): Row7 | undefined => rows[k];
	const nw = get('new'),
		co = get('carried_over'),
		rt = get('results_total'),
		cf = get('carried_forward');
	if (nw && co && rt && cf)
		APPLICANT_COLUMNS.forEach((c, i) => {
			const l = (nw[i] ?? 0) + (co[i] ?? 0);
			const r = (rt[i] ?? 0) + (cf[i] ?? 0);
			if (l !== r)
				out.push(
					finding(
						'A1',
						'error',
						`“${APPLICANT_COLUMN_LABELS[c]}”列：本年新收${nw[i]}+上年结转${co[i]}=${l}，应等于办理结果总计${rt[i]}+结转下年度${cf[i]}=${r}`,
						[
							applicationPath('new', c),
							applicationPath('carried_over', c),
							applicationPath('results_total', c),
							applicationPath('carried_forward', c)
						]
					)
				);
		});
	const outcomes = outcomeRowKeys(layout).filter((k) => rows[k]);
	if (rt)
		APPLICANT_COLUMNS.forEach((c, i) => {
			const sum = outcomes.reduce((a, k) => a + (rows[k]![i] ?? 0), 0);
			if (sum !== rt[i])
				out.push(
					finding(
						'A2',
						'error',
						`“${APPLICANT_COLUMN_LABELS[c]}”列：各项办理结果之和为${sum}，办理结果总计为${rt[i]}`,
						[applicationPath('results_total', c), ...outcomes.map((k) => applicationPath(k, c))]
					)
				);
		});
	for (const k of applicationRowKeys(layout)) {
		const r = rows[k];
		if (!r) continue;
		const sum = r.slice(0, 6).reduce<number>((a, b) => a + (b ?? 0), 0);
		if (sum !== r[6])
			out.push(
				finding('A3', 'error', `“${APPLICATION_ROW_SHORT[k]}”行：六类申请人之和为${sum}，总计为${r[6]}`, [
					applicationPath(k, 'total'),
					...APPLICANT_COLUMNS.slice(0, 6).map((c) => applicationPath(k, c))
				])
			);
	}
	for (const g of REVIEW_GROUPS) {
		const r = report.review[g];
		if (!r) continue;
		const sum = r.slice(0, 4).reduce<number>((a, b) => a + (b ?? 0), 0);
		if (sum !== r[4])
			out.push(
				finding(
					'A4',
					'error',
					`${REVIEW_GROUP_LABELS[g]}：结果维持、结果纠正、其他结果、尚未审结之和为${sum}，总计为${r[4]}`,
					REVIEW_COLUMNS.map((c) => reviewPath(g, c))
				)
			);
	}
	return out;
}

/** Y1: this year's carried_over against last year's carried_forward, column by column. */
export function carryOverFindings(prev: Report, cur: Report): Finding[] {
	const f = prev.applications.rows.carried_forward;
	const o = cur.applications.rows.carried_over;
	if (!f || !o) return [];
	const out: Finding[] = [];
	// Across a change of template family (2020 → 2021) the rule is a warning (domain-rules R-X1).
	const severity = prev.template === cur.template ? 'error' : 'warning';
	APPLICANT_COLUMNS.forEach((c, i) => {
		if (f[i] !== o[i])
			out.push(
				finding(
					'Y1',
					severity,
					`“${APPLICANT_COLUMN_LABELS[c]}”列：上年结转${o[i]}，与${prev.year}年报告的结转下年度${f[i]}不一致`,
					[applicationPath('carried_over', c), previousPath(applicationPath('carried_forward', c))]
				)
			);
	});
	return out;
}

/**
 * T1: the statutory deadline (条例第四十九条). Departments by 31 January; people's governments, towns and streets by
 * 31 March. The generator dates clean reports of towns and streets by 31 January and late ones after 31 March,
 * so the finding does not depend on how a town or street is classed.
 */
export function deadlineFor(kind: OrganKind, year: number): string {
	return kind === 'department' ? `${year + 1}-01-31` : `${year + 1}-03-31`;
}

export function timelinessFindings(report: Report, kind: OrganKind): Finding[] {
	if (!report.published_on || report.year === null) return [];
	const deadline = deadlineFor(kind, report.year);
	if (report.published_on <= deadline) return [];
	return [finding('T1', 'error', `发布日期${report.published_on}晚于法定期限${deadline}`, ['published_on'])];
}
