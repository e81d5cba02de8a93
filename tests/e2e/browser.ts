import {
	chromium,
	type Browser,
	type BrowserContext,
	type BrowserContextOptions,
	type Locator,
	type Page
} from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

export function launch(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** One browser for a spec file: launched before its tests, closed after them. Call the getter inside tests and hooks. */
export function browserForSuite(): () => Browser {
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(async () => {
		await browser?.close();
	});
	return () => browser!;
}

export const baseURL = () => inject('baseURL');

export type DemoRole = 'admin' | 'leader' | 'inspector' | 'clerk';

/** A context signed in as the role's demo account, from the login saved once in global setup; `options` add to it
 * (e.g. `{ javaScriptEnabled: false }` for the progressive-enhancement tests). */
export function contextAs(
	browser: Browser,
	role: DemoRole,
	options: BrowserContextOptions = {}
): Promise<BrowserContext> {
	return browser.newContext({
		baseURL: baseURL(),
		storageState: inject('storageStates')[role],
		locale: 'zh-CN',
		...options
	});
}

/** A page in a new context signed in as the role; close the context when done. */
export async function pageAs(browser: Browser, role: DemoRole, options: BrowserContextOptions = {}) {
	const ctx = await contextAs(browser, role, options);
	return { ctx, page: await ctx.newPage() };
}

export function anonymousContext(browser: Browser): Promise<BrowserContext> {
	return browser.newContext({ baseURL: baseURL(), locale: 'zh-CN' });
}

/** Saves a full-page screenshot under test-results/screenshots for a human to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
	const dir = join(process.cwd(), 'test-results', 'screenshots');
	mkdirSync(dir, { recursive: true });
	const path = join(dir, `${name}.png`);
	await page.screenshot({ path, fullPage: true });
	return path;
}

/** Fills a form's fields by name: a select picks the option with that value, other fields are typed into. */
export async function fillFields(form: Locator, fields: Record<string, string>): Promise<void> {
	for (const [name, value] of Object.entries(fields)) {
		const field = form.locator(`[name="${name}"]`);
		if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
		else await field.fill(value);
	}
}

/** Fills a form's fields by name (see fillFields) and clicks its submit button. */
export async function submitForm(form: Locator, fields: Record<string, string>): Promise<void> {
	await fillFields(form, fields);
	await form.locator('button[type=submit]').click();
}

export async function login(page: Page, username: string, password: string): Promise<void> {
	await page.goto('/login');
	await page.fill('input[name=username]', username);
	await page.fill('input[name=password]', password);
	await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('button[type=submit]')]);
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		dbPath: string;
		dataDir: string;
		storageStates: Record<DemoRole, string>;
		/** The app server's process id (its RSS is read from /proc in the hardening tests). */
		serverPid: number;
	}
}
