import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { importLimits } from '$lib/server/import';
import { listDrafts, saveDraft } from '$lib/server/drafts/store';
import { ActionError } from '$lib/server/corrections';
import * as organs from '$lib/server/organs';

const MB = 1024 * 1024;

export const load: PageServerLoad = () => {
	const user = requirePermission('drafts.check');
	const own = user.role === 'clerk' && user.organId !== null ? (organs.get(user.organId)?.name ?? null) : null;
	return {
		drafts: listDrafts(user),
		ownOrgan: own,
		// Inspectors and admins may check as any organ: the names for the picker.
		organNames: user.role === 'clerk' ? [] : organs.list().map((o) => o.name),
		maxFileMb: Math.round(importLimits().maxFileBytes / MB)
	};
};

export const actions: Actions = {
	check: async ({ request }) => {
		const user = requirePermission('drafts.check');
		const limit = importLimits().maxFileBytes;
		if (Number(request.headers.get('content-length') ?? 0) > limit + MB)
			return fail(413, { message: `文件超过上限 ${Math.round(limit / MB)} MB`, text: '' });
		const form = await request.formData();
		const file = form.get('file');
		const text = String(form.get('text') ?? '');
		const organ = user.role === 'clerk' ? undefined : String(form.get('organ') ?? '').trim() || undefined;
		let input: { name: string; bytes: Uint8Array };
		if (file instanceof File && file.size > 0)
			input = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
		else if (text.trim()) input = { name: '粘贴的文本.txt', bytes: new TextEncoder().encode(text) };
		else return fail(400, { message: '请选择草稿文件，或粘贴报告全文', text });
		let id: number;
		try {
			id = (await saveDraft({ ...input, organName: organ }, user)).id;
		} catch (e) {
			if (e instanceof ActionError) return fail(e.status, { message: `${input.name}：${e.message}`, text });
			throw e;
		}
		redirect(303, `/drafts/${id}`);
	}
};
