import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { importFiles, importLimits, type ImportInput } from '$lib/server/import';
import { sharedParsePool } from '$lib/server/parse-pool';
import * as organs from '$lib/server/organs';
import { importListingPages } from '$lib/server/listing-import';
import { IMPORT_ROUTE, bodyLimitFor, readLimited, withBody } from '$lib/server/http/body-limit';

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

/**
 * The upload's form, counted as it streams (a chunked body has no Content-Length to check first) and refused with
 * a message rather than a bare 413 page. Only this route accepts a large body (hooks.server.ts caps the others).
 */
async function readUpload(request: Request) {
	const limits = importLimits();
	const body = await readLimited(request, bodyLimitFor(IMPORT_ROUTE));
	if (!body) return fail(413, { message: `上传内容超过上限 ${Math.round(limits.maxZipBytes / MB)} MB，请分批上传` });
	try {
		return await withBody(request, body).formData();
	} catch {
		return fail(400, { message: '上传内容无法读取（不是有效的表单数据）' });
	}
}

export const actions: Actions = {
	upload: async ({ request }) => {
		const user = requirePermission('reports.import', 'reports.import_own');
		const form = await readUpload(request);
		if (!(form instanceof FormData)) return form;
		const files = form.getAll('files').filter((f): f is File => f instanceof File && f.size > 0);
		if (files.length === 0) return fail(400, { message: '请选择要导入的文件（报告、发布记录或 .zip 压缩包）' });
		const inputs: ImportInput[] = [];
		for (const f of files) inputs.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
		// Parsed on the worker pool: a hostile file costs a worker (time- and memory-limited), not this thread.
		const results = await importFiles(inputs, { id: user.id, role: user.role, organId: user.organId }, undefined, {
			pool: sharedParsePool()
		});
		// The technical detail stays in the server's log: the page shows the Chinese reason only.
		return { results: results.map(({ detail: _detail, ...r }) => r) };
	},
	/** Saved column listing pages (.html or a .zip of them) into the publication log. */
	listing: async ({ request }) => {
		const user = requirePermission('reports.import', 'reports.import_own');
		const form = await readUpload(request);
		if (!(form instanceof FormData)) return form;
		const files = form.getAll('pages').filter((f): f is File => f instanceof File && f.size > 0);
		const organ = String(form.get('organ') ?? '').trim();
		const channel = String(form.get('channel') ?? '').trim();
		if (files.length === 0)
			return fail(400, { message: '请选择栏目列表页（浏览器保存的 .html 网页或其 .zip 压缩包）', organ, channel });
		const inputs: ImportInput[] = [];
		for (const f of files) inputs.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
		const results = await importListingPages(
			inputs,
			{ organ, channel },
			{ id: user.id, role: user.role, organId: user.organId }
		);
		return { results, organ, channel };
	}
};
