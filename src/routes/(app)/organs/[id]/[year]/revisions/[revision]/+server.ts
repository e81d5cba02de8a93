import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireOrganAccess } from '$lib/server/auth/guard';
import { revisionFile } from '$lib/server/reports/read';
import { hasOriginal, readOriginal } from '$lib/server/files';
import { redirectIfMerged } from '$lib/server/organ-redirect';

const TYPES: Record<string, string> = {
	txt: 'text/plain',
	// Never text/html: an imported HTML file is untrusted and must not render from this origin.
	html: 'application/octet-stream',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pdf: 'application/pdf'
};

/** The original file of one revision, as imported (bytes untouched), as a download. */
export const GET: RequestHandler = ({ params }) => {
	const id = Number(params.id);
	const year = Number(params.year);
	const revisionId = Number(params.revision);
	if (![id, year, revisionId].every(Number.isInteger)) error(404, '文件不存在');
	redirectIfMerged(id);
	requireOrganAccess(id);
	const rev = revisionFile(id, year, revisionId);
	if (!rev || !hasOriginal(rev.filePath)) error(404, '原始文件不存在');
	const bytes = readOriginal(rev.filePath);
	const name = rev.fileName.split('/').pop() || `report.${rev.format}`;
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(bytes as unknown as BodyInit, {
		headers: {
			// Served as a download, never rendered: an imported HTML file is untrusted.
			'content-type': TYPES[rev.format] ? `${TYPES[rev.format]}` : 'application/octet-stream',
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
			'x-content-type-options': 'nosniff',
			'content-security-policy': 'sandbox',
			'content-length': String(bytes.length)
		}
	});
};
