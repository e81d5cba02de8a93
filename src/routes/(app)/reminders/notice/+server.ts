import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { defaultMessage, organNames } from '$lib/server/reminders';
import { reminderNoticeDocx } from '$lib/server/reminder-notice';

/** The selected organs as a printable notice (DOCX): the same form as the reminder, sent with GET. */
export const GET: RequestHandler = async ({ url }) => {
	requirePermission('reminders.send');
	const year = Number(url.searchParams.get('year'));
	if (!Number.isInteger(year)) error(400, '报告年度无效');
	const organs = organNames(url.searchParams.getAll('organ').map(Number));
	if (!organs.length) error(400, '请选择要催报的单位');
	const d = url.searchParams.get('deadline') || null;
	const deadline = d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null;
	const message = (url.searchParams.get('message') ?? '').trim().slice(0, 2000) || defaultMessage(year, deadline);
	const bytes = await reminderNoticeDocx({
		year,
		organs,
		message,
		deadline,
		date: new Date().toISOString().slice(0, 10)
	});
	return new Response(bytes as BodyInit, {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`催报通知-${year}年度.docx`)}`
		}
	});
};
