import type { Page } from 'playwright-core';

/** Adds an organ to the roster on /admin/organs as the page's (admin) user, and waits for the confirmation. */
export async function addRosterOrgan(page: Page, name: string): Promise<void> {
	await page.goto('/admin/organs');
	const add = page.locator('form[action="?/add"]');
	await add.locator('input[name=name]').fill(name);
	await add.locator('button[type=submit]').click();
	await page.waitForSelector(`text=已添加单位“${name}”`);
}
