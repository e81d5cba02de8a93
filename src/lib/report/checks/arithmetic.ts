// Arithmetic and cell-semantics rules of one report: A1–A4 (the tables' own sums), A5 (legal values),
// A6 (unit sanity), A7 (blank cells), A8/A9 (plain-words impossibilities), and A0 for sums that cannot be
// evaluated because an input is blank or absent. A blank is never read as 0.
import type { Cell, Finding, Report } from '../model';
import { APPLICANT_COLUMNS, REVIEW_GROUPS, outcomeRowKeys, proactiveItems } from '../template';
import {
	TOTAL_COL,
	appCell,
	colName,
	fmt,
	groupName,
	isNum,
	listNames,
	otherLayoutOf,
	proactiveLayoutOf,
	reviewCell,
	reviewColName,
	rowName
} from './cells';
import { FEE_PATH, applicationPath, proactivePath, reviewPath } from '../cell-path';
import { RULES, finding, type RuleId } from './rules';

export interface ArithmeticOptions {
	/** R-A6: 行政事业性收费 above this many 万元 is suspicious (default 1,000,000 万元 = 100亿元). */
	adminFeesMax10kYuan?: number;
}

interface Term {
	path: string;
	name: string;
	value: Cell | undefined;
}

/** Tracks instances of a rule that could not be evaluated, for one A0 finding per rule. */
class NotAssessable {
	instances: string[] = [];
	blank = new Set<string>();
	absent = new Set<string>();
	add(instance: string, terms: Term[]) {
		this.instances.push(instance);
		for (const t of terms) {
			if (t.value === null) this.blank.add(t.path);
			else if (t.value === undefined) this.absent.add(t.path.replace(/\.[^.]+$/, ''));
		}
	}
	finding(rule: RuleId): Finding | null {
		if (!this.instances.length) return null;
		const parts = [`${rule}（${RULES[rule].name}）有${this.instances.length}处无法核验：${listNames(this.instances)}`];
		if (this.blank.size) parts.push(`空白单元格${this.blank.size}个`);
		if (this.absent.size) parts.push(`缺少${listNames([...this.absent].map(pathName))}`);
		return finding('A0', parts.join('；') + '。空白不按0计算，请人工核实。', [...this.blank, ...this.absent]);
	}
	/** `out` followed by the rule's A0 finding, when there is one. */
	after(out: Finding[], rule: RuleId): Finding[] {
		const a0 = this.finding(rule);
		return a0 ? [...out, a0] : out;
	}
}

function pathName(path: string): string {
	const m = /^applications\.rows\.(.+)$/.exec(path);
	if (m) return `表三“${rowName(m[1])}”行`;
	const r = /^review\.(.+)$/.exec(path);
	if (r) return `表四“${groupName(r[1])}”`;
	return path;
}

const allNumbers = (terms: Term[]) => terms.every((t) => isNum(t.value));
const sumOf = (terms: Term[]) => terms.reduce((s, t) => s + (t.value as number), 0);
const plusExpr = (terms: Term[]) => terms.map((t) => `${t.name}${fmt(t.value as number)}`).join('＋');
/** The printed total against the sum of its parts, in a finding's words. */
const totalAgainst = (sum: number, total: Term) =>
	`总计填报为${fmt(total.value as number)}，相差${fmt(Math.abs(sum - (total.value as number)))}`;

/**
 * One instance of a sum rule: the sum of `parts` when it differs from `total`, null when they agree or when a cell
 * is blank or absent (then the instance is recorded as not assessable).
 */
function sumOff(na: NotAssessable, instance: string, parts: Term[], total: Term): number | null {
	if (!allNumbers([...parts, total])) {
		na.add(instance, [...parts, total]);
		return null;
	}
	const s = sumOf(parts);
	return s === total.value ? null : s;
}

// Most sums hold: a cell as a number (NaN when it is not one) lets a rule see that its sum holds before building
// the named terms its findings need; NaN never compares equal, so every other case takes the full path.
const numOr = (v: Cell | undefined): number => (isNum(v) ? v : NaN);
const appTerm = (report: Report, key: string, col: number, name = rowName(key)): Term => ({
	path: applicationPath(key, col),
	name,
	value: appCell(report, key, col)
});

