// The dashboard's filters as URL state: a shared link reproduces the same view. Pure: the server parses them,
// the page renders the form from them, the data links carry them.

/** Organ kinds as the filter offers them: streets and towns go together (乡镇街道). */
export const KIND_FILTERS = ['government', 'department', 'township', 'other'] as const;
export type KindFilter = (typeof KIND_FILTERS)[number];

export const KIND_FILTER_LABELS: Record<KindFilter, string> = {
	government: '人民政府',
	department: '政府部门',
	township: '街道、乡镇',
	other: '其他单位'
};

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

function year(v: string | null): number | null {
	return v && YEAR.test(v) ? Number(v) : null;
}

/** Reads ?from=&to=&kind=&organ= against the years that have data; bad values fall back to the defaults. */
export function parseFilter(params: URLSearchParams, available: { minYear: number; maxYear: number }): DashboardFilter {
	let fromYear = year(params.get('from')) ?? available.minYear;
	let toYear = year(params.get('to')) ?? available.maxYear;
	if (fromYear > toYear) [fromYear, toYear] = [toYear, fromYear];
	const k = params.get('kind');
	const kind = (KIND_FILTERS as readonly string[]).includes(k ?? '') ? (k as KindFilter) : null;
	const o = Number(params.get('organ'));
	const organId = Number.isInteger(o) && o > 0 ? o : null;
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
	const ys: number[] = [];
	for (let y = f.fromYear; y <= f.toYear; y++) ys.push(y);
	return ys;
}
