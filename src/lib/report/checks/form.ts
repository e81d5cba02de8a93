// Template and completeness rules of one report: C1 (everything present), F1–F9 (headings, template version,
// non-template rows, statistical period, section texts). See RULES for each rule's wording.
import type { Finding, Report } from '../model';
import { noneChargedAt } from '../map/fee-statement';
import { inferOrganKind, type OrganKind } from '../organ';
import {
	APPLICATION_ROWS,
	REVIEW_GROUPS,
	SECTIONS,
	applicationRowKeys,
	proactiveItems,
	type ApplicationRowKey
} from '../template';
import {
	TOTAL_COL,
	appCell,
	fmt,
	groupName,
	isNum,
	listNames,
	otherLayoutOf,
	proactiveLayoutOf,
	rowName
} from './cells';
import {
	applicationPath,
	applicationRowPath,
	proactiveItemPath,
	proactivePath,
	reviewGroupPath,
	sectionPath
} from '../cell-path';
import { finding } from './rules';
import { normProse, sectionProse, stripHeading, wholeProse } from './text';

export interface FormOptions {
	/** The organ's kind (for F7); inferred from the organ name when omitted. */
	organKind?: OrganKind;
	/** F8: a section 5 body shorter than this many characters is too thin (default 100). */
	minSection5Chars?: number;
}

const SECTION_IDS = ['1', '2', '3', '4', '5', '6'] as const;
const SECTION_NAME: Record<string, string> = Object.fromEntries(
	SECTIONS.map((s) => [s.id, `第${s.ordinal}部分“${s.title}”`])
);

/** C1 for the rows or groups of a table that are absent: the whole table in one message, or those missing. */
function absentFindings<K extends string>(
	absent: readonly K[],
	all: readonly K[],
	whole: string,
	some: () => string,
	path: (k: K) => string
): Finding[] {
	return absent.length ? [finding('C1', absent.length === all.length ? whole : some(), absent.map(path))] : [];
}

/** C1 for each present row that is not a list of `cells` cells. */
function malformedRows(
	rows: Record<string, unknown>,
	cells: number,
	name: (k: string) => string,
	path: (k: string) => string
): Finding[] {
	return Object.entries(rows)
		.filter(([, row]) => row !== undefined && (!Array.isArray(row) || row.length !== cells))
		.map(([k, row]) =>
			finding('C1', `${name(k)}应有${cells}个单元格，实有${Array.isArray(row) ? row.length : 0}个。`, [path(k)])
		);
}

export function checkC1(report: Report): Finding[] {
	const out: Finding[] = [];
	const missing = SECTION_IDS.filter((id) => !(report.sections?.[id] ?? '').trim());
	if (missing.length)
		out.push(finding('C1', `缺少${missing.map((id) => SECTION_NAME[id]).join('、')}。`, missing.map(sectionPath)));
	if (report.template === 'free') return out; // no fixed tables before 2019

	const layout = proactiveLayoutOf(report);
	if (layout) {
		const proactive = report.proactive ?? {};
		const absent: string[] = [];
		const paths: string[] = [];
		for (const def of proactiveItems(layout)) {
			const item = proactive[def.key];
			if (!item) {
				absent.push(def.label);
				paths.push(proactiveItemPath(def.key));
				continue;
			}
			def.fields.forEach((f, i) => {
				if (!(f in item)) {
					absent.push(`${def.label}的${def.fieldLabels[i]}`);
					paths.push(proactivePath(def.key, f));
				}
			});
		}
		if (absent.length) out.push(finding('C1', `表二（主动公开）缺少：${listNames(absent)}（缺项不按0处理）。`, paths));
	}

	const rows = (report.applications?.rows ?? {}) as Record<string, unknown>;
	const keys = applicationRowKeys(otherLayoutOf(report));
	const absentRows = keys.filter((k) => rows[k] === undefined);
	out.push(
		...absentFindings(
			absentRows,
			keys,
			`缺少表三（收到和处理政府信息公开申请情况）全部${keys.length}行。`,
			() => `表三缺少${absentRows.length}行：${listNames(absentRows.map(rowName), 10)}（缺行不按0处理）。`,
			applicationRowPath
		),
		...malformedRows(rows, 7, (k) => `表三“${rowName(k)}”行`, applicationRowPath)
	);

	const review = (report.review ?? {}) as Record<string, unknown>;
	const absentGroups = REVIEW_GROUPS.filter((g) => review[g] === undefined);
	out.push(
		...absentFindings(
			absentGroups,
			REVIEW_GROUPS,
			'缺少表四（政府信息公开行政复议、行政诉讼情况）。',
			() => `表四缺少：${absentGroups.map(groupName).join('、')}。`,
			reviewGroupPath
		),
		...malformedRows(review, 5, (g) => `表四“${groupName(g)}”`, reviewGroupPath)
	);
	return out;
}

// Sticky state (lastIndex) is set before every exec below, so the compiled patterns are shared.
const F1_HEADS = SECTIONS.map(
	(s) => new RegExp(`${s.ordinal}[、.．,，]?[^。；]{0,20}?(?:${s.keywords.join('|')})`, 'g')
);