function hasSection3(report: Report): boolean {
	return Object.keys(report.applications?.rows ?? {}).length > 0;
}

function hasSection4(report: Report): boolean {
	return Object.keys(report.review ?? {}).length > 0;
}

export function checkA1(report: Report): Finding[] {
	if (!hasSection3(report)) return [];
	const out: Finding[] = [];
	const na = new NotAssessable();
	for (let c = 0; c < APPLICANT_COLUMNS.length; c++) {
		const inflow = 0 + numOr(appCell(report, 'new', c)) + numOr(appCell(report, 'carried_over', c));
		if (inflow === 0 + numOr(appCell(report, 'results_total', c)) + numOr(appCell(report, 'carried_forward', c)))
			continue;
		const left = [appTerm(report, 'new', c), appTerm(report, 'carried_over', c)];
		const right = [appTerm(report, 'results_total', c, '办理结果总计'), appTerm(report, 'carried_forward', c)];
		if (!allNumbers([...left, ...right])) {
			na.add(`${colName(c)}列`, [...left, ...right]);
			continue;
		}
		const l = sumOf(left);
		const r = sumOf(right);
		if (l !== r)
			out.push(
				finding(
					'A1',
					`表三${colName(c)}列：第一项加第二项应等于第三项加第四项，${plusExpr(left)}＝${fmt(l)}，而${plusExpr(right)}＝${fmt(r)}，相差${fmt(Math.abs(l - r))}。`,
					[...left, ...right].map((t) => t.path)
				)
			);
	}
	return na.after(out, 'A1');
}

export function checkA2(report: Report): Finding[] {
	if (!hasSection3(report)) return [];
	const out: Finding[] = [];
	const na = new NotAssessable();
	const keys = outcomeRowKeys(otherLayoutOf(report));
	for (let c = 0; c < APPLICANT_COLUMNS.length; c++) {
		let sum = 0;
		for (const k of keys) sum += numOr(appCell(report, k, c));
		if (sum === numOr(appCell(report, 'results_total', c))) continue;
		const parts = keys.map((k) => appTerm(report, k, c));
		const total = appTerm(report, 'results_total', c, '办理结果总计');
		const s = sumOff(na, `${colName(c)}列`, parts, total);
		if (s !== null) {
			const nonzero = parts.filter((p) => p.value !== 0);
			out.push(
				finding(
					'A2',
					`表三${colName(c)}列：（七）总计应等于各项办理结果之和，各项之和为${fmt(s)}${nonzero.length ? `（${plusExpr(nonzero)}）` : ''}，${totalAgainst(s, total)}。`,
					[...parts, total].map((t) => t.path)
				)
			);
		}
	}
	return na.after(out, 'A2');
}

export function checkA3(report: Report): Finding[] {
	const out: Finding[] = [];
	const na = new NotAssessable();
	for (const [key, row] of Object.entries(report.applications?.rows ?? {})) {
		if (!Array.isArray(row) || row.length !== APPLICANT_COLUMNS.length) continue; // C1 reports malformed rows
		let sum = 0;
		for (let c = 0; c < TOTAL_COL; c++) sum += numOr(row[c]);
		if (sum === numOr(row[TOTAL_COL])) continue;
		const parts = [0, 1, 2, 3, 4, 5].map((c) => appTerm(report, key, c, colName(c)));
		const total = appTerm(report, key, TOTAL_COL, '总计');
		// A total the parser derived as the sum of the parts holds by construction: no evidence either way.
		if (report.provenance?.[total.path]?.derived) continue;
		const s = sumOff(na, `“${rowName(key)}”行`, parts, total);
		if (s !== null)
			out.push(
				finding(
					'A3',
					`表三“${rowName(key)}”行：总计应等于各类申请人之和，${plusExpr(parts)}＝${fmt(s)}，${totalAgainst(s, total)}。`,
					[...parts, total].map((t) => t.path)
				)
			);
	}
	return na.after(out, 'A3');
}

