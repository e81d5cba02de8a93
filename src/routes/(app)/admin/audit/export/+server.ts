// The audit log as CSV, for the same filters as the page.
import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { auditCsv, requestAuditFilter } from '$lib/server/audit-query';
import { audit } from '$lib/server/audit';

export const GET: RequestHandler = ({ url }) => {
	const user = requirePermission('audit.view');
	const filter = requestAuditFilter(url.searchParams);
	const csv = auditCsv(filter);
	audit(user.id, 'audit.export', { filter });
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="audit-log.csv"`
		}
	});
};