/** Position of each section heading (ordinal + keyword within a short span) in the prose, in order. */
export function checkF1(report: Report): Finding[] {
	if (!report.source_lines?.length) return []; // needs the source text, not the parser's own split
	const prose = wholeProse(report);
	const notFound: string[] = [];
	const outOfOrder: string[] = [];
	let from = 0;
	for (const [k, s] of SECTIONS.entries()) {
		const re = F1_HEADS[k];
		re.lastIndex = from;
		const m = re.exec(prose);
		if (m) {
			from = m.index + m[0].length;
			continue;
		}
		re.lastIndex = 0;
		if (re.exec(prose)) outOfOrder.push(SECTION_NAME[s.id]);
		else notFound.push(SECTION_NAME[s.id]);
	}
	const out: Finding[] = [];
	if (notFound.length)
		out.push(
			finding(
				'F1',
				`正文中未找到${notFound.join('、')}的标题。`,
				notFound.map((n) => sectionPath(SECTIONS.find((s) => SECTION_NAME[s.id] === n)!.id))
			)
		);
	if (outOfOrder.length)
		out.push(
			finding(
				'F1',
				`${outOfOrder.join('、')}的标题顺序与模板不符（应依次为一至六）。`,
				outOfOrder.map((n) => sectionPath(SECTIONS.find((s) => SECTION_NAME[s.id] === n)!.id))
			)
		);
	return out;
}

export function checkF2(report: Report): Finding[] {
	const y = report.year;
	if (y === null || y === undefined || y < 2019) return [];
	const expected = y >= 2021 ? '2021' : '2019';
	const name = (t: string) =>
		t === '2021' ? '2021年格式（国办公开办函〔2021〕30号）' : t === '2019' ? '2019年格式' : '无固定表格的旧格式';
	const out: Finding[] = [];
	if (report.template !== expected)
		out.push(
			finding('F2', `${y}年度报告应使用${name(expected)}，表二（主动公开）按${name(report.template)}填报。`, [
				'proactive'
			])
		);
	const rows = Object.keys(report.applications?.rows ?? {});
	if (rows.length && report.template !== 'free') {
		const other = otherLayoutOf(report);
		if (other !== expected)
			out.push(
				finding(
					'F2',
					expected === '2021'
						? `${y}年度报告表三（六）其他处理应分为“逾期不补正”“逾期未缴费”“其他”三行（2021年格式），实为一行（2019年格式）。`
						: `${y}年度报告表三（六）其他处理应为一行（2019年格式），实为三行（2021年格式）。`,
					other === '2019'
						? ['applications.rows.other']
						: [
								'applications.rows.other.no_correction',
								'applications.rows.other.no_fee',
								'applications.rows.other.other'
							]
				)
			);
	}
	return out;
}

export function checkF3(report: Report): Finding[] {
	const out: Finding[] = [];
	const known = new Set<string>(APPLICATION_ROWS.map((r) => r.key));
	const rows = Object.keys(report.applications?.rows ?? {});
	const unknownRows = rows.filter((k) => !known.has(k));
	if (unknownRows.length)
		out.push(finding('F3', `表三有模板以外的行：${unknownRows.join('、')}。`, unknownRows.map(applicationRowPath)));
	const old = rows.includes('other');
	const neu = rows.filter((k) => k.startsWith('other.'));
	if (old && neu.length)
		out.push(
			finding('F3', '表三（六）其他处理同时出现2019年格式的单行和2021年格式的分项行，混用了两版模板。', [
				applicationRowPath('other'),
				...neu.map(applicationRowPath)
			])
		);
	const layout = proactiveLayoutOf(report);
	if (layout) {
		const defs = proactiveItems(layout);
		const extra: string[] = [];
		for (const [item, fields] of Object.entries(report.proactive ?? {})) {
			const def = defs.find((d) => d.key === item);
			if (!def) extra.push(proactiveItemPath(item));
			else
				for (const f of Object.keys(fields ?? {}))
					if (!(def.fields as readonly string[]).includes(f)) extra.push(proactivePath(item, f));
		}
		if (extra.length)
			out.push(
				finding(
					'F3',
					`表二有${layout}年格式以外的行或列：${extra.map((p) => p.replace('proactive.', '')).join('、')}。`,
					extra
				)
			);
	}
	const unknownGroups = Object.keys(report.review ?? {}).filter(
		(g) => !(REVIEW_GROUPS as readonly string[]).includes(g)
	);
	if (unknownGroups.length)
		out.push(finding('F3', `表四有模板以外的项：${unknownGroups.join('、')}。`, unknownGroups.map(reviewGroupPath)));
	// The parser reports rows it could not place as warnings with this code.
	for (const w of report.warnings ?? [])
		if (w.code === 'non_template_row')
			out.push(finding('F3', `表格中有模板以外的行：${w.message}`, w.where ? [w.where] : []));
	return out;
}

const PERIOD = /(\d{4})年1月1日(?:起)?(?:至|到|—|-|－|~|～)(?:(\d{4})年)?12月31日/g;

