// The clerk's workspace in a browser: an inspector asks a question in a note, the clerk sees it in the inbox with
// an unread count in the header, answers, the inspector sees the answer and closes it; a reminder reaches the
// clerks of exactly the selected organs; a finding an inspector confirmed and the assessment's rectification request
// reach the clerks of their organ only, with their evidence, and are answered there; a draft is checked on /drafts
// without becoming a report.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { inject } from 'vitest';
import { readE2eDb } from './e2e-db';
import { anonymousContext, pageAs, screenshot, browserForSuite } from './browser';
import { http, loginCookie } from './http';
import { uploadOnImportPage } from './uploads';
import { addRosterOrgan } from './roster-steps';
import { renderReport } from '../helpers/report-files';
import { copiedPair } from '../helpers/copied-pair';

function query<T>(sql: string, ...args: unknown[]): T[] {
	return readE2eDb((db) => db.prepare(sql).all(...args) as T[]);
}

const browser = browserForSuite();

async function as(role: 'inspector' | 'clerk'): Promise<Page> {
	return (await pageAs(browser(), role)).page;
}

/** The clerk answers an inbox item from its form, with a text file attached when `file` is given. */
async function answerItem(item: Locator, answer: string, file?: { name: string; text: string }) {
	await item.locator('textarea[name=answer]').fill(answer);
	if (file)
		await item
			.locator('input[name=file]')
			.setInputFiles({ name: file.name, mimeType: 'text/plain', buffer: Buffer.from(file.text) });
	await item.locator('button[type=submit]').click();
	await item.getByText('已答复，等待督查员确认').first().waitFor();
}

/** Screenshots at the desktop and phone sizes. */
async function shots(page: Page, name: string) {
	for (const [width, height] of [
		[1366, 768],
		[390, 844]
	])
		await page.setViewportSize({ width, height }).then(() => screenshot(page, `${name}-${width}`));
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
		await answerItem(item, '经核实，本年度确未收到政府信息公开申请。', {
			name: '核实说明.txt',
			text: '登记台账截图说明'
		});
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
		// Roster organs of 2030: the candidates a reminder for that year lists.
		const organs = query<{ id: number; name: string }>(
			"SELECT id, name FROM organ WHERE status = 'district' AND COALESCE(roster_from, 0) <= 2030 AND COALESCE(roster_to, 9999) >= 2030 ORDER BY id"
		);
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

		const ctx = await anonymousContext(browser());
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

/** A clerk of the named organ, added with the CLI (the organ need not be on the roster). */
function addClerk(username: string, organ: string, password: string) {
	const add = spawnSync(
		'npx',
		['tsx', 'src/cli/index.ts', 'user', 'add', username, '--role', 'clerk', '--organ', organ, '--password-stdin'],
		{
			input: `${password}\n`,
			env: { ...process.env, DATABASE_URL: inject('dbPath'), DATA_DIR: inject('dataDir') },
			encoding: 'utf8'
		}
	);
	expect(add.status, add.stderr).toBe(0);
}

async function signedIn(username: string, password: string): Promise<Page> {
	const page = await (await anonymousContext(browser())).newPage();
	// Hydrated first: the login form's inputs are re-rendered on hydration, which would clear what was typed.
	await page.goto('/login');
	await page.waitForLoadState('networkidle');
	await page.fill('input[name=username]', username);
	await page.fill('input[name=password]', password);
	await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('button[type=submit]')]);
	return page;
}

/** Another organ's clerk (inbox-clerk-b) does not see an inbox item of `kind`, and answering it by id (`form`) is
 * refused as not found. Returns that clerk's page. */
async function hiddenFromOtherClerk(kind: string, form: Record<string, string>): Promise<Page> {
	const other = await signedIn('inbox-clerk-b', 'inbox-clerk-b-pass');
	await other.goto('/inbox');
	await other.locator('h1', { hasText: '待办' }).waitFor();
	expect(await other.locator(`[data-kind=${kind}]`).count()).toBe(0);
	const refused = await http('/inbox?/answer', {
		method: 'POST',
		cookie: await loginCookie('inbox-clerk-b', 'inbox-clerk-b-pass'),
		form: { ...form, answer: '越权答复' }
	});
	expect(refused.status).toBe(404);
	return other;
}

