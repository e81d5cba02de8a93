import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { answerFile } from '$lib/server/inbox/items';
import { ActionError } from '$lib/server/corrections';
import { readOriginal } from '$lib/server/files';

/** An answer's attachment, for the organ's clerks and the inspectors. */
export const GET: RequestHandler = ({ params }) => {
	const user = requirePermission('inbox.answer', 'inbox.manage');
	let file;
	try {
		file = answerFile(Number(params.id), user);
	} catch (e) {
		if (e instanceof ActionError) error(e.status, e.message);
		throw e;
	}
	const bytes = readOriginal(file.path);
	return new Response(bytes as BodyInit, {
		headers: {
			'content-type': 'application/octet-stream',
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'x-content-type-options': 'nosniff'
		}
	});
};
