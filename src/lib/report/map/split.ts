// Solver for table cells that scraped text ran together with no separator ("801000081" for 80,1,0,0,0,0,81).
// A split is accepted only where the table's own sums (A3 per row, A1/A2 per column, A4 per review group)
// leave exactly one reading; everything else stays null with the number of candidates, so the parser can
// warn instead of guessing. Pure: no I/O.
import type { Cell, Row5, Row7, Warning } from '../model';
import {
	APPLICATION_ROW_SHORT,
	REVIEW_GROUPS,
	REVIEW_GROUP_LABELS,
	outcomeRowKeys,
	type ApplicationRowKey,
	type ReviewGroup,
	type TemplateVersion
} from '../template';
import { applicationRowPath, reviewGroupPath } from '../cell-path';

/**
 * One piece of a row as the text gave it: a digit string holding one or more cells (`cells` when known,
 * e.g. 1 for a value that stood alone between separators), or `null` for one blank cell.
 * A bare string means "digits, cell count unknown".
 */
export type RunToken = string | { digits: string; cells?: number } | null;

/** Sum rule inside one split sequence: cells[total] = Σ cells[parts] (evaluated only when all are numbers). */
export interface SumRule {
	parts: number[];
	total: number;
}

/** Limits that keep the solver bounded on hostile or very long input. */
export interface SplitLimits {
	/** DFS nodes per sequence (a row, or section 4 flattened). */
	maxNodes: number;
	/** Sum-consistent splits kept per sequence; more means "ambiguous, too many to list". */
	maxCandidates: number;
	/** Nodes of the whole-table search over the rows' candidates (section 3). */
	maxTableNodes: number;
	/** Digits per sequence; longer input is refused outright. */
	maxDigits: number;
}

export const DEFAULT_SPLIT_LIMITS: SplitLimits = {
	maxNodes: 200_000,
	maxCandidates: 500,
	maxTableNodes: 1_000_000,
	maxDigits: 120
};

/**
 * How a sequence's values were settled:
 * - `single`: the text allows one split only (e.g. separated cells, or "0000000");
 * - `row-sum`: several splits, exactly one satisfies the sequence's own sum rule(s) (A3, A4);
 * - `table-sums`: several satisfy the row sum, the column sums (A1/A2) leave one;
 * - `ambiguous`: more than one reading remains (values null);
 * - `no-valid-split`: no split satisfies the sums, or the digits cannot fill the cells (values null);
 * - `gave-up`: a limit was reached (values null; `reason` says which).
 */
export type SplitStatus = 'single' | 'row-sum' | 'table-sums' | 'ambiguous' | 'no-valid-split' | 'gave-up';

export interface SequenceSplit<R extends Cell[] = Cell[]> {
	values: R | null;
	status: SplitStatus;
	/** Splits of the text into the cells ignoring every sum (the count a reader without the rules faces). */
	splits: number;
	/** Splits that satisfy the sequence's own sum rules (capped at limits.maxCandidates). */
	candidates: number;
	/** The remaining readings when ambiguous (at most 10), for the warning. */
	alternatives: R[];
	reason?: string;
}

interface NormToken {
	digits: string | null;
	k?: number;
}

function normaliseTokens(tokens: RunToken[]): NormToken[] | string {
	const out: NormToken[] = [];
	for (const t of tokens) {
		if (t === null) {
			out.push({ digits: null, k: 1 });
			continue;
		}
		const digits = typeof t === 'string' ? t : t.digits;
		const k = typeof t === 'string' ? undefined : t.cells;
		if (!/^\d+$/.test(digits)) return `非数字片段“${digits}”`;
		if (k !== undefined && (!Number.isInteger(k) || k < 1 || k > digits.length))
			return `片段“${digits}”不能容纳${k}个单元格`;
		out.push({ digits, k });
	}
	return out;
}

/** Ways to split a digit string into `cells` numbers without leading zeros (0 itself allowed). */
export function countSplits(digits: string, cells: number): number {
	return countTokenSplits(digits)[cells] ?? 0;
}

