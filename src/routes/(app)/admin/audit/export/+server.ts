// The audit log as CSV, for the same filters as the page.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { AuditFilterError, auditCsv, parseAuditFilter } from '$lib/server/audit-query';
import { audit } from '$lib/server/audit';

export const GET: RequestHandler = ({ url }) => {
	const user = requirePermission('audit.view');
	let filter;
	try {
		filter = parseAuditFilter(url.searchParams);
	} catch (e) {
		if (e instanceof AuditFilterError) error(400, e.message);
		throw e;
	}
	const csv = auditCsv(filter);
	audit(user.id, 'audit.export', { filter });
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="audit-log.csv"`
		}
	});
};
