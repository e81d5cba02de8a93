// Derived rates of one report (domain rule R-A10) and the sample-size guard for ranking (R-P1).
// Each rate carries its numerator and denominator so a page can show "12 / 40"; denominator 0 → no value,
// never 100 %. A blank input cell makes the rate unknown, never zero.
import type { Cell, Report } from './model';
import { APPLICATION_ROWS, REVIEW_COLUMNS, type ApplicationRowKey, type ReviewGroup } from './template';

export interface Rate {
	numerator: number | null;
	denominator: number | null;
	/** numerator / denominator in [0, 1]; null when an input is blank or the denominator is 0. */
	value: number | null;
}

export const RATE_IDS = [
	'disclosure',
	'refusal',
	'unable',
	'reconsideration_correction',
	'litigation_correction'
] as const;
export type RateId = (typeof RATE_IDS)[number];

export const RATE_LABELS: Record<RateId, string> = {
	disclosure: '公开率',
	refusal: '不予公开率',
	unable: '无法提供率',
	reconsideration_correction: '复议纠错率',
	litigation_correction: '诉讼纠错率'
};

export const RATE_DEFINITIONS: Record<RateId, string> = {
	disclosure: '（予以公开＋部分公开）÷ 办理结果总计',
	refusal: '不予公开各项之和 ÷ 办理结果总计',
	unable: '无法提供各项之和 ÷ 办理结果总计',
	reconsideration_correction: '行政复议结果纠正 ÷（行政复议总计 − 尚未审结）',
	litigation_correction: '行政诉讼结果纠正 ÷（行政诉讼总计 − 尚未审结），直接起诉与复议后起诉合计'
};

/** Below this many handled applications a unit is not ranked or graded on rates (shown as 样本不足). */
export const MIN_SAMPLE = 5;

export function makeRate(numerator: number | null, denominator: number | null): Rate {
	const value = numerator === null || denominator === null || denominator === 0 ? null : numerator / denominator;
	return { numerator, denominator, value };
}

function sum(values: Cell[]): number | null {
	let s = 0;
	for (const v of values) {
		if (v === null || v === undefined) return null;
		s += v;
	}
	return s;
}

const TOTAL = 6; // index of the 总计 column

function rowTotal(report: Report, key: ApplicationRowKey): Cell {
	return report.applications?.rows?.[key]?.[TOTAL] ?? null;
}

const keysOfGroup = (prefix: string) => APPLICATION_ROWS.filter((r) => r.key.startsWith(prefix)).map((r) => r.key);

/** Σ of a group's rows (refused.*, unable.*); null when a row is absent or its total is blank. */
function groupTotal(report: Report, prefix: string): number | null {
	return sum(keysOfGroup(prefix).map((k) => rowTotal(report, k)));
}

const REVIEW_INDEX = Object.fromEntries(REVIEW_COLUMNS.map((c, i) => [c, i])) as Record<
	(typeof REVIEW_COLUMNS)[number],
	number
>;

function reviewCell(report: Report, group: ReviewGroup, col: (typeof REVIEW_COLUMNS)[number]): Cell {
	return report.review?.[group]?.[REVIEW_INDEX[col]] ?? null;
}

function decided(report: Report, group: ReviewGroup): number | null {
	const total = reviewCell(report, group, 'total');
	const pending = reviewCell(report, group, 'pending');
	return total === null || pending === null ? null : total - pending;
}

export function derivedRates(report: Report): Record<RateId, Rate> {
	const handled = rowTotal(report, 'results_total');
	return {
		disclosure: makeRate(sum([rowTotal(report, 'granted'), rowTotal(report, 'partial')]), handled),
		refusal: makeRate(groupTotal(report, 'refused.'), handled),
		unable: makeRate(groupTotal(report, 'unable.'), handled),
		reconsideration_correction: makeRate(
			reviewCell(report, 'reconsideration', 'corrected'),
			decided(report, 'reconsideration')
		),
		litigation_correction: makeRate(
			sum([
				reviewCell(report, 'litigation_direct', 'corrected'),
				reviewCell(report, 'litigation_after_reconsideration', 'corrected')
			]),
			sum([decided(report, 'litigation_direct'), decided(report, 'litigation_after_reconsideration')])
		)
	};
}

export interface SampleGuard {
	/** True when the unit may be ranked or graded on rates. */
	enough: boolean;
	/** The sample: 办理结果总计 (总计 column); null when blank or absent. */
	size: number | null;
	min: number;
	/** '样本不足' when not enough, else ''. */
	label: string;
}

/** R-P1: do not rank a unit on rates when it handled fewer than MIN_SAMPLE applications (or the figure is blank). */
export function sampleGuard(report: Report, min = MIN_SAMPLE): SampleGuard {
	const size = rowTotal(report, 'results_total');
	const enough = size !== null && size >= min;
	return { enough, size, min, label: enough ? '' : '样本不足' };
}

/** A rate as a Chinese percentage with its fraction, e.g. "45.0%（9/20）"; "—（分母为0）" when undefined. */
export function formatRate(rate: Rate, digits = 1): string {
	if (rate.numerator === null || rate.denominator === null) return '—（数据空白）';
	if (rate.value === null) return `—（分母为0）`;
	return `${(rate.value * 100).toFixed(digits)}%（${rate.numerator}/${rate.denominator}）`;
}