describe('inbox sources', () => {
	// Two organs of a district of this file's own: one's section 1 is copied from the other's (X6 on both sides).
	const { mine, theirs } = copiedPair('clerk-e2e-copy', '待办测试区');

	it('a confirmed cross-report finding reaches the clerks of its organ only, with its evidence, and is answered', async () => {
		// Both on the roster first (an organ an import meets first is only pending, and has no clerks).
		const { ctx: admin, page: adminPage } = await pageAs(browser(), 'admin');
		for (const name of [mine.organ, theirs.organ]) await addRosterOrgan(adminPage, name);
		await admin.close();
		const inspector = await as('inspector');
		const results = await uploadOnImportPage(inspector, [
			{ name: 'theirs.txt', mimeType: 'text/plain', buffer: Buffer.from(renderReport(theirs)) },
			{ name: 'mine.txt', mimeType: 'text/plain', buffer: Buffer.from(renderReport(mine)) }
		]);
		expect(
			(await results.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')))).every((x) =>
				x?.startsWith('imported')
			)
		).toBe(true);
		const [{ id: a }] = query<{ id: number }>('SELECT id FROM organ WHERE name = ?', mine.organ);
		addClerk('inbox-clerk-a', mine.organ, 'inbox-clerk-a-pass');
		addClerk('inbox-clerk-b', theirs.organ, 'inbox-clerk-b-pass');

		await inspector.goto(`/findings?rule=X6&organ=${a}`);
		const row = inspector.locator('[data-testid=findings] tbody tr[data-rule=X6]').first();
		await row.waitFor();
		await row.locator('input[name=key]').check();
		await inspector.fill('textarea[name=note]', '第一部分与他单位高度雷同，请说明');
		await inspector.click('button[name=status][value=confirmed]');
		await expect
			.poll(async () => (await inspector.locator('[role=status]').textContent()) ?? '')
			.toContain('已确认 1 条');

		const clerk = await signedIn('inbox-clerk-a', 'inbox-clerk-a-pass');
		await clerk.goto(`/organs/${a}`);
		expect(await badge(clerk)).toBe(1);
		await clerk.goto('/inbox');
		const item = clerk.locator('[data-kind=finding]');
		await expect.poll(() => item.count()).toBe(1);
		expect(await item.textContent()).toContain('第一部分与他单位高度雷同，请说明');
		expect(await item.textContent()).toContain(theirs.organ);
		await shots(clerk, 'inbox-finding');
		const evidence = (await item.locator('a', { hasText: '查看报告' }).getAttribute('href'))!;
		expect(evidence).toMatch(new RegExp(`^/organs/${a}/2023\\?cell=`));
		const itemId = (await item.getAttribute('data-item'))!;

		// Not for the other organ's clerk: not listed, and not answerable by id.
		const other = await hiddenFromOtherClerk('finding', { id: itemId });

		await answerItem(item, '已改写第一部分并发布更正版。');
		await clerk.goto(evidence);
		await expect
			.poll(() => clerk.locator('[data-testid=cell-inspector]').getAttribute('data-path'))
			.toBe(new URL(evidence, 'http://x').searchParams.get('cell'));

		await inspector.goto('/inbox');
		const seen = inspector.locator(`[data-item="${itemId}"]`);
		await expect.poll(async () => (await seen.locator('[data-testid=answer]').textContent()) ?? '').toContain('更正版');
		expect(
			(await query<{ answer: string }>('SELECT answer FROM inbox_item WHERE id = ?', Number(itemId)))[0].answer
		).toBe('已改写第一部分并发布更正版。');
		for (const p of [inspector, clerk, other]) await p.context().close();
	});

	it('a rectification request reaches the clerk of its organ, who answers it from the inbox; another organ cannot', async () => {
		const [{ clerkOrgan }] = query<{ clerkOrgan: number }>(
			"SELECT organ_id AS clerkOrgan FROM user WHERE username = 'clerk'"
		);
		const Q = '2025Q3';
		const inspector = await as('inspector');
		await inspector.goto(`/assessment/${Q}/${clerkOrgan}`);
		const ask = inspector.locator('li[data-item]:has(details.ask)').first();
		await ask.locator('details.ask summary').click();
		await ask.locator('input[name=request]').fill('请说明扣分原因并于期限内整改');
		await ask.locator('form button[type=submit]').click();
		await expect.poll(() => inspector.locator('[data-testid=rectification]').count()).toBe(1);
		const [{ id }] = query<{ id: number }>(
			'SELECT id FROM rectification WHERE quarter = ? AND organ_id = ? ORDER BY id DESC LIMIT 1',
			Q,
			clerkOrgan
		);

		const clerk = await as('clerk');
		await clerk.goto('/drafts');
		expect(await badge(clerk)).toBeGreaterThanOrEqual(1);
		await clerk.goto('/inbox');
		const item = clerk.locator(`[data-kind=rectification][data-rectification="${id}"]`);
		await expect.poll(() => item.count()).toBe(1);
		expect(await item.textContent()).toContain('请说明扣分原因并于期限内整改');
		expect(await item.locator('[data-testid=evidence-link]').getAttribute('href')).toBe(
			`/assessment/${Q}/${clerkOrgan}`
		);

		// Another organ's clerk: not listed, and refused by id.
		const other = await hiddenFromOtherClerk('rectification', { id: String(id), kind: 'rectification' });

		await answerItem(item, '已建立年报发布台账，逐月核对。', { name: '台账.txt', text: '台账' });
		await expect.poll(() => item.locator('[data-testid=state]').textContent()).toBe('已答复待审核');
		await shots(clerk, 'inbox-rectification');
		const thread = query<{ kind: string; text: string; fileName: string | null }>(
			'SELECT kind, text, file_name AS fileName FROM rectification_message WHERE rectification_id = ? ORDER BY id',
			id
		);
		expect(thread.map((m) => m.kind)).toEqual(['request', 'answer']);
		expect(thread[1]).toMatchObject({ text: '已建立年报发布台账，逐月核对。', fileName: '台账.txt' });

		// The inspector finds it answered on the assessment page, where it is reviewed.
		await inspector.goto('/inbox');
		const seen = inspector.locator(`[data-kind=rectification][data-rectification="${id}"]`);
		expect(await seen.locator('[data-testid=message]').textContent()).toContain('逐月核对');
		await seen.locator('[data-testid=review-link]').click();
		await inspector.waitForURL(`**/assessment/${Q}/${clerkOrgan}`);
		expect(await inspector.locator('[data-testid=rectification]').getAttribute('data-status')).toBe('answered');
		for (const p of [inspector, clerk, other]) await p.context().close();
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
