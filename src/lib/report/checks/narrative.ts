// T2 (domain R-T1): figures quoted in 总体情况 against the tables. Patterns are deliberately narrow (a figure
// right after the phrase, in 件/起); a mismatch is a warning for a human to confirm, never an error.
import type { Finding, Report } from '../model';
import type { ApplicationRowKey } from '../template';
import { TOTAL_COL, appCell, fmt, isNum, proactiveLayoutOf, reviewCell } from './cells';
import { applicationPath, proactivePath, reviewPath } from '../cell-path';
import { finding } from './rules';
import { sectionProse } from './text';

interface Claim {
	what: string;
	patterns: RegExp[];
	/** Acceptable table values (any matches → fine) with the cells they come from; null when not assessable. */
	expected: (r: Report) => { values: number[]; label: string; cells: string[] } | null;
}

const N = '(\\d+)(?:件|起|个)';
const GAP = '[^。；;\\d]{0,8}?';

const sum = (vs: (number | null | undefined)[]) =>
	vs.every(isNum) ? (vs as number[]).reduce((a, b) => a + b, 0) : null;

type Expected = ReturnType<Claim['expected']>;

/** A claim checked against one table cell: its value, or not assessable (null) when the cell is blank. */
const oneCell = (v: number | null | undefined, cell: string, label: (n: number) => string): Expected =>
	isNum(v) ? { values: [v], label: label(v), cells: [cell] } : null;

/** 表三's 总计 column of one row. */
const applicationTotal = (r: Report, row: ApplicationRowKey, name: string): Expected =>
	oneCell(appCell(r, row, TOTAL_COL), applicationPath(row, TOTAL_COL), (n) => `表三${name}总计${fmt(n)}件`);

const CLAIMS: Claim[] = [
	{
		what: '新收申请',
		patterns: [new RegExp(`(?:本年度?新收|新收到|共收到|收到|接收|受理)[^。；;]{0,25}?申请${GAP}${N}`, 'g')],
		expected: (r) => {
			const n = appCell(r, 'new', TOTAL_COL);
			const c = appCell(r, 'carried_over', TOTAL_COL);
			if (!isNum(n)) return null;
			const withCarried = isNum(c) ? [n + c] : [];
			return {
				values: [n, ...withCarried],
				label: `表三本年新收总计${fmt(n)}件${withCarried.length ? `（含上年结转为${fmt(withCarried[0])}件）` : ''}`,
				cells: [applicationPath('new', TOTAL_COL)]
			};
		}
	},
	{
		what: '上年结转',
		patterns: [new RegExp(`上一?年度?结转(?:的)?(?:政府信息公开)?(?:申请)?${GAP}${N}`, 'g')],
		expected: (r) => applicationTotal(r, 'carried_over', '上年结转')
	},
	{
		what: '办结申请',
		patterns: [new RegExp(`(?:办结|答复|办理完结)(?:了)?(?:依申请公开|政府信息公开申请|申请)?${GAP}${N}`, 'g')],
		expected: (r) => applicationTotal(r, 'results_total', '办理结果')
	},
	{
		what: '结转下年度',
		patterns: [
			new RegExp(`(?:结转(?:至|到)?下一?年度?|转入下一?年度?)(?:继续)?(?:办理)?${GAP}${N}`, 'g'),
			new RegExp(`${N}(?:申请)?(?:顺延|结转|转入)(?:到|至)?下一?年度?`, 'g')
		],
		expected: (r) => applicationTotal(r, 'carried_forward', '结转下年度')
	},
	{
		what: '行政复议',
		patterns: [new RegExp(`行政复议(?:案件|申请)?(?:共)?(?:计)?[^。；;\\d、]{0,4}?${N}`, 'g')],
		expected: (r) => {
			const v = reviewCell(r, 'reconsideration', 4);
			return oneCell(v, reviewPath('reconsideration', 4), (n) => `表四行政复议总计${fmt(n)}件`);
		}
	},
	{
		what: '行政诉讼',
		patterns: [new RegExp(`行政诉讼(?:案件)?(?:共)?(?:计)?[^。；;\\d、]{0,4}?${N}`, 'g')],
		expected: (r) => {
			const v = sum([reviewCell(r, 'litigation_direct', 4), reviewCell(r, 'litigation_after_reconsideration', 4)]);
			return v === null
				? null
				: {
						values: [v],
						label: `表四行政诉讼总计${fmt(v)}件（未经复议直接起诉与复议后起诉之和）`,
						cells: [reviewPath('litigation_direct', 4), reviewPath('litigation_after_reconsideration', 4)]
					};
		}
	},
	{
		what: '制发规范性文件',
		patterns: [new RegExp(`(?:制发|印发|出台)(?:了)?(?:的)?(?:本年度)?(?:行政)?规范性文件${GAP}${N}`, 'g')],
		expected: (r) => {
			const layout = proactiveLayoutOf(r);
			const field = layout === '2019' ? 'made' : 'issued';
			const what = layout === '2019' ? '本年新制作数量' : '本年制发件数';
			const v = r.proactive?.normative_docs?.[field];
			return oneCell(v, proactivePath('normative_docs', field), (n) => `表二行政规范性文件${what}${fmt(n)}件`);
		}
	},
	{
		what: '现行有效规范性文件',
		patterns: [new RegExp(`现行有效(?:的)?(?:行政)?规范性文件${GAP}${N}`, 'g')],
		expected: (r) => {
			if (proactiveLayoutOf(r) !== '2021') return null;
			const v = r.proactive?.normative_docs?.in_force;
			return oneCell(
				v,
				proactivePath('normative_docs', 'in_force'),
				(n) => `表二行政规范性文件现行有效件数${fmt(n)}件`
			);
		}
	},
	{
		what: '制发规章',
		patterns: [new RegExp(`(?:制发|出台|新增公开|公布)(?:了)?(?:市政府|区政府|县政府|省政府)?规章${GAP}${N}`, 'g')],
		expected: (r) => {
			const layout = proactiveLayoutOf(r);
			const field = layout === '2019' ? 'made' : 'issued';
			const what = layout === '2019' ? '本年新制作数量' : '本年制发件数';
			const v = r.proactive?.rules?.[field];
			return oneCell(v, proactivePath('rules', field), (n) => `表二规章${what}${fmt(n)}件`);
		}
	}
];

/** T2: each figure section 1 quotes for a table cell, compared with the cell. */
export function checkT2(report: Report): Finding[] {
	const s1 = sectionProse(report, '1');
	if (s1 === null) return [];
	const out: Finding[] = [];
	const seen = new Set<string>();
	for (const claim of CLAIMS) {
		const exp = claim.expected(report);
		if (!exp) continue;
		for (const re of claim.patterns)
			for (const m of s1.matchAll(re)) {
				const n = Number(m[1]);
				const key = `${claim.what}:${n}`;
				if (exp.values.includes(n) || seen.has(key)) continue;
				seen.add(key);
				out.push(
					finding('T2', `正文称“${m[0]}”，而${exp.label}，二者不一致（请人工确认）。`, [...exp.cells, 'sections.1'])
				);
			}
	}
	return out;
}
