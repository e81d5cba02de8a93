// The dashboard's filters as URL state: a shared link reproduces the same view. Pure: the server parses them,
// the page renders the form from them, the data links carry them.

/** Organ kinds as the filter offers them, in its order, with their labels: streets and towns go together (乡镇街道). */
export const KIND_FILTER_LABELS = {
	government: '人民政府',
	department: '政府部门',
	township: '街道、乡镇',
	other: '其他单位'
} as const;
export type KindFilter = keyof typeof KIND_FILTER_LABELS;
export const KIND_FILTERS = Object.keys(KIND_FILTER_LABELS) as KindFilter[];
/** The kinds as a filter drop-down lists them. */
export const KIND_FILTER_OPTIONS = KIND_FILTERS.map((k) => ({ value: k, label: KIND_FILTER_LABELS[k] }));

/** The organ.kind values each filter covers. */
export const KIND_FILTER_KINDS: Record<KindFilter, readonly string[]> = {
	government: ['government'],
	department: ['department'],
	township: ['street', 'town'],
	other: ['other']
};

export interface DashboardFilter {
	fromYear: number;
	toYear: number;
	kind: KindFilter | null;
	organId: number | null;
}

const YEAR = /^\d{4}$/;

/**
 * The years a filter may name at all: the disclosure regulations took effect in 2008, and no report can be for a
 * year after next. A URL outside this window is a bad request, not a very long chart: every year in the range costs
 * rows, SVG and HTML (a 0000–9999 range once took the server down).
 */
export const FIRST_YEAR = 2008;
export function lastYear(today = new Date()): number {
	return today.getFullYear() + 1;
}
/** The most years any filter can span; yearsOf refuses more, whatever the caller passes. */
export const MAX_YEARS = 40;

/** A filter parameter that is not a valid value: the message (Chinese) names the parameter and what is allowed. */
export class FilterError extends Error {}

function year(name: string, v: string | null, today: Date): number | null {
	if (v === null || v === '') return null;
	const last = lastYear(today);
	if (!YEAR.test(v) || Number(v) < FIRST_YEAR || Number(v) > last)
		throw new FilterError(`参数 ${name} 的年份无效：“${v.slice(0, 20)}”，应为 ${FIRST_YEAR}–${last} 之间的四位年份`);
	return Number(v);
}

/**
 * Reads ?from=&to=&kind=&organ= against the years that have data. Missing (or empty) values take the defaults; a
 * value that is there but invalid throws a FilterError (the routes answer 400). Valid years are clamped to the years
 * held, so a range wider than the data renders only the years that have data.
 */
export function parseFilter(
	params: URLSearchParams,
	available: { minYear: number; maxYear: number },
	today = new Date()
): DashboardFilter {
	const clamp = (y: number) => Math.min(available.maxYear, Math.max(available.minYear, y));
	let fromYear = clamp(year('from', params.get('from'), today) ?? available.minYear);
	let toYear = clamp(year('to', params.get('to'), today) ?? available.maxYear);
	if (fromYear > toYear) [fromYear, toYear] = [toYear, fromYear];
	const k = params.get('kind') ?? '';
	if (k !== '' && !(KIND_FILTERS as readonly string[]).includes(k))
		throw new FilterError(`参数 kind 的单位类型无效：“${k.slice(0, 20)}”，应为 ${KIND_FILTERS.join('、')} 之一`);
	const kind = k === '' ? null : (k as KindFilter);
	const o = params.get('organ') ?? '';
	if (o !== '' && !/^[1-9]\d{0,9}$/.test(o))
		throw new FilterError(`参数 organ 的单位编号无效：“${o.slice(0, 20)}”，应为正整数`);
	const organId = o === '' ? null : Number(o);
	return { fromYear, toYear, kind, organId };
}

/** The query string of a filter (only what differs from the defaults), e.g. "?from=2021&kind=department". */
export function filterQuery(f: DashboardFilter, defaults?: { minYear: number; maxYear: number }): string {
	const p = new URLSearchParams();
	if (!defaults || f.fromYear !== defaults.minYear) p.set('from', String(f.fromYear));
	if (!defaults || f.toYear !== defaults.maxYear) p.set('to', String(f.toYear));
	if (f.kind) p.set('kind', f.kind);
	if (f.organId !== null) p.set('organ', String(f.organId));
	const s = p.toString();
	return s ? `?${s}` : '';
}

export function yearsOf(f: Pick<DashboardFilter, 'fromYear' | 'toYear'>): number[] {
	// The rendering ceiling: whatever reached here, no chart is built over more than MAX_YEARS years.
	if (!(f.toYear - f.fromYear < MAX_YEARS)) throw new FilterError(`年份范围过大（最多 ${MAX_YEARS} 年）`);
	const ys: number[] = [];
	for (let y = f.fromYear; y <= f.toYear; y++) ys.push(y);
	return ys;
}
