import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { exportRoster } from '$lib/server/roster-file';

/** GET /admin/organs/export?format=csv|xlsx: the roster as a file. */
export const GET: RequestHandler = async ({ url }) => {
	requirePermission('organs.manage');
	const name = url.searchParams.get('format') === 'xlsx' ? 'roster.xlsx' : 'roster.csv';
	const bytes = await exportRoster(name);
	return new Response(bytes as unknown as BodyInit, {
		headers: {
			'content-type': name.endsWith('.xlsx')
				? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
				: 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent('单位名册' + name.slice(6))}`
		}
	});
};