/** ways[j] = splits of `digits` into j numbers (no leading zeros). */
function countTokenSplits(digits: string): number[] {
	const n = digits.length;
	// f[p][j]: ways to split digits[p..] into j numbers.
	const f: number[][] = Array.from({ length: n + 1 }, () => new Array(n + 1).fill(0));
	f[n][0] = 1;
	for (let p = n - 1; p >= 0; p--) {
		const maxL = digits[p] === '0' ? 1 : n - p;
		for (let L = 1; L <= maxL; L++) {
			const next = f[p + L];
			for (let j = 1; j <= n; j++) f[p][j] += next[j - 1];
		}
	}
	return f[0];
}

/** Splits of a whole token sequence into exactly `cellCount` cells, ignoring sums. */
function countSequenceSplits(tokens: NormToken[], cellCount: number): number {
	let ways = new Array(cellCount + 1).fill(0);
	ways[0] = 1;
	for (const t of tokens) {
		const per: number[] = t.digits === null ? [0, 1] : countTokenSplits(t.digits);
		const next = new Array(cellCount + 1).fill(0);
		for (let a = 0; a <= cellCount; a++) {
			if (!ways[a]) continue;
			for (let j = 1; j < per.length && a + j <= cellCount; j++) {
				if (t.k !== undefined && j !== t.k) continue;
				if (per[j]) next[a + j] += ways[a] * per[j];
			}
		}
		ways = next;
	}
	return ways[cellCount];
}

interface EnumResult {
	solutions: Cell[][];
	/** False when a limit stopped the search early. */
	complete: boolean;
	reason?: string;
}

/**
 * Every split of `tokens` into `cellCount` cells that satisfies `rules`, by depth-first search. A rule's total
 * must equal the running sum of its parts, which fixes the total's digit count: that is the main pruning.
 */
