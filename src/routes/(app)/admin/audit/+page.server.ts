import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { auditActions, requestAuditFilter, queryAudit, retentionDays, shanghaiTime } from '$lib/server/audit-query';

const SHOWN = 200;

export const load: PageServerLoad = ({ url }) => {
	requirePermission('audit.view');
	const filter = requestAuditFilter(url.searchParams);
	const { rows, total } = queryAudit(filter, SHOWN);
	return {
		filter,
		total,
		shown: SHOWN,
		retentionDays: retentionDays(),
		actions: auditActions(),
		rows: rows.map((r) => ({ ...r, when: shanghaiTime(r.at) })),
		query: url.search
	};
};
