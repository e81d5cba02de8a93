import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { defaultMessage, listReminders, reminderCandidates, sendReminder } from '$lib/server/reminders';
import { ActionError } from '$lib/server/corrections';

/** The report year now due: last year's (reports are published in the first months of the next year). */
const dueYear = () => new Date().getFullYear() - 1;

export const load: PageServerLoad = ({ url }) => {
	requirePermission('reminders.send');
	const y = Number(url.searchParams.get('year'));
	const year = Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : dueYear();
	return {
		year,
		candidates: reminderCandidates(year),
		sent: listReminders(),
		defaultMessage: defaultMessage(year, null)
	};
};

export const actions: Actions = {
	send: async ({ request }) => {
		const user = requirePermission('reminders.send');
		const form = await request.formData();
		const organIds = form.getAll('organ').map(Number);
		try {
			const r = sendReminder(
				{
					year: Number(form.get('year')),
					organIds,
					message: String(form.get('message') ?? ''),
					deadline: String(form.get('deadline') ?? '') || null
				},
				user
			);
			return { ok: true, message: `已向${r.organs}个单位发送催报，单位联络员将在“待办”中看到` };
		} catch (e) {
			if (e instanceof ActionError) return fail(e.status, { ok: false, message: e.message });
			throw e;
		}
	}
};
