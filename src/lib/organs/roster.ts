// The district's roster: which organs count, and in which years. An organ is on the roster in a year when its
// status is `district` and the year lies within its membership (起止年度): an organ abolished in 2023 is not
// "missing" its 2024 report, and a bureau created in 2022 owes nothing for 2021.

export const ORGAN_STATUSES = ['district', 'pending', 'outside'] as const;
export type OrganStatus = (typeof ORGAN_STATUSES)[number];

export const ORGAN_STATUS_LABELS: Record<OrganStatus, string> = {
	district: '本区单位',
	pending: '待确认',
	outside: '区外单位'
};

export function isOrganStatus(v: unknown): v is OrganStatus {
	return typeof v === 'string' && (ORGAN_STATUSES as readonly string[]).includes(v);
}

/** Membership years, both ends inclusive; null: open on that side. */
export interface YearSpan {
	from: number | null;
	to: number | null;
}

export interface RosterMember extends YearSpan {
	status: string;
}

export function inSpan(span: YearSpan, year: number): boolean {
	return (span.from === null || year >= span.from) && (span.to === null || year <= span.to);
}

/** Is the organ on the district's roster in that year? */
export function isMember(organ: RosterMember, year: number): boolean {
	return organ.status === 'district' && inSpan(organ, year);
}

const YEAR = /^(1[89]\d\d|2\d\d\d)$/;

/**
 * Reads 起止年度: `2019-2023`, `2019—2023`, `2019至2023`, `2019-` / `2019至今` / `2019起` (open end), `-2023`,
 * `2021` (that one year), empty (always). Returns a Chinese message when the text is not a span.
 */
export function parseYearSpan(text: string): YearSpan | { error: string } {
	const t = text
		.trim()
		.replace(/\s+/g, '')
		.replace(/年度?/g, '')
		.replace(/[－–—~～―至到]/g, '-')
		.replace(/(-?今|起|以来|-现在)$/, '-');
	if (!t) return { from: null, to: null };
	if (YEAR.test(t)) return { from: Number(t), to: Number(t) };
	const m = /^(\d{4})?-(\d{4})?$/.exec(t);
	if (!m || (m[1] && !YEAR.test(m[1])) || (m[2] && !YEAR.test(m[2])))
		return { error: `“${text}”不是年度范围（例：2019-2023、2021-、-2023 或留空表示不限）` };
	const span = { from: m[1] ? Number(m[1]) : null, to: m[2] ? Number(m[2]) : null };
	if (span.from !== null && span.to !== null && span.from > span.to)
		return { error: `“${text}”的起始年度晚于终止年度` };
	return span;
}

/** The span as the roster file writes it: `2019-2023`, `2019-`, `-2023`, `` (always). */
export function formatYearSpan(span: YearSpan): string {
	if (span.from === null && span.to === null) return '';
	if (span.from !== null && span.from === span.to) return String(span.from);
	return `${span.from ?? ''}-${span.to ?? ''}`;
}

/** For people: `2019—2023年`, `2019年起`, `至2023年`, `不限`. */
export function describeYearSpan(span: YearSpan): string {
	if (span.from === null && span.to === null) return '不限';
	if (span.from !== null && span.to === null) return `${span.from}年起`;
	if (span.from === null) return `至${span.to}年`;
	return span.from === span.to ? `${span.from}年` : `${span.from}—${span.to}年`;
}

/** Membership ended from `year` on (retire): the last year on the roster is year − 1. */
export function retireFrom(span: YearSpan, year: number): YearSpan | { error: string } {
	if (span.from !== null && year <= span.from)
		return { error: `退出年度须晚于起始年度 ${span.from}（否则请标记为区外单位或删除）` };
	return { from: span.from, to: span.to === null ? year - 1 : Math.min(span.to, year - 1) };
}
