// The clerk's workspace in a browser: an inspector asks a question in a note, the clerk sees it in the inbox with
// an unread count in the header, answers, the inspector sees the answer and closes it; a reminder reaches the
// clerks of exactly the selected organs; a draft is checked on /drafts without becoming a report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { inject } from 'vitest';
import { anonymousContext, contextAs, launch, screenshot } from './browser';

function query<T>(sql: string, ...args: unknown[]): T[] {
	const db = new Database(inject('dbPath'), { readonly: true, fileMustExist: true });
	try {
		return db.prepare(sql).all(...args) as T[];
	} finally {
		db.close();
	}
}

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

async function as(role: 'inspector' | 'clerk'): Promise<Page> {
	const ctx = await contextAs(browser, role);
	return ctx.newPage();
}

const badge = async (page: Page) =>
	(await page.locator('[data-testid=inbox-unread]').count())
		? Number(await page.locator('[data-testid=inbox-unread]').textContent())
		: 0;

describe('clerk inbox', () => {
	it('a question in a note: unread for the clerk, answered, seen and closed by the inspector', async () => {
		const [{ organId, year }] = query<{ organId: number; year: number }>(
			"SELECT r.organ_id AS organId, r.year FROM report r JOIN user u ON u.organ_id = r.organ_id WHERE u.username = 'clerk' ORDER BY r.year DESC LIMIT 1"
		);
		const inspector = await as('inspector');
		await inspector.goto(`/organs/${organId}/${year}`);
		await inspector.fill('.note-form textarea[name=note]', '第三部分本年新收为0，请说明是否确无申请？');
		await inspector.check('.note-form input[name=asks_answer]');
		await inspector.click('.note-form button[type=submit]');
		await inspector.getByText('已进入单位待办').waitFor();

		const clerk = await as('clerk');
		await clerk.goto(`/organs/${organId}`);
		expect(await badge(clerk)).toBe(1);
		await clerk.click('nav a[href="/inbox"]');
		await clerk.waitForURL('**/inbox');
		const item = clerk.locator('[data-kind=note]').filter({ hasText: '请说明是否确无申请' });
		await expect.poll(() => item.count()).toBe(1);
		expect(await item.locator('.tag', { hasText: '新' }).count()).toBe(1);
		await screenshot(clerk, 'inbox-clerk');
		await item.locator('textarea[name=answer]').fill('经核实，本年度确未收到政府信息公开申请。');
		await item
			.locator('input[name=file]')
			.setInputFiles({ name: '核实说明.txt', mimeType: 'text/plain', buffer: Buffer.from('登记台账截图说明') });
		await item.locator('button[type=submit]').click();
		await item.getByText('已答复，等待督查员确认').first().waitFor();
		// Seen once the inbox was shown: the header's count is gone on the next page.
		await clerk.goto('/drafts');
		expect(await badge(clerk)).toBe(0);

		await inspector.goto('/organs');
		expect(await badge(inspector)).toBeGreaterThanOrEqual(1);
		await inspector.goto('/inbox');
		const seen = inspector.locator('[data-kind=note]').filter({ hasText: '请说明是否确无申请' });
		await expect
			.poll(async () => (await seen.locator('[data-testid=answer]').textContent()) ?? '')
			.toContain('本年度确未收到');
		expect(await seen.locator('a[href$="/file"]').textContent()).toContain('核实说明.txt');
		await screenshot(inspector, 'inbox-inspector');
		await seen.locator('form[action="?/close"] button').click();
		// Closed: gone from the open list, shown as closed with everything.
		await inspector.getByText('已办结', { exact: true }).first().waitFor();
		await expect.poll(() => seen.count()).toBe(0);
		await inspector.goto('/inbox?all=1');
		expect(
			await inspector
				.locator('[data-kind=note]')
				.filter({ hasText: '请说明是否确无申请' })
				.locator('[data-testid=state]')
				.textContent()
		).toBe('已办结');
		const [row] = query<{ closedAt: number | null; answer: string }>(
			"SELECT closed_at AS closedAt, answer FROM inbox_item WHERE kind = 'note' ORDER BY id DESC LIMIT 1"
		);
		expect(row.closedAt).not.toBeNull();
		expect(row.answer).toContain('本年度确未收到');
		await inspector.context().close();
		await clerk.context().close();
	});

	it('a reminder reaches the clerks of exactly the selected organs', async () => {
		const organs = query<{ id: number; name: string }>('SELECT id, name FROM organ ORDER BY id');
		const [{ clerkOrgan }] = query<{ clerkOrgan: number }>(
			"SELECT organ_id AS clerkOrgan FROM user WHERE username = 'clerk'"
		);
		const other = organs.find((o) => o.id !== clerkOrgan)!;
		const third = organs.find((o) => o.id !== clerkOrgan && o.id !== other.id)!;
		// A clerk of a third organ, which is not selected.
		const add = spawnSync(
			'npx',
			[
				'tsx',
				'src/cli/index.ts',
				'user',
				'add',
				'clerk3',
				'--role',
				'clerk',
				'--organ',
				third.name,
				'--password-stdin'
			],
			{
				input: 'clerk3-pass-123\n',
				env: { ...process.env, DATABASE_URL: inject('dbPath'), DATA_DIR: inject('dataDir') },
				encoding: 'utf8'
			}
		);
		expect(add.status, add.stderr).toBe(0);

		const inspector = await as('inspector');
		await inspector.goto('/reminders?year=2030');
		const boxes = inspector.locator('[data-testid=reminder-form] input[name=organ]');
		for (const b of await boxes.all()) await b.uncheck();
		await inspector.check(`[data-testid=reminder-form] input[name=organ][value="${clerkOrgan}"]`);
		await inspector.check(`[data-testid=reminder-form] input[name=organ][value="${other.id}"]`);
		await inspector.fill('[data-testid=reminder-form] input[name=deadline]', '2031-03-31');
		// The printable notice of the same selection.
		const [download] = await Promise.all([
			inspector.waitForEvent('download'),
			inspector.click('button[formaction="/reminders/notice"]')
		]);
		expect(download.suggestedFilename()).toMatch(/\.docx$/);
		await screenshot(inspector, 'reminders');
		await inspector.click('[data-testid=reminder-form] button:not([formaction])');
		await inspector.getByText('已向2个单位发送催报').waitFor();
		const reached = query<{ organId: number }>(
			'SELECT i.organ_id AS organId FROM inbox_item i JOIN reminder r ON r.id = i.reminder_id WHERE r.year = 2030 ORDER BY i.organ_id'
		).map((r) => r.organId);
		expect(reached).toEqual([clerkOrgan, other.id].sort((a, b) => a - b));

		const clerk = await as('clerk');
		await clerk.goto('/inbox');
		await expect.poll(() => clerk.locator('[data-kind=reminder]', { hasText: '2030年度' }).count()).toBe(1);
		expect(await clerk.locator('[data-kind=reminder]', { hasText: '2030年度' }).textContent()).toContain('2031-03-31');

		const ctx = await anonymousContext(browser);
		const clerk3 = await ctx.newPage();
		// Hydrated first: the login form's inputs are re-rendered on hydration, which would clear what was typed.
		await clerk3.goto('/login');
		await clerk3.waitForLoadState('networkidle');
		await clerk3.fill('input[name=username]', 'clerk3');
		await clerk3.fill('input[name=password]', 'clerk3-pass-123');
		await Promise.all([
			clerk3.waitForURL((u) => !u.pathname.startsWith('/login')),
			clerk3.click('button[type=submit]')
		]);
		await clerk3.goto('/inbox');
		await clerk3.locator('h1', { hasText: '待办' }).waitFor();
		expect(await clerk3.locator('[data-kind=reminder]').count()).toBe(0);
		expect(await badge(clerk3)).toBe(0);
		await ctx.close();
		await inspector.context().close();
		await clerk.context().close();
	});
});

describe('drafts', () => {
	it('a clerk checks a pasted draft: the fix list and the tables, and no report appears', async () => {
		const before = query<{ n: number }>('SELECT count(*) AS n FROM report')[0].n;
		const clerk = await as('clerk');
		await clerk.goto('/drafts');
		const [{ text }] = query<{ text: string }>(
			"SELECT v.model_json AS text FROM revision v JOIN report r ON r.current_revision_id = v.id JOIN user u ON u.organ_id = r.organ_id WHERE u.username = 'clerk' LIMIT 1"
		);
		const lines = (JSON.parse(text).source_lines as string[]).join('\n').replaceAll('2022', '2023');
		await clerk.fill('textarea[name=text]', lines);
		await Promise.all([clerk.waitForURL(/\/drafts\/\d+$/), clerk.click('form.check-form button[type=submit]')]);
		await clerk.locator('[data-testid=fix-list]').waitFor();
		expect(await clerk.locator('.form-table').count()).toBe(3);
		expect(await clerk.locator('[data-testid=source-text]').count()).toBe(1);
		await screenshot(clerk, 'draft');
		expect(query<{ n: number }>('SELECT count(*) AS n FROM report')[0].n).toBe(before);
		await clerk.context().close();
	});
});
