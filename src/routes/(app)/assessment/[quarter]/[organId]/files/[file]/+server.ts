import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { canViewAssessmentOf } from '$lib/auth/permissions';
import { entries, rectifications } from '$lib/server/assessment';
import { hasOriginal, readOriginal } from '$lib/server/files';

// `e12`: the attachment of manual entry 12; `m7`: of rectification message 7. Narrowed to the organ's viewers.
export const GET: RequestHandler = ({ params }) => {
	const user = requirePermission('assessment.view', 'assessment.view_own');
	const organId = Number(params.organId);
	if (!Number.isInteger(organId) || !canViewAssessmentOf(user, organId)) error(403, '您只能查看本单位的考核材料');
	const m = /^([em])(\d+)$/.exec(params.file);
	if (!m) error(404, '附件不存在');
	const file =
		m[1] === 'e' ? entries.attachment(Number(m[2]), organId) : rectifications.attachment(Number(m[2]), organId);
	if (!file || !hasOriginal(file.path)) error(404, '附件不存在');
	return new Response(new Uint8Array(readOriginal(file.path)), {
		headers: {
			'content-type': 'application/octet-stream',
			'content-disposition': `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'x-content-type-options': 'nosniff'
		}
	});
};
