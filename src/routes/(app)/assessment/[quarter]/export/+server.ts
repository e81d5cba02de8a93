import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { parseQuarter } from '$lib/assessment/quarter';
import { getSheet } from '$lib/server/assessment';
import { assessmentXlsx, exportFileName } from '$lib/server/export/assessment-xlsx';

export const GET: RequestHandler = async ({ params }) => {
	requirePermission('assessment.view');
	requirePermission('exports.download');
	const quarter = parseQuarter(params.quarter);
	if (!quarter) error(404, `考核期“${params.quarter}”无效，应写作 2025Q1`);
	const sheet = getSheet(quarter);
	const body = await assessmentXlsx(sheet);
	const name = exportFileName(sheet);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			// RFC 5987: an ASCII fallback name, then the Chinese one.
			'content-disposition': `attachment; filename="assessment-${sheet.quarter}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
			'cache-control': 'no-store'
		}
	});
};
