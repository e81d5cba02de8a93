// Which years the rankings cover: by default the filter's last year (a ranking over 2019–2025 sums seven years of
// one organ against one year of another), or any single year of the filter, or the whole range (?rank=range).
import type { DashboardFilter } from './filters';

export interface RankPeriod {
	fromYear: number;
	toYear: number;
}

/** Reads ?rank=<year>|range against the filter; anything else is the filter's last year. */
export function parseRankPeriod(params: URLSearchParams, f: DashboardFilter): RankPeriod {
	const v = params.get('rank');
	if (v === 'range') return { fromYear: f.fromYear, toYear: f.toYear };
	const y = v && /^\d{4}$/.test(v) ? Number(v) : NaN;
	if (y >= f.fromYear && y <= f.toYear) return { fromYear: y, toYear: y };
	return { fromYear: f.toYear, toYear: f.toYear };
}

/** "2025年" or "2019—2025年". */
export function periodLabel(p: RankPeriod): string {
	return p.fromYear === p.toYear ? `${p.toYear}年` : `${p.fromYear}—${p.toYear}年`;
}

/** The value ?rank= takes for a period ('' for the default). */
export function rankParam(p: RankPeriod, f: DashboardFilter): string {
	if (p.fromYear === p.toYear) return p.toYear === f.toYear ? '' : String(p.toYear);
	return 'range';
}
