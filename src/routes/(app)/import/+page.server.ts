import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { importFiles, importLimits, type ImportInput } from '$lib/server/import';
import * as organs from '$lib/server/organs';
import { importListingPages } from '$lib/server/listing-import';

const MB = 1024 * 1024;

export const load: PageServerLoad = () => {
	const user = requirePermission('reports.import', 'reports.import_own');
	const limits = importLimits();
	return {
		maxFileMb: Math.round(limits.maxFileBytes / MB),
		maxZipMb: Math.round(limits.maxZipBytes / MB),
		ownOrgan: user.organId !== null ? (organs.get(user.organId)?.name ?? null) : null
	};
};

export const actions: Actions = {
	upload: async ({ request }) => {
		const user = requirePermission('reports.import', 'reports.import_own');
		const limits = importLimits();
		// Refuse an oversized upload before reading it, with a message rather than a bare 413 page.
		const length = Number(request.headers.get('content-length') ?? 0);
		if (length > limits.maxZipBytes + MB)
			return fail(413, { message: `上传内容超过上限 ${Math.round(limits.maxZipBytes / MB)} MB，请分批上传` });
		const form = await request.formData();
		const files = form.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
		if (files.length === 0) return fail(400, { message: '请选择要导入的文件（报告、发布记录或 .zip 压缩包）' });
		const inputs: ImportInput[] = [];
		for (const f of files) inputs.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
		const results = await importFiles(inputs, { id: user.id, role: user.role, organId: user.organId });
		// The technical detail stays in the server's log: the page shows the Chinese reason only.
		return { results: results.map(({ detail: _detail, ...r }) => r) };
	},
	/** Saved column listing pages (.html or a .zip of them) into the publication log. */
	listing: async ({ request }) => {
		const user = requirePermission('reports.import', 'reports.import_own');
		const limits = importLimits();
		const length = Number(request.headers.get('content-length') ?? 0);
		if (length > limits.maxZipBytes + MB)
			return fail(413, { message: `上传内容超过上限 ${Math.round(limits.maxZipBytes / MB)} MB，请分批上传` });
		const form = await request.formData();
		const files = form.getAll('pages').filter((f): f is File => f instanceof File && f.size > 0);
		const organ = String(form.get('organ') ?? '').trim();
		const channel = String(form.get('channel') ?? '').trim();
		if (files.length === 0) return fail(400, { message: '请选择栏目列表页（浏览器保存的 .html 网页或其 .zip 压缩包）', organ, channel });
		const inputs: ImportInput[] = [];
		for (const f of files) inputs.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
		const results = await importListingPages(inputs, { organ, channel }, { id: user.id, role: user.role, organId: user.organId });
		return { results, organ, channel };
	}
};
