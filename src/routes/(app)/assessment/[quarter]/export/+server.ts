import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { parseQuarter } from '$lib/assessment/quarter';
import { getSheet } from '$lib/server/assessment';
import { assessmentXlsx, exportFileName } from '$lib/server/export/assessment-xlsx';
import { assessmentNoticeDocx, noticeFileName } from '$lib/server/export/assessment-docx';

// ?format=docx: the 通报 draft instead of the sheet.
export const GET: RequestHandler = async ({ params, url }) => {
	requirePermission('assessment.view');
	requirePermission('exports.download');
	const quarter = parseQuarter(params.quarter);
	if (!quarter) error(404, `考核期“${params.quarter}”无效，应写作 2025Q1`);
	const sheet = getSheet(quarter);
	const docx = url.searchParams.get('format') === 'docx';
	const body = docx ? await assessmentNoticeDocx(sheet) : await assessmentXlsx(sheet);
	const name = docx ? noticeFileName(sheet) : exportFileName(sheet);
	const ext = docx ? 'docx' : 'xlsx';
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': docx
				? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
				: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			// RFC 5987: an ASCII fallback name, then the Chinese one.
			'content-disposition': `attachment; filename="assessment-${sheet.quarter}.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}`,
			'cache-control': 'no-store'
		}
	});
};
