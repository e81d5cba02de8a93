import { describe, expect, it } from 'vitest';
import { anonymousContext, login, screenshot, browserForSuite, pageAs } from './browser';
import { expectRefused } from './refusals';
import { freshUser } from './http';

const browser = browserForSuite();

describe('login and roles', () => {
	it('redirects an anonymous visit to the login page, keeping where it was going', async () => {
		const ctx = await anonymousContext(browser());
		const page = await ctx.newPage();
		await page.goto('/admin/users');
		const url = new URL(page.url());
		expect(url.pathname).toBe('/login');
		expect(url.searchParams.get('redirectTo')).toBe('/admin/users');
		expect(await page.textContent('h1')).toContain('政务公开年报督查平台');
		await screenshot(page, 'login');
		await ctx.close();
	});

	it('does not serve the demo sample report as a public file', async () => {
		const ctx = await anonymousContext(browser());
		const res = await ctx.request.get('/demo/tianyuan-kegongxin-2022.txt', { maxRedirects: 0 });
		expect(res.status()).not.toBe(200);
		expect(await res.text()).not.toContain('天元區科工信局');
		await ctx.close();
	});

	const expectedNav: Record<string, { has: string[]; lacks: string[] }> = {
		admin: { has: ['总览', '用户管理'], lacks: [] },
		leader: { has: ['总览'], lacks: ['用户管理'] },
		inspector: { has: ['总览'], lacks: ['用户管理'] },
		clerk: { has: ['本单位报告'], lacks: ['用户管理', '总览'] }
	};
	for (const role of ['admin', 'leader', 'inspector', 'clerk'] as const) {
		it(`${role} logs in and sees the navigation of its role`, async () => {
			const { ctx, page } = await pageAs(browser(), role);
			await page.goto('/');
			const nav = await page.locator('nav[aria-label="主导航"] a').allTextContents();
			for (const item of expectedNav[role].has) expect(nav).toContain(item);
			for (const item of expectedNav[role].lacks) expect(nav).not.toContain(item);
			expect(await page.textContent('[data-testid=current-user]')).toBeTruthy();
			if (role === 'clerk') expect(new URL(page.url()).pathname).toMatch(/^\/organs\/\d+$/);
			await screenshot(page, `home-${role}`);
			await ctx.close();
		});
	}

	it('refuses user management to a leader with a 403 page in Chinese', async () => {
		await expectRefused(browser(), 'leader', '/admin/users', {
			url: '/admin/users?/add',
			form: { username: 'intruder', password: 'intruder-pass', role: 'admin' }
		});
	});

	it("keeps what was typed before the page's scripts started, and signs in with it", async () => {
		// A slow line: the form is filled while the app's scripts are held back; starting them must not clear it
		// (it did: the hydrated value attribute reset the username, and the required field stopped the submit).
		const ctx = await anonymousContext(browser());
		const page = await ctx.newPage();
		let release!: () => void;
		const held = new Promise<void>((r) => (release = r));
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto('/login', { waitUntil: 'domcontentloaded' });
		await page.fill('input[name=username]', 'leader');
		await page.fill('input[name=password]', 'leader-demo');
		release();
		await page.waitForLoadState('networkidle');
		expect(await page.inputValue('input[name=username]')).toBe('leader');
		await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('button[type=submit]')]);
		expect(new URL(page.url()).pathname).toBe('/');
		await ctx.close();
	});

	it('shows a Chinese error for a wrong password', async () => {
		const ctx = await anonymousContext(browser());
		const page = await ctx.newPage();
		await page.goto('/login');
		await page.fill('input[name=username]', 'inspector');
		await page.fill('input[name=password]', 'wrong-password');
		await page.click('button[type=submit]');
		await page.waitForSelector('[role=alert]');
		expect(await page.textContent('[role=alert]')).toBe('用户名或密码错误');
		await ctx.close();
	});

	it('logout ends the session: the old cookie no longer works', async () => {
		const ctx = await anonymousContext(browser());
		const page = await ctx.newPage();
		// its own user: logout ends every session of the user, and the demo admin's saved login must survive
		const name = `logout-${Date.now().toString(36)}`;
		await freshUser(name, 'inspector');
		await login(page, name, `${name}-pass-1`);
		const cookies = await ctx.cookies();
		const session = cookies.find((c) => c.name === 'dw_session');
		expect(session?.httpOnly).toBe(true);
		await Promise.all([page.waitForURL(/\/login/), page.click('text=退出登录')]);
		// replay the old cookie in a fresh context
		const replay = await anonymousContext(browser());
		await replay.addCookies([session!]);
		const p2 = await replay.newPage();
		await p2.goto('/admin/users');
		expect(new URL(p2.url()).pathname).toBe('/login');
		await replay.close();
		await ctx.close();
	});
});
