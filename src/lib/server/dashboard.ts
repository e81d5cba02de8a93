// The dashboard page's server side: the aggregates for a filter (rankings over their own period) and the headline
// row, kept per (data version, filter) and dropped as soon as an import, correction or merge changes the data. The
// page sends the chart data once and the browser draws it: no SVG copy beside it (renderAll stays for the benchmark
// and the empty-database test of the option builders).
import type Database from 'better-sqlite3';
import type { ChartId, DashboardData } from '../charts/data';
import type { DashboardFilter } from '../charts/filters';
import { CHARTS } from '../charts/index';
import { renderPanels, SSR_WIDE_WIDTH, SSR_WIDTH } from './charts-ssr';
import type { HeadlineData } from '../charts/headline';
import type { RankPeriod } from '../charts/rank-period';
import { dashboard } from './metrics/index';
import { headline } from './metrics/headline';
import { dataVersion } from './data-version';

export interface DashboardView {
	data: DashboardData;
	headline: HeadlineData;
}

const MAX_CACHED = 32;
const cache = new Map<string, DashboardView>();

export function renderAll(data: DashboardData): Record<ChartId, string[]> {
	return Object.fromEntries(
		CHARTS.map((c) => [c.id, renderPanels(c.panels(data), c.wide ? SSR_WIDE_WIDTH : SSR_WIDTH)])
	) as Record<ChartId, string[]>;
}

export function loadDashboard(f: DashboardFilter, client?: Database.Database, rank?: RankPeriod): DashboardView {
	const key = `${dataVersion(client)}|${f.fromYear}|${f.toYear}|${f.kind ?? ''}|${f.organId ?? ''}|${rank?.fromYear ?? ''}-${rank?.toYear ?? ''}`;
	const hit = cache.get(key);
	if (hit) {
		// Most recently used last: Map keeps insertion order.
		cache.delete(key);
		cache.set(key, hit);
		return hit;
	}
	const view = { data: dashboard(f, client, rank), headline: headline(f, client) };
	cache.set(key, view);
	while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
	return view;
}