export function checkF4(report: Report): Finding[] {
	const y = report.year;
	if (y === null || y === undefined) return [];
	const out: Finding[] = [];
	const prose = wholeProse(report);
	const periods = [...prose.matchAll(PERIOD)];
	if (!periods.length) out.push(finding('F4', `未找到统计期限的表述（应为${y}年1月1日至${y}年12月31日）。`, []));
	else {
		const wrong = periods.filter((m) => Number(m[1]) !== y || (m[2] !== undefined && Number(m[2]) !== y));
		if (wrong.length === periods.length)
			out.push(finding('F4', `统计期限写为“${wrong[0][0]}”，与报告年度${y}年不符。`, []));
	}
	const titleYear = /(\d{4})年/.exec(normProse(report.title ?? ''));
	if (titleYear && Number(titleYear[1]) !== y)
		out.push(finding('F4', `标题年度为${titleYear[1]}年，与报告年度${y}年不符。`, ['title']));
	return out;
}

export function checkF5(report: Report): Finding[] {
	if (report.year === null || report.year === undefined || report.year < 2021) return [];
	const s6 = sectionProse(report, '6');
	// 处理费 named, or a no-fee statement in other words (未发生收费事项, 均未收费: map/fee-statement.ts).
	if (s6 === null || /处理费/.test(s6) || s6.split(/[。；;\n]/).some((x) => noneChargedAt(x) >= 0)) return [];
	return [finding('F5', '第六部分未说明信息处理费的收取情况（应写明收取金额、件数或未收取）。', ['sections.6'])];
}

const F6_ASPECTS: { name: string; re: RegExp }[] = [
	{ name: '主动公开', re: /主动公开/ },
	{ name: '依申请公开', re: /依申请|申请公开|公开申请/ },
	{ name: '政府信息管理', re: /信息管理|保密审查|发布审核|公开属性/ },
	{ name: '平台建设', re: /平台/ },
	{ name: '监督保障', re: /监督|保障|考核|培训|责任追究/ }
];

export function checkF6(report: Report): Finding[] {
	const s1 = sectionProse(report, '1');
	if (s1 === null) return [];
	const missing = F6_ASPECTS.filter((a) => !a.re.test(s1)).map((a) => a.name);
	if (!missing.length) return [];
	return [
		finding(
			'F6',
			`总体情况未涉及以下方面：${missing.join('、')}（应涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面）。`,
			['sections.1']
		)
	];
}

export function checkF7(report: Report, opts: FormOptions = {}): Finding[] {
	const kind = opts.organKind ?? inferOrganKind(report.organ ?? '');
	if (kind !== 'government' && kind !== 'town') return [];
	const text = (sectionProse(report, '1') ?? '') + (sectionProse(report, '5') ?? '');
	if (!text) return [];
	const missing = [
		{ name: '工作考核', re: /考核/ },
		{ name: '社会评议', re: /评议/ },
		{ name: '责任追究', re: /责任追究|问责/ }
	]
		.filter((a) => !a.re.test(text))
		.map((a) => a.name);
	if (!missing.length) return [];
	return [
		finding('F7', `人民政府的年报未说明${missing.join('、')}情况（条例第五十条第（四）项）。`, [
			'sections.1',
			'sections.5'
		])
	];
}

export function checkF8(report: Report, opts: FormOptions = {}): Finding[] {
	const raw = sectionProse(report, '5');
	if (raw === null) return []; // C1
	const body = stripHeading(raw);
	const min = opts.minSection5Chars ?? 100;
	const problems: string[] = [];
	if (/^(?:无|没有|暂无)[。.]?$/.test(body) || body.length === 0) problems.push('只写了“无”');
	else if (body.length < min) problems.push(`仅${body.length}字（少于${min}字）`);
	if (!/问题|不足|短板|差距|有待|不够|薄弱/.test(body)) problems.push('未写明存在的问题');
	if (!/改进|措施|整改|加强|提升|下一步|将/.test(body)) problems.push('未写明改进措施');
	if (!problems.length) return [];
	return [finding('F8', `存在的主要问题及改进情况过于简略：${problems.join('；')}。`, ['sections.5'])];
}

export function checkF9(report: Report): Finding[] {
	if (otherLayoutOf(report) !== '2021') return [];
	const noFee = appCell(report, 'other.no_fee', TOTAL_COL);
	if (!isNum(noFee) || noFee <= 0) return [];
	const s6 = sectionProse(report, '6');
	if (s6 !== null && /费/.test(stripHeading(s6))) return [];
	return [
		finding(
			'F9',
			`表三“逾期未缴费”不予处理${fmt(noFee)}件，说明发出过收费通知，但第六部分${s6 === null ? '缺失' : '未提及收费或信息处理费'}。`,
			[applicationPath('other.no_fee', 'total'), 'sections.6']
		)
	];
}

export function formChecks(report: Report, opts: FormOptions = {}): Finding[] {
	const rules = [checkC1, checkF1, checkF2, checkF3, checkF4, checkF5, checkF6, checkF7, checkF8, checkF9];
	return rules.flatMap((check) => check(report, opts));
}

export type { ApplicationRowKey };