export function enumerateSplits(
	tokens: RunToken[],
	cellCount: number,
	rules: SumRule[],
	limits: SplitLimits = DEFAULT_SPLIT_LIMITS
): EnumResult & { splits: number } {
	const norm = normaliseTokens(tokens);
	if (typeof norm === 'string') return { solutions: [], complete: true, reason: norm, splits: 0 };
	const totalDigits = norm.reduce((s, t) => s + (t.digits?.length ?? 0), 0);
	if (totalDigits > limits.maxDigits)
		return {
			solutions: [],
			complete: false,
			reason: `数字串过长（${totalDigits}位，上限${limits.maxDigits}位）`,
			splits: 0
		};
	const splits = countSequenceSplits(norm, cellCount);
	if (splits === 0) return { solutions: [], complete: true, splits };

	// Per cell: the rules it is a part of, and the rule it is the total of.
	const partOf: number[][] = Array.from({ length: cellCount }, () => []);
	const totalOf: number[] = new Array(cellCount).fill(-1);
	const lastCell = rules.map((r) => Math.max(r.total, ...r.parts));
	rules.forEach((r, ri) => {
		for (const p of r.parts) partOf[p].push(ri);
		totalOf[r.total] = ri;
	});
	const checkAt: number[][] = Array.from({ length: cellCount }, () => []);
	rules.forEach((_, ri) => checkAt[lastCell[ri]].push(ri));

	// minAfter[t] / maxAfter[t]: cells the tokens t.. can hold.
	const minAfter = new Array(norm.length + 1).fill(0);
	const maxAfter = new Array(norm.length + 1).fill(0);
	for (let t = norm.length - 1; t >= 0; t--) {
		const tok = norm[t];
		const min = tok.k ?? 1;
		const max = tok.k ?? (tok.digits === null ? 1 : tok.digits.length);
		minAfter[t] = minAfter[t + 1] + min;
		maxAfter[t] = maxAfter[t + 1] + max;
	}

	const cells: Cell[] = new Array(cellCount).fill(null);
	const solutions: Cell[][] = [];
	let nodes = 0;
	let stop: string | undefined;

	const rulesHold = (i: number): boolean => {
		for (const ri of checkAt[i]) {
			const r = rules[ri];
			const total = cells[r.total];
			if (total === null) continue;
			let sum = 0;
			for (const p of r.parts) {
				const v = cells[p];
				if (v === null) {
					sum = NaN;
					break;
				}
				sum += v;
			}
			if (!Number.isNaN(sum) && sum !== total) return false;
		}
		return true;
	};

	// Running sums of each rule's parts seen so far (NaN once a part is blank).
	const partial = new Array(rules.length).fill(0);

	const visit = (t: number, pos: number, used: number, i: number): void => {
		if (stop) return;
		if (++nodes > limits.maxNodes) {
			stop = `搜索超过${limits.maxNodes}步`;
			return;
		}
		if (t === norm.length) {
			if (i === cellCount) {
				if (solutions.length >= limits.maxCandidates) stop = `候选拆分超过${limits.maxCandidates}种`;
				else solutions.push(cells.slice());
			}
			return;
		}
		if (i >= cellCount) return;
		const tok = norm[t];
		if (tok.digits === null) {
			if (cellCount - i - 1 < minAfter[t + 1] || cellCount - i - 1 > maxAfter[t + 1]) return;
			place(i, null, () => visit(t + 1, 0, 0, i + 1));
			return;
		}
		const D = tok.digits;
		const rest = D.length - pos;
		const maxL = D[pos] === '0' ? 1 : rest;
		// A total must equal its parts' sum: only that one length can work.
		const ri = totalOf[i];
		let onlyValue: string | undefined;
		if (ri >= 0 && !Number.isNaN(partial[ri])) onlyValue = String(partial[ri]);
		for (let L = 1; L <= maxL; L++) {
			if (onlyValue !== undefined && L !== onlyValue.length) continue;
			const newPos = pos + L;
			const finished = newPos === D.length;
			const usedNow = used + 1;
			if (tok.k !== undefined && (finished ? usedNow !== tok.k : usedNow >= tok.k)) continue;
			// Cells still to fill after this one must fit what the remaining text can hold.
			const leftCells = cellCount - i - 1;
			let minRest: number, maxRest: number;
			if (finished) {
				minRest = minAfter[t + 1];
				maxRest = maxAfter[t + 1];
			} else {
				const inTokMin = tok.k !== undefined ? tok.k - usedNow : 1;
				const inTokMax = tok.k !== undefined ? tok.k - usedNow : D.length - newPos;
				minRest = minAfter[t + 1] + inTokMin;
				maxRest = maxAfter[t + 1] + inTokMax;
			}
			if (leftCells < minRest || leftCells > maxRest) continue;
			const text = D.slice(pos, newPos);
			if (onlyValue !== undefined && text !== onlyValue) continue;
			const value = Number(text);
			place(i, value, () => (finished ? visit(t + 1, 0, 0, i + 1) : visit(t, newPos, usedNow, i + 1)));
			if (stop) return;
		}
	};

	const place = (i: number, value: Cell, next: () => void): void => {
		cells[i] = value;
		const saved = partOf[i].map((ri) => partial[ri]);
		for (const ri of partOf[i]) partial[ri] = value === null ? NaN : partial[ri] + value;
		if (rulesHold(i)) next();
		partOf[i].forEach((ri, j) => (partial[ri] = saved[j]));
		cells[i] = null;
	};

	visit(0, 0, 0, 0);
	return { solutions, complete: !stop, reason: stop, splits };
}

