import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { answerItem, answerRectification, closeItem, listInbox, markSeen } from '$lib/server/inbox/items';
import { ActionError } from '$lib/server/corrections';

export const load: PageServerLoad = ({ url }) => {
	const user = requirePermission('inbox.answer', 'inbox.manage');
	const all = url.searchParams.get('all') === '1';
	let view;
	try {
		view = listInbox(user, { open: !all });
	} catch (e) {
		if (e instanceof ActionError) return { side: null, items: [], rectifications: [], all, message: e.message };
		throw e;
	}
	// Shown now, so seen: the header's count drops from the next page on; the list still marks them 新.
	markSeen(
		user,
		view.items.filter((i) => i.unread).map((i) => i.id),
		view.rectifications.filter((r) => r.unread).map((r) => r.id)
	);
	return { ...view, all, message: null };
};

const id = (form: FormData) => Number(form.get('id'));

/** `kind=rectification`: the id is an assessment rectification request's, answered through its own thread. */
const isRectification = (form: FormData) => form.get('kind') === 'rectification';

function refused(e: unknown, itemId: number, kind: 'item' | 'rectification' = 'item') {
	if (e instanceof ActionError) return fail(e.status, { id: itemId, kind, message: e.message });
	throw e;
}

export const actions: Actions = {
	answer: async ({ request }) => {
		const user = requirePermission('inbox.answer');
		const form = await request.formData();
		const file = form.get('file');
		const itemId = id(form);
		const kind = isRectification(form) ? 'rectification' : 'item';
		const input = {
			text: String(form.get('answer') ?? ''),
			file:
				file instanceof File && file.size > 0
					? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
					: null
		};
		try {
			if (kind === 'rectification') answerRectification(itemId, input, user);
			else answerItem(itemId, input, user);
			return { id: itemId, kind, ok: true, message: '已答复，等待督查员确认' };
		} catch (e) {
			return refused(e, itemId, kind);
		}
	},
	close: async ({ request }) => {
		const user = requirePermission('inbox.manage');
		const itemId = id(await request.formData());
		try {
			closeItem(itemId, user);
			return { id: itemId, kind: 'item', ok: true, message: '已办结' };
		} catch (e) {
			return refused(e, itemId);
		}
	}
};
