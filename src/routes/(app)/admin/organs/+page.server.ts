import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import type { SessionUser } from '$lib/server/auth/session';
import * as organs from '$lib/server/organs';
import { mergeLog } from '$lib/server/organ-merge';
import { importRoster } from '$lib/server/roster-file';
import { isOrganStatus, parseYearSpan } from '$lib/organs/roster';

export const load: PageServerLoad = () => {
	requirePermission('organs.manage');
	return { organs: organs.listForAdmin(), merges: mergeLog(10), pending: organs.pending().length };
};

function id(form: FormData, key: string): number | null {
	const n = Number(form.get(key));
	return Number.isInteger(n) && n > 0 ? n : null;
}

const text = (form: FormData, key: string) => String(form.get(key) ?? '').trim();

/** An action of this page: the permission checked first, then the form read. */
function organAction<T>(run: (form: FormData, user: SessionUser) => T) {
	return async ({ request }: RequestEvent) => {
		const user = requirePermission('organs.manage');
		return run(await request.formData(), user);
	};
}

/** Runs an organ change; an OrganError (or any refusal) becomes the page's message. */
function attempt(run: () => string) {
	try {
		return { message: run() };
	} catch (e) {
		return fail(400, { message: (e as Error).message });
	}
}

export const actions: Actions = {
	add: organAction((form, user) => {
		const years = parseYearSpan(text(form, 'years'));
		if ('error' in years) return fail(400, { message: `起止年度：${years.error}` });
		return attempt(() => {
			const o = organs.addOrgan(
				{ name: text(form, 'name'), kind: text(form, 'kind') || undefined, parentId: id(form, 'parentId'), years },
				user.id
			);
			return `已添加单位“${o.name}”`;
		});
	}),
	rename: organAction((form, user) => {
		const organId = id(form, 'organId');
		if (!organId) return fail(400, { message: '单位不存在' });
		const year = id(form, 'fromYear');
		return attempt(() => {
			const old = organs.get(organId)?.name;
			const o = organs.rename(organId, text(form, 'name'), year, user.id);
			return `已将“${old}”更名为“${o.name}”，原名称作为别名保留${year ? `（用至${year - 1}年）` : ''}`;
		});
	}),
	years: organAction((form, user) => {
		const organId = id(form, 'organId');
		const years = parseYearSpan(text(form, 'years'));
		if (!organId) return fail(400, { message: '单位不存在' });
		if ('error' in years) return fail(400, { message: `起止年度：${years.error}` });
		return attempt(() => (organs.setYears(organId, years, user.id), '已更新起止年度'));
	}),
	retire: organAction((form, user) => {
		const organId = id(form, 'organId');
		const year = id(form, 'year');
		if (!organId || !year) return fail(400, { message: '请填写退出名册的年度' });
		return attempt(() => (organs.retire(organId, year, user.id), `已退出名册：自${year}年起不再计入`));
	}),
	status: organAction((form, user) => {
		const organId = id(form, 'organId');
		const status = text(form, 'status');
		if (!organId || !isOrganStatus(status)) return fail(400, { message: '状态无效' });
		return attempt(
			() => (
				organs.setStatus(organId, status, user.id),
				status === 'district' ? '已加入本区名册' : status === 'outside' ? '已标记为区外单位' : '已设为待确认'
			)
		);
	}),
	parent: organAction((form, user) => {
		const organId = id(form, 'organId');
		if (!organId) return fail(400, { message: '单位不存在' });
		return attempt(() => (organs.setParent(organId, id(form, 'parentId'), user.id), '已更新上级单位'));
	}),
	delete: organAction((form, user) => {
		const organId = id(form, 'organId');
		if (!organId) return fail(400, { message: '单位不存在' });
		if (form.get('confirm') !== 'yes') return fail(400, { message: '请勾选“确认删除”' });
		return attempt(() => {
			const name = organs.get(organId)?.name;
			organs.remove(organId, user.id);
			return `已删除单位“${name}”`;
		});
	}),
	alias: organAction((form) => {
		const organId = id(form, 'organId');
		const alias = text(form, 'alias');
		if (!organId || !alias) return fail(400, { message: '请填写别名' });
		return attempt(() => (organs.addAlias(organId, alias), `已添加别名“${alias}”`));
	}),
	unalias: organAction((form) => {
		const aliasId = id(form, 'aliasId');
		if (!aliasId) return fail(400, { message: '别名不存在' });
		organs.removeAlias(aliasId);
		return { message: '已删除别名' };
	}),
	kind: organAction((form) => {
		const organId = id(form, 'organId');
		if (!organId) return fail(400, { message: '单位类型无效' });
		return attempt(() => (organs.setKind(organId, text(form, 'kind')), '已更新单位类型，并重新核查了该单位的报告'));
	}),
	merge: organAction((form) => {
		const from = id(form, 'fromId');
		const into = id(form, 'intoId');
		if (!from || !into) return fail(400, { message: '请选择要合并的两个单位' });
		if (from === into) return fail(400, { message: '不能把单位合并到它自己' });
		// A merge always goes through its preview and a confirmation.
		redirect(303, `/admin/organs/merge?from=${from}&into=${into}`);
	}),
	undo: organAction((form, user) => {
		const mergeId = id(form, 'mergeId');
		if (!mergeId) return fail(400, { message: '合并记录不存在' });
		return attempt(() => (organs.undoMerge(mergeId, user.id), '已撤销合并：两个单位及其年报、别名、账号均已恢复'));
	}),
	roster: organAction(async (form, user) => {
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { message: '请选择名册文件（CSV 或 XLSX）' });
		const r = await importRoster(file.name, new Uint8Array(await file.arrayBuffer()), user);
		if (!r.ok)
			return fail(400, {
				message: `名册有 ${r.problems.length} 处问题，未导入`,
				problems: r.problems.map((p) => p.message)
			});
		return { message: `已导入名册：新建 ${r.created} 个单位，更新 ${r.updated} 个，新增别名 ${r.aliases} 个` };
	})
};
