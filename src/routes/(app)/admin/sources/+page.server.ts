import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import * as sources from '$lib/server/crawl/sources';
import { CrawlBusy, isRunning, recentRuns, runCrawl } from '$lib/server/crawl/job';
import { getSchedule, MAX_EVERY_HOURS, setSchedule } from '$lib/server/crawl/scheduler';

export const load: PageServerLoad = () => {
	requirePermission('sources.manage');
	return {
		sources: sources.list(),
		runs: recentRuns(20),
		schedule: getSchedule(),
		running: isRunning(),
		maxPages: sources.MAX_PAGES_LIMIT
	};
};

function id(form: FormData): number | null {
	const n = Number(form.get('id'));
	return Number.isInteger(n) && n > 0 ? n : null;
}

export const actions: Actions = {
	add: async ({ request }) => {
		requirePermission('sources.manage');
		const form = await request.formData();
		const field = (k: string) => String(form.get(k) ?? '');
		const input = {
			organ: field('organ'),
			channel: field('channel'),
			startUrl: field('startUrl'),
			maxPages: field('maxPages') ? Number(field('maxPages')) : null,
			since: field('since') || null
		};
		try {
			const res = sources.upsert(input);
			return {
				message: res.created
					? `已添加“${input.organ.trim()} · ${input.channel.trim()}”`
					: '该单位已有此网址，已更新栏目、页数和起始日期'
			};
		} catch (e) {
			if (e instanceof sources.SourceRefusal) return fail(400, { message: e.message, input });
			throw e;
		}
	},
	csv: async ({ request }) => {
		requirePermission('sources.manage');
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { message: '请选择 CSV 文件（列：单位、栏目、网址，可选页数、起始日期）' });
		if (file.size > 5 * 1024 * 1024) return fail(413, { message: `${file.name}：文件超过 5 MB` });
		try {
			const res = sources.importCsv(file.name, new Uint8Array(await file.arrayBuffer()));
			const bad = res.problems.slice(0, 5).map((p) => `第${p.line}行：${p.reason}`);
			return {
				message: `${file.name}：新增 ${res.added} 个，更新 ${res.updated} 个${res.problems.length ? `，${res.problems.length} 行未导入（${bad.join('；')}${res.problems.length > 5 ? '；…' : ''}）` : ''}`
			};
		} catch (e) {
			if (e instanceof sources.SourceRefusal) return fail(400, { message: e.message });
			throw e;
		}
	},
	toggle: async ({ request }) => {
		requirePermission('sources.manage');
		const form = await request.formData();
		const sid = id(form);
		if (!sid) return fail(400, { message: '来源不存在' });
		sources.setEnabled(sid, form.get('enabled') === '1');
		return { message: form.get('enabled') === '1' ? '已启用' : '已停用' };
	},
	remove: async ({ request }) => {
		requirePermission('sources.manage');
		const sid = id(await request.formData());
		if (!sid) return fail(400, { message: '来源不存在' });
		sources.remove(sid);
		return { message: '已删除该来源（已抓取的发布记录保留）' };
	},
	run: async () => {
		const user = requirePermission('sources.manage');
		try {
			// Not awaited: a run takes a second per page per host; the runs table shows it when done.
			runCrawl({ trigger: 'manual', actorId: user.id }).catch((e) => console.error('crawl failed:', e));
		} catch (e) {
			if (e instanceof CrawlBusy) return fail(409, { message: e.message });
			throw e;
		}
		return { message: '已开始抓取：每个网站每秒至多请求一次，完成后刷新本页查看运行记录' };
	},
	schedule: async ({ request }) => {
		requirePermission('sources.manage');
		const raw = String((await request.formData()).get('everyHours') ?? '').trim();
		const hours = raw === '' || raw === '0' ? null : Number(raw);
		if (hours !== null && (!Number.isInteger(hours) || hours < 1 || hours > MAX_EVERY_HOURS))
			return fail(400, { message: `间隔“${raw}”无效：须为 1–${MAX_EVERY_HOURS} 的整数小时，0 或留空为不定时抓取` });
		setSchedule(hours);
		return { message: hours ? `已设为每 ${hours} 小时抓取一次` : '已关闭定时抓取' };
	}
};
