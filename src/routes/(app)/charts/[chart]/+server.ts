// The data behind one dashboard chart, for the same URL filters: JSON (default), CSV (?format=csv) or an Excel
// workbook (?format=xlsx). The rankings follow ?rank= as on the page.
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { filterOrgans, METRICS } from '$lib/server/metrics';
import { requestFilter } from '$lib/server/filter';
import { tablesToXlsx } from '$lib/server/charts-xlsx';
import { CHART_IDS, type ChartId, type DashboardData } from '$lib/charts/data';
import { KIND_FILTER_LABELS } from '$lib/charts/filters';
import { parseRankPeriod } from '$lib/charts/rank-period';
import { attachment, CHART_FILE_NAMES, exportFileName } from '$lib/charts/export-names';
import { EXTRA_TABLES, EXTRA_TABLE_NAMES, TABLES, toCsv } from '$lib/charts/tables';

export const GET: RequestHandler = async ({ params, url }) => {
	requirePermission('dashboard.view');
	const id = params.chart as ChartId;
	if (!(CHART_IDS as readonly string[]).includes(id)) error(404, '没有这个图表');
	const { filter } = requestFilter(url);
	const period = id === 'rankings' ? parseRankPeriod(url.searchParams, filter) : filter;
	const data = {
		[id]: METRICS[id]({ ...filter, fromYear: period.fromYear, toYear: period.toYear })
	} as unknown as DashboardData;
	const tables = [TABLES[id](data), ...(EXTRA_TABLES[id] ? [EXTRA_TABLES[id](data)] : [])];
	const format = url.searchParams.get('format');
	if (format === 'csv' || format === 'xlsx') {
		const organ = filter.organId === null ? null : (filterOrgans().find((o) => o.id === filter.organId)?.name ?? null);
		const scope = organ ?? (filter.kind ? KIND_FILTER_LABELS[filter.kind] : null);
		const name = exportFileName(id, period, scope, format);
		if (format === 'csv')
			return new Response(toCsv(...tables), {
				headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': attachment(name) }
			});
		const title = name.replace(/\.xlsx$/, '');
		const sheets = tables.map((table, i) => ({
			name: i === 0 ? CHART_FILE_NAMES[id] : (EXTRA_TABLE_NAMES[id] ?? `表${i + 1}`),
			table
		}));
		const bytes = await tablesToXlsx(title, sheets);
		return new Response(bytes as unknown as BodyInit, {
			headers: {
				'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'content-disposition': attachment(name)
			}
		});
	}
	return json({ chart: id, filter, period, data: data[id], tables });
};
