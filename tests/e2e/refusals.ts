// A role refused a page and its form action. The page answers 403 with the Chinese error page; the action is
// posted from that page with its own origin (so the CSRF check passes and the permission guard is what refuses)
// and answers 403 too: a guard on the page alone is not enough.
import { expect } from 'vitest';
import type { APIRequestContext, Browser } from 'playwright-core';
import { contextAs, type DemoRole } from './browser';

type PostOptions = NonNullable<Parameters<APIRequestContext['post']>[1]>;

export interface RefusedAction {
	/** The action's URL, e.g. `/admin/organs?/merge`. */
	url: string;
	form?: PostOptions['form'];
	multipart?: PostOptions['multipart'];
}

export async function expectRefused(browser: Browser, role: DemoRole, path: string, action?: RefusedAction) {
	const ctx = await contextAs(browser, role);
	const page = await ctx.newPage();
	expect((await page.goto(path))?.status()).toBe(403);
	expect(await page.textContent('h1')).toContain('无权访问');
	if (action) {
		const { url, ...body } = action;
		const post = await page.request.post(url, { ...body, headers: { origin: new URL(page.url()).origin } });
		expect(post.status()).toBe(403);
	}
	await ctx.close();
}