export function checkA4(report: Report): Finding[] {
	if (!hasSection4(report)) return [];
	const out: Finding[] = [];
	const na = new NotAssessable();
	for (const g of REVIEW_GROUPS) {
		const row = report.review?.[g];
		if (!Array.isArray(row) || row.length !== 5) continue; // C1
		const parts = [0, 1, 2, 3].map((c) => ({
			path: reviewPath(g, c),
			name: reviewColName(c),
			value: reviewCell(report, g, c)
		}));
		const total = { path: reviewPath(g, 4), name: '总计', value: reviewCell(report, g, 4) };
		if (report.provenance?.[total.path]?.derived) continue;
		const s = sumOff(na, `“${groupName(g)}”`, parts, total);
		if (s !== null)
			out.push(
				finding(
					'A4',
					`表四“${groupName(g)}”：总计应等于四项结果之和，${plusExpr(parts)}＝${fmt(s)}，${totalAgainst(s, total)}。`,
					[...parts, total].map((t) => t.path)
				)
			);
	}
	return na.after(out, 'A4');
}

type ProactiveDef = ReturnType<typeof proactiveItems>[number];

/** Where a data cell is: table 2 (item, field), 3 (row key, column) or 4 (group, column). */
interface CellRef {
	table: 2 | 3 | 4;
	a: string;
	b: string | number;
	def?: ProactiveDef;
}

const refPath = ({ table, a, b }: CellRef) =>
	table === 2
		? proactivePath(a, b as string)
		: table === 3
			? applicationPath(a, b as number)
			: reviewPath(a, b as number);

function refName({ table, a, b, def }: CellRef): string {
	if (table === 3) return `表三“${rowName(a)}”（${colName(b as number)}）`;
	if (table === 4) return `表四“${groupName(a)}”${reviewColName(b as number)}`;
	const i = def?.fields.indexOf(b as string) ?? -1;
	return `表二“${def?.label ?? a}”${i >= 0 ? def!.fieldLabels[i] : b}`;
}

/**
 * Every data cell of tables 2–4 (present rows only) whose value the rule wants, with what values it may hold. A5
 * and A7 look at every cell but name only the few that break a rule, so a cell's path and name are built from its
 * ref on demand, and its flags only for a wanted value.
 */
type Visit = (
	value: unknown,
	decimal: boolean,
	signed: boolean,
	table: 2 | 3 | 4,
	a: string,
	b: string | number,
	def?: ProactiveDef
) => void;

function eachDataCell(report: Report, visit: Visit, wanted: (value: unknown) => boolean): void {
	const layout = proactiveLayoutOf(report);
	const defs = layout ? proactiveItems(layout) : [];
	for (const [item, fields] of Object.entries(report.proactive ?? {})) {
		const def = defs.find((d) => d.key === item);
		for (const [field, value] of Object.entries(fields ?? {}))
			if (wanted(value))
				visit(
					value,
					(def?.decimalFields as readonly string[] | undefined)?.includes(field) ?? /amount/.test(field),
					(def?.signedFields as readonly string[] | undefined)?.includes(field) ?? field === 'change',
					2,
					item,
					field,
					def
				);
	}
	for (const [key, row] of Object.entries(report.applications?.rows ?? {}))
		if (Array.isArray(row))
			for (let c = 0; c < row.length; c++) if (wanted(row[c])) visit(row[c], false, false, 3, key, c);
	for (const [g, row] of Object.entries(report.review ?? {}))
		if (Array.isArray(row))
			for (let c = 0; c < row.length; c++) if (wanted(row[c])) visit(row[c], false, false, 4, g, c);
}

/** A blank, absent or non-negative whole number: nothing A5 reports, whatever the cell may hold. */
const plainCount = (v: unknown) =>
	v === null || v === undefined || (typeof v === 'number' && v >= 0 && Number.isInteger(v));

