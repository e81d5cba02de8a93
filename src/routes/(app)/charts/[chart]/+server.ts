// The data behind one dashboard chart, for the same URL filters: JSON (default) or CSV (?format=csv).
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { METRICS } from '$lib/server/metrics';
import { requestFilter } from '$lib/server/filter';
import { CHART_IDS, type ChartId, type DashboardData } from '$lib/charts/data';
import { EXTRA_TABLES, TABLES, toCsv } from '$lib/charts/tables';

export const GET: RequestHandler = ({ params, url }) => {
	requirePermission('dashboard.view');
	const id = params.chart as ChartId;
	if (!(CHART_IDS as readonly string[]).includes(id)) error(404, '没有这个图表');
	const { filter } = requestFilter(url);
	const data = { [id]: METRICS[id](filter) } as unknown as DashboardData;
	const tables = [TABLES[id](data), ...(EXTRA_TABLES[id] ? [EXTRA_TABLES[id](data)] : [])];
	if (url.searchParams.get('format') === 'csv') {
		const name = `${id}-${filter.fromYear}-${filter.toYear}${filter.kind ? `-${filter.kind}` : ''}${filter.organId ? `-organ${filter.organId}` : ''}.csv`;
		return new Response(toCsv(...tables), {
			headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` }
		});
	}
	return json({ chart: id, filter, data: data[id], tables });
};
