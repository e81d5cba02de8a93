import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { answerItem, closeItem, listInbox, markSeen } from '$lib/server/inbox/items';
import { ActionError } from '$lib/server/corrections';

export const load: PageServerLoad = ({ url }) => {
	const user = requirePermission('inbox.answer', 'inbox.manage');
	const all = url.searchParams.get('all') === '1';
	let view;
	try {
		view = listInbox(user, { open: !all });
	} catch (e) {
		if (e instanceof ActionError) return { side: null, items: [], external: [], all, message: e.message };
		throw e;
	}
	// Shown now, so seen: the header's count drops from the next page on; the list still marks them 新.
	markSeen(
		user,
		view.items.filter((i) => i.unread).map((i) => i.id)
	);
	return { ...view, all, message: null };
};

const id = (form: FormData) => Number(form.get('id'));

function refused(e: unknown, itemId: number) {
	if (e instanceof ActionError) return fail(e.status, { id: itemId, message: e.message });
	throw e;
}

export const actions: Actions = {
	answer: async ({ request }) => {
		const user = requirePermission('inbox.answer');
		const form = await request.formData();
		const file = form.get('file');
		const itemId = id(form);
		try {
			answerItem(
				itemId,
				{
					text: String(form.get('answer') ?? ''),
					file:
						file instanceof File && file.size > 0
							? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
							: null
				},
				user
			);
			return { id: itemId, ok: true, message: '已答复，等待督查员确认' };
		} catch (e) {
			return refused(e, itemId);
		}
	},
	close: async ({ request }) => {
		const user = requirePermission('inbox.manage');
		const itemId = id(await request.formData());
		try {
			closeItem(itemId, user);
			return { id: itemId, ok: true, message: '已办结' };
		} catch (e) {
			return refused(e, itemId);
		}
	}
};