export function checkA5(report: Report): Finding[] {
	const out: Finding[] = [];
	eachDataCell(
		report,
		(v, decimal, signed, table, a, b, def) => {
			if (v === null || v === undefined) return;
			if (typeof v !== 'number' || !Number.isFinite(v)) {
				const r: CellRef = { table, a, b, def };
				out.push(finding('A5', `${refName(r)}不是有效数字（${String(v)}）。`, [refPath(r)]));
			} else if (v < 0 && !signed) {
				const r: CellRef = { table, a, b, def };
				out.push(finding('A5', `${refName(r)}为负数（${fmt(v)}），应为非负数。`, [refPath(r)]));
			} else if (!Number.isInteger(v) && !decimal) {
				const r: CellRef = { table, a, b, def };
				out.push(finding('A5', `${refName(r)}为${fmt(v)}，件数应为整数。`, [refPath(r)]));
			}
		},
		(v) => !plainCount(v)
	);
	const fee = report.fees?.info_processing_fee_yuan;
	if (fee !== null && fee !== undefined && (!isNum(fee) || fee < 0))
		out.push(finding('A5', `信息处理费为${String(fee)}元，应为非负数。`, [FEE_PATH]));
	return out;
}

export function checkA6(report: Report, opts: ArithmeticOptions = {}): Finding[] {
	const max = opts.adminFeesMax10kYuan ?? 1_000_000;
	const v = report.proactive?.admin_fees?.amount_10k_yuan;
	if (!isNum(v) || v <= max) return [];
	return [
		finding(
			'A6',
			`表二行政事业性收费为${fmt(v)}万元（约${fmt(Math.round(v / 10000))}亿元），超过${fmt(max)}万元，疑将“元”误填为“万元”（若按元计为${fmt(v / 10000)}万元）。`,
			[proactivePath('admin_fees', 'amount_10k_yuan')]
		)
	];
}

export function checkA7(report: Report): Finding[] {
	const blanks: CellRef[] = [];
	eachDataCell(
		report,
		(v, _d, _s, table, a, b, def) => {
			if (v === null) blanks.push({ table, a, b, def });
		},
		(v) => v === null
	);
	if (!blanks.length) return [];
	return [
		finding(
			'A7',
			`表二至表四共有${blanks.length}个空白单元格（无数据应填0）：${listNames(blanks.map(refName), 6)}。`,
			blanks.map(refPath)
		)
	];
}

export function checkA8(report: Report): Finding[] {
	const fresh = appCell(report, 'new', TOTAL_COL);
	const carried = appCell(report, 'carried_over', TOTAL_COL);
	if (fresh !== 0 || carried !== 0) return [];
	const keys = [...outcomeRowKeys(otherLayoutOf(report)), 'results_total', 'carried_forward'];
	const nonzero: { path: string; name: string; value: number }[] = [];
	for (const key of keys)
		for (let c = 0; c < APPLICANT_COLUMNS.length; c++) {
			const v = appCell(report, key, c);
			if (isNum(v) && v !== 0)
				nonzero.push({ path: applicationPath(key, c), name: `${rowName(key)}（${colName(c)}）${fmt(v)}`, value: v });
		}
	if (!nonzero.length) return [];
	return [
		finding(
			'A8',
			`表三本年新收和上年结转均为0，但有${nonzero.length}个办理结果或结转单元格不为0：${listNames(nonzero.map((n) => n.name))}。`,
			[applicationPath('new', TOTAL_COL), applicationPath('carried_over', TOTAL_COL), ...nonzero.map((n) => n.path)]
		)
	];
}

export function checkA9(report: Report): Finding[] {
	const fresh = appCell(report, 'new', TOTAL_COL);
	const carried = appCell(report, 'carried_over', TOTAL_COL);
	const forward = appCell(report, 'carried_forward', TOTAL_COL);
	if (!isNum(fresh) || !isNum(carried) || !isNum(forward) || forward <= fresh + carried) return [];
	return [
		finding(
			'A9',
			`表三结转下年度总计为${fmt(forward)}件，多于本年新收${fmt(fresh)}件与上年结转${fmt(carried)}件之和${fmt(fresh + carried)}件，这不可能。`,
			[
				applicationPath('carried_forward', TOTAL_COL),
				applicationPath('new', TOTAL_COL),
				applicationPath('carried_over', TOTAL_COL)
			]
		)
	];
}

export function arithmeticChecks(report: Report, opts: ArithmeticOptions = {}): Finding[] {
	if (report.template === 'free' && !hasSection3(report) && !hasSection4(report)) return [];
	// In rule order: findings come out A1 first, as inspectors read them.
	const rules = [checkA1, checkA2, checkA3, checkA4, checkA5, checkA6, checkA7, checkA8, checkA9];
	return rules.flatMap((check) => check(report, opts));
}
