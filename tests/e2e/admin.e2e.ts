import { describe, expect, it } from 'vitest';
import { addRosterOrgan } from './roster-steps';
import { anonymousContext, login, screenshot, browserForSuite, pageAs, fillFields } from './browser';
import { expectRefused } from './refusals';

const browser = browserForSuite();

describe('admin pages', () => {
	it('an admin adds an organ to the roster and a clerk bound to it (picked, not typed), who can then log in and land on its organ', async () => {
		const { ctx, page } = await pageAs(browser(), 'admin');
		await addRosterOrgan(page, '测试区审计局');
		await page.goto('/admin/users');
		const add = page.locator('form[action="?/add"]');
		await fillFields(add, { username: 'newclerk', password: 'newclerk-pass', role: 'clerk' });
		await add.locator('input[type=search]').fill('审计');
		await add.locator('select[name=organId]').selectOption({ label: '测试区审计局' });
		await add.locator('button[type=submit]').click();
		await page.waitForSelector('text=已添加用户 newclerk');
		expect(await page.locator('table').textContent()).toContain('测试区审计局');
		await ctx.close();

		const c2 = await anonymousContext(browser());
		const p2 = await c2.newPage();
		await login(p2, 'newclerk', 'newclerk-pass');
		expect(new URL(p2.url()).pathname).toMatch(/^\/organs\/\d+$/);
		expect(await p2.textContent('h1')).toContain('测试区审计局');
		await c2.close();
	});

	it('an admin disables a user: its session ends and it cannot sign in again; the list shows the last login', async () => {
		const { ctx, page } = await pageAs(browser(), 'admin');
		const c2 = await anonymousContext(browser());
		const p2 = await c2.newPage();
		await login(p2, 'newclerk', 'newclerk-pass');
		await page.goto('/admin/users');
		const row = page.locator('tr[data-username=newclerk]');
		expect(await row.textContent()).not.toContain('从未登录');
		page.once('dialog', (d) => d.accept());
		await row.locator('form[action="?/disable"] button').click();
		await page.waitForSelector('text=已停用该账号');
		await p2.goto('/organs');
		expect(new URL(p2.url()).pathname).toBe('/login');
		await p2.fill('input[name=username]', 'newclerk');
		await p2.fill('input[name=password]', 'newclerk-pass');
		await p2.click('button[type=submit]');
		await p2.waitForSelector('text=该账号已停用');
		await c2.close();
		await ctx.close();
	});

	it('an admin adds an alias and merges two organs through the preview; the old name becomes an alias', async () => {
		const { ctx, page } = await pageAs(browser(), 'admin');
		for (const organ of ['测试区旧局', '测试区新局']) await addRosterOrgan(page, organ);
		const row = page.locator('tr[data-organ="测试区新局"]');
		await row.locator('input[name=alias]').fill('测试区新局简称');
		await row.locator('form[action="?/alias"] button').click();
		await page.waitForSelector('text=已添加别名');
		const from = await page.locator('select[name=fromId] option', { hasText: '测试区旧局' }).getAttribute('value');
		const into = await page.locator('select[name=intoId] option', { hasText: '测试区新局' }).getAttribute('value');
		await page.selectOption('select[name=fromId]', from!);
		await page.selectOption('select[name=intoId]', into!);
		await page.click('form[action="?/merge"] button');
		await page.waitForSelector('[data-testid=merge-preview]');
		expect(await page.textContent('[data-testid=merge-conflicts]')).toBe('无');
		await page.check('input[name=confirm]');
		await page.click('button:has-text("确认合并")');
		await page.waitForSelector('text=原名称已作为别名保留');
		await page.goto('/admin/organs');
		const merged = page.locator('tr[data-organ="测试区新局"] td:nth-child(7)');
		expect(await merged.textContent()).toContain('测试区新局简称');
		expect(await merged.textContent()).toContain('测试区旧局');
		await screenshot(page, 'admin-organs');
		await ctx.close();
	});

	it('refuses the organ admin page and its actions to an inspector', async () => {
		await expectRefused(browser(), 'inspector', '/admin/organs', {
			url: '/admin/organs?/merge',
			form: { fromId: '1', intoId: '2' }
		});
	});
});