const sameCells = (a: Cell[], b: Cell[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Split one sequence by its own rules only (section 4 per group, section 2 cells with no rule). */
export function splitSequence<R extends Cell[] = Cell[]>(
	tokens: RunToken[],
	cellCount: number,
	rules: SumRule[] = [],
	limits: SplitLimits = DEFAULT_SPLIT_LIMITS
): SequenceSplit<R> {
	return toSequenceSplit<R>(enumerateSplits(tokens, cellCount, rules, limits), rules);
}

function toSequenceSplit<R extends Cell[]>(res: EnumResult & { splits: number }, rules: SumRule[]): SequenceSplit<R> {
	const base = { splits: res.splits, candidates: res.solutions.length, reason: res.reason };
	if (!res.complete) return { ...base, values: null, status: 'gave-up', alternatives: [] };
	if (res.solutions.length === 0)
		return {
			...base,
			values: null,
			status: 'no-valid-split',
			alternatives: [],
			reason: res.reason ?? noSplitReason(res.splits, rules)
		};
	if (res.solutions.length === 1)
		return {
			...base,
			values: res.solutions[0] as R,
			status: res.splits === 1 ? 'single' : 'row-sum',
			alternatives: []
		};
	return { ...base, values: null, status: 'ambiguous', alternatives: res.solutions.slice(0, 10) as R[] };
}

function noSplitReason(splits: number, rules: SumRule[]): string {
	if (splits === 0) return '数字位数不足以填满各单元格';
	return rules.length ? `${splits}种拆分均不满足合计关系` : '无法拆分';
}

// ── Section 3 ──────────────────────────────────────────────────────────────────────────────────────

const A3_RULE: SumRule[] = [{ parts: [0, 1, 2, 3, 4, 5], total: 6 }];

export interface Section3SplitInput {
	/** Per row key the row's tokens, left to right (seven cells in all). Rows the report lacks are omitted. */
	rows: Partial<Record<ApplicationRowKey, RunToken[]>>;
	/** Layout of row （六）; inferred from the keys present when omitted. */
	otherLayout?: TemplateVersion;
}

export interface Section3SplitResult {
	/** Per row given: the seven values, or null when the sums do not settle them. */
	rows: Partial<Record<ApplicationRowKey, Row7 | null>>;
	detail: Partial<Record<ApplicationRowKey, SequenceSplit<Row7>>>;
	/** Assignments of the whole table that satisfy A3, A1, A2 (null when the table search gave up). */
	tableSolutions: number | null;
	/** False when a limit was hit anywhere. */
	complete: boolean;
	/** Why the column sums could not be used, when they could not. */
	reason?: string;
}

/** A linear equation per column: Σ coef × rows[key][col] = 0. */
interface ColumnEquation {
	terms: { key: ApplicationRowKey; coef: number }[];
	col: number;
}

function columnEquations(layout: TemplateVersion): ColumnEquation[] {
	const eqs: ColumnEquation[] = [];
	for (let col = 0; col < 7; col++) {
		eqs.push({
			col,
			terms: [
				{ key: 'new', coef: 1 },
				{ key: 'carried_over', coef: 1 },
				{ key: 'results_total', coef: -1 },
				{ key: 'carried_forward', coef: -1 }
			]
		});
		eqs.push({
			col,
			terms: [
				...outcomeRowKeys(layout).map((key) => ({ key, coef: 1 })),
				{ key: 'results_total' as ApplicationRowKey, coef: -1 }
			]
		});
	}
	return eqs;
}

export function inferOtherLayout(keys: Iterable<string>): TemplateVersion {
	for (const k of keys) if (k.startsWith('other.')) return '2021';
	for (const k of keys) if (k === 'other') return '2019';
	return '2021';
}

/**
 * Split section 3. Each row is first split alone (A3); rows left with several readings are then settled by
 * the columns (A1, A2) over the whole table. A row's values are given only when every table assignment that
 * satisfies the sums agrees on them. Rows whose split is forced by the text alone are kept as printed even
 * if they break A3 (the checks report that), never "repaired".
 */
export function splitSection3(
	input: Section3SplitInput,
	limits: SplitLimits = DEFAULT_SPLIT_LIMITS
): Section3SplitResult {
	const layout = input.otherLayout ?? inferOtherLayout(Object.keys(input.rows));
	const keys = Object.keys(input.rows) as ApplicationRowKey[];
	const detail: Partial<Record<ApplicationRowKey, SequenceSplit<Row7>>> = {};
	const candidates = new Map<ApplicationRowKey, Row7[]>();
	let complete = true;

	for (const key of keys) {
		const tokens = input.rows[key]!;
		const res = enumerateSplits(tokens, 7, A3_RULE, limits);
		if (res.splits === 1) {
			// The text leaves one reading: keep it as printed, sums or not (the checks report a broken sum).
			const only = enumerateSplits(tokens, 7, [], limits).solutions[0] as Row7;
			detail[key] = { values: only, status: 'single', splits: 1, candidates: 1, alternatives: [] };
			candidates.set(key, [only]);
			continue;
		}
		const s = toSequenceSplit<Row7>(res, A3_RULE);
		detail[key] = s;
		if (s.status === 'gave-up') complete = false;
		if (s.status === 'row-sum' || s.status === 'ambiguous') candidates.set(key, res.solutions as Row7[]);
	}

	const ambiguous = [...candidates].filter(([, c]) => c.length > 1).map(([k]) => k);
	let tableSolutions: number | null = null;
	let reason: string | undefined;
	if (ambiguous.length > 0 || candidates.size > 0) {
		const eqs = columnEquations(layout).filter((e) => e.terms.every((t) => candidates.has(t.key)));
		const search = solveTable(candidates, ambiguous, eqs, limits.maxTableNodes);
		if (!search.complete) {
			complete = false;
			reason = `整表搜索超过${limits.maxTableNodes}步，未用列合计`;
		} else {
			tableSolutions = search.count;
			if (search.count === 0)
				reason = '各行候选拆分无法同时满足列合计（第一项加第二项等于第三项加第四项、办理结果总计），仅按行合计拆分';
			else
				for (const key of ambiguous) {
					const chosen = search.chosen.get(key)!;
					if (chosen.size === 1) {
						const [idx] = chosen;
						detail[key] = {
							...detail[key]!,
							values: candidates.get(key)![idx],
							status: 'table-sums',
							alternatives: []
						};
					} else {
						const cands = candidates.get(key)!;
						detail[key] = { ...detail[key]!, alternatives: [...chosen].slice(0, 10).map((i) => cands[i]) };
					}
				}
			// A row settled by its own sum can still be contradicted by every table reading; that is the checks' job.
		}
	}

	const rows: Partial<Record<ApplicationRowKey, Row7 | null>> = {};
	for (const key of keys) rows[key] = detail[key]!.values;
	return { rows, detail, tableSolutions, complete, reason };
}

/** Depth-first search over the ambiguous rows' candidates; checks each column equation once its rows are set. */
function solveTable(
	candidates: Map<ApplicationRowKey, Row7[]>,
	ambiguous: ApplicationRowKey[],
	eqs: ColumnEquation[],
	maxNodes: number
): { count: number; chosen: Map<ApplicationRowKey, Set<number>>; complete: boolean } {
	const order = [...ambiguous].sort((a, b) => candidates.get(a)!.length - candidates.get(b)!.length);
	const depthOf = new Map(order.map((k, d) => [k, d]));
	const current = new Map<ApplicationRowKey, Row7>();
	for (const [k, c] of candidates) if (c.length === 1) current.set(k, c[0]);
	// Check each equation at the depth of its last ambiguous row (-1: only fixed rows, check up front).
	const eqAt: ColumnEquation[][] = Array.from({ length: order.length + 1 }, () => []);
	for (const e of eqs) {
		const d = Math.max(-1, ...e.terms.map((t) => depthOf.get(t.key) ?? -1));
		eqAt[d + 1].push(e);
	}
	const holds = (e: ColumnEquation): boolean => {
		let s = 0;
		for (const t of e.terms) {
			const v = current.get(t.key)![e.col];
			if (v === null) return true; // a blank cell: the equation says nothing
			s += t.coef * v;
		}
		return s === 0;
	};
	const chosen = new Map<ApplicationRowKey, Set<number>>(order.map((k) => [k, new Set<number>()]));
	const pick: number[] = [];
	let count = 0;
	let nodes = 0;
	let complete = true;
	if (!eqAt[0].every(holds)) return { count: 0, chosen, complete };
	const visit = (d: number): void => {
		if (!complete) return;
		if (++nodes > maxNodes) {
			complete = false;
			return;
		}
		if (d === order.length) {
			count++;
			order.forEach((k, j) => chosen.get(k)!.add(pick[j]));
			return;
		}
		const key = order[d];
		const cands = candidates.get(key)!;
		for (let i = 0; i < cands.length; i++) {
			current.set(key, cands[i]);
			pick[d] = i;
			if (eqAt[d + 1].every(holds)) visit(d + 1);
			if (!complete) return;
		}
		current.delete(key);
	};
	visit(0);
	return { count, chosen, complete };
}

// ── Section 4 ──────────────────────────────────────────────────────────────────────────────────────

const A4_GROUP_RULE = (offset: number): SumRule => ({
	parts: [offset, offset + 1, offset + 2, offset + 3],
	total: offset + 4
});

export type Section4SplitInput =
	/** The three arrays flattened into one run (15 cells), as text extraction often gives them. */
	| { flat: RunToken[] }
	/** Per group its tokens (5 cells each). */
	| { groups: Partial<Record<ReviewGroup, RunToken[]>> };

export interface Section4SplitResult {
	groups: Partial<Record<ReviewGroup, Row5 | null>>;
	detail: Partial<Record<ReviewGroup, SequenceSplit<Row5>>>;
	complete: boolean;
	reason?: string;
}

/** Split section 4 by A4 per group. With a flat run, a group is settled when every valid split agrees on it. */
export function splitSection4(
	input: Section4SplitInput,
	limits: SplitLimits = DEFAULT_SPLIT_LIMITS
): Section4SplitResult {
	const groups: Partial<Record<ReviewGroup, Row5 | null>> = {};
	const detail: Partial<Record<ReviewGroup, SequenceSplit<Row5>>> = {};
	if ('groups' in input) {
		let complete = true;
		for (const g of REVIEW_GROUPS) {
			const tokens = input.groups[g];
			if (!tokens) continue;
			const s = splitSequence<Row5>(tokens, 5, [A4_GROUP_RULE(0)], limits);
			if (s.status === 'gave-up') complete = false;
			detail[g] = s;
			groups[g] = s.values;
		}
		return { groups, detail, complete };
	}
	const rules = [A4_GROUP_RULE(0), A4_GROUP_RULE(5), A4_GROUP_RULE(10)];
	const res = enumerateSplits(input.flat, 15, rules, limits);
	REVIEW_GROUPS.forEach((g, gi) => {
		const slices = res.solutions.map((s) => s.slice(gi * 5, gi * 5 + 5) as Row5);
		const distinct: Row5[] = [];
		for (const s of slices) if (!distinct.some((d) => sameCells(d, s))) distinct.push(s);
		let s: SequenceSplit<Row5>;
		if (!res.complete)
			s = {
				values: null,
				status: 'gave-up',
				splits: res.splits,
				candidates: distinct.length,
				alternatives: [],
				reason: res.reason
			};
		else if (distinct.length === 0)
			s = {
				values: null,
				status: 'no-valid-split',
				splits: res.splits,
				candidates: 0,
				alternatives: [],
				reason: res.reason ?? noSplitReason(res.splits, rules)
			};
		else if (distinct.length === 1)
			s = {
				values: distinct[0],
				status: res.splits === 1 ? 'single' : 'row-sum',
				splits: res.splits,
				candidates: 1,
				alternatives: []
			};
		else
			s = {
				values: null,
				status: 'ambiguous',
				splits: res.splits,
				candidates: distinct.length,
				alternatives: distinct.slice(0, 10)
			};
		detail[g] = s;
		groups[g] = s.values;
	});
	return { groups, detail, complete: res.complete, reason: res.reason };
}

// ── Section 2 (no arithmetic rule) ─────────────────────────────────────────────────────────────────

/**
 * Split a section 2 row (e.g. 规章 issued/repealed/in_force). There is no sum rule, so only a text that allows
 * one split is settled; otherwise `splits` says how many readings there are (77132470 into 3 → 21).
 */
export function splitFree(
	tokens: RunToken[],
	cellCount: number,
	limits: SplitLimits = DEFAULT_SPLIT_LIMITS
): SequenceSplit {
	return splitSequence(tokens, cellCount, [], limits);
}

// ── Warnings for the parser ────────────────────────────────────────────────────────────────────────

function tokensText(tokens: RunToken[] | undefined): string {
	return (tokens ?? []).map((t) => (t === null ? '（空）' : typeof t === 'string' ? t : t.digits)).join(' ');
}

function describe(
	where: string,
	name: string,
	text: string,
	s: SequenceSplit,
	cells: number,
	hasRules = true
): Warning | null {
	const fmt = (r: Cell[]) => r.map((v) => (v === null ? '空' : String(v))).join(',');
	switch (s.status) {
		case 'row-sum':
		case 'table-sums':
			return {
				code: 'run_together_split',
				message: `${name}的数字连写为“${text}”，按${s.status === 'row-sum' ? '本行合计' : '行列合计'}唯一拆分为 ${fmt(s.values!)}（共${s.splits}种拆法）`,
				where
			};
		case 'ambiguous':
			return {
				code: 'run_together_ambiguous',
				message: `${name}的数字连写为“${text}”，拆成${cells}个单元格有${s.splits}种拆法${hasRules ? `，满足合计关系的仍有${s.candidates}种` : '，且无合计关系可据以判断'}（如 ${s.alternatives
					.slice(0, 3)
					.map(fmt)
					.join('；')}），未取值`,
				where
			};
		case 'no-valid-split':
			return {
				code: 'run_together_unsolved',
				message: `${name}的数字连写为“${text}”，${s.reason ?? '无法拆分'}，未取值`,
				where
			};
		case 'gave-up':
			return {
				code: 'run_together_gave_up',
				message: `${name}的数字连写为“${text}”，${s.reason ?? '超出求解上限'}，未取值`,
				where
			};
		default:
			return null;
	}
}

/** Warnings (model `Warning`) for every section 3 row that needed splitting or could not be split. */
export function section3SplitWarnings(input: Section3SplitInput, result: Section3SplitResult): Warning[] {
	const out: Warning[] = [];
	for (const [key, s] of Object.entries(result.detail) as [ApplicationRowKey, SequenceSplit][]) {
		const w = describe(
			applicationRowPath(key),
			`表三“${APPLICATION_ROW_SHORT[key]}”行`,
			tokensText(input.rows[key]),
			s,
			7
		);
		if (w) out.push(w);
	}
	if (result.reason) out.push({ code: 'run_together_table', message: result.reason, where: 'applications' });
	return out;
}

/** Warnings for section 4 groups that needed splitting or could not be split. */
export function section4SplitWarnings(input: Section4SplitInput, result: Section4SplitResult): Warning[] {
	const out: Warning[] = [];
	for (const [g, s] of Object.entries(result.detail) as [ReviewGroup, SequenceSplit][]) {
		const text = 'flat' in input ? tokensText(input.flat) : tokensText(input.groups[g]);
		const w = describe(reviewGroupPath(g), `表四“${REVIEW_GROUP_LABELS[g]}”`, text, s, 'flat' in input ? 15 : 5);
		if (w) out.push(w);
	}
	return out;
}

/** Warning for one section 2 row split with splitFree (null when the text allowed one reading). */
export function freeSplitWarning(
	where: string,
	name: string,
	tokens: RunToken[],
	cellCount: number,
	s: SequenceSplit
): Warning | null {
	if (s.status === 'single') return null;
	return describe(where, name, tokensText(tokens), s, cellCount, false);
}
