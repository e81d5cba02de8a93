// The roster in the browser: a clerk's upload never creates an organ; unknown organs from an inspector's import
// wait in the pending queue, which is worked through with the keyboard alone; a merged organ's id redirects.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { uploadSamples } from './uploads';
import { browserForSuite, pageAs } from './browser';

/** Screenshots for people to look at (SHOTS_DIR, else test-results/screenshots), at a laptop's and a phone's size. */
const SHOTS = process.env.SHOTS_DIR ?? join(process.cwd(), 'test-results', 'screenshots');
const SIZES = [
	{ width: 1366, height: 768 },
	{ width: 390, height: 844 }
];

const browser = browserForSuite();

async function shoot(role: 'admin' | 'inspector', path: string, name: string) {
	mkdirSync(SHOTS, { recursive: true });
	for (const viewport of SIZES) {
		const { ctx, page } = await pageAs(browser(), role);
		await page.setViewportSize(viewport);
		await page.goto(path);
		await page.screenshot({ path: join(SHOTS, `${name}-${viewport.width}x${viewport.height}.png`), fullPage: false });
		await ctx.close();
	}
}

/** Presses Tab until the focus is inside `inside` (and, if given, on an element matching `on`); fails after `max`. */
async function tabInto(page: Page, inside: string, on = '*', max = 400): Promise<void> {
	for (let i = 0; i < max; i++) {
		const there = await page.evaluate(
			([a, b]) => {
				const el = document.activeElement;
				return !!el && !!el.closest(a) && el.matches(b);
			},
			[inside, on] as const
		);
		if (there) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${inside} ${on}`);
}

describe('the roster in the browser', () => {
	it('refuses a clerk a report of an unknown organ, with the reason, creating nothing', async () => {
		const { ctx, page } = await pageAs(browser(), 'clerk');
		const rows = await uploadSamples(page, [['陌生单位.txt', '清河市审计局', 2023]]);
		expect(await rows.first().getAttribute('data-status')).toBe('refused');
		expect(await rows.first().textContent()).toContain('尚未登记');
		await ctx.close();
		const { ctx: admin, page: p } = await pageAs(browser(), 'admin');
		await p.goto('/admin/organs');
		expect(await p.textContent('[data-testid=organ-admin]')).not.toContain('清河市审计局');
		await p.goto('/admin/organs/pending');
		expect(await p.textContent('main')).not.toContain('清河市审计局');
		await admin.close();
	});

	it('keeps unknown organs pending, and the queue is worked through with the keyboard; the merged id redirects', async () => {
		const { ctx, page } = await pageAs(browser(), 'inspector');
		const rows = await uploadSamples(page, [
			['教肓局2021.txt', '云溪区教肓局', 2021],
			['市政府2023.txt', '清河市人民政府', 2023]
		]);
		expect(await page.locator('[data-testid=pending-organ]').count()).toBe(2);
		expect(await page.textContent('[data-testid=pending-note]')).toContain('待确认');
		const typoHref = await rows.filter({ hasText: '云溪区教肓局' }).locator('a').getAttribute('href');
		const typoId = Number(typoHref!.split('/')[2]);

		await shoot('inspector', '/admin/organs/pending', 'organs-pending');
		await shoot('admin', '/admin/organs', 'organs');

		await page.goto('/admin/organs/pending');
		const typo = 'li[data-organ="云溪区教肓局"]';
		// The closest roster name is offered first, already chosen.
		expect(await page.locator(`${typo} label.choice`).first().textContent()).toContain('云溪区教育局');
		const eduId = Number(await page.locator(`${typo} input[name=targetId]`).first().getAttribute('value'));
		await tabInto(page, typo, 'input[name=targetId]');
		expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
		await tabInto(page, typo, 'button[formaction="?/assign"]', 10);
		await page.keyboard.press('Enter');
		await page.waitForSelector('text=作为“云溪区教育局”的别名');
		expect(await page.locator(typo).count()).toBe(0);
		// The queue moved on: the focus is on the next organ's first choice, not back at the top of the page.
		expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid=pending-queue]'))).toBe(true);

		const city = 'li[data-organ="清河市人民政府"]';
		// Three characters from 云溪区人民政府 is no near miss: nothing is chosen for Enter to merge by accident.
		expect(await page.locator(`${city} input[name=targetId]:checked`).count()).toBe(0);
		await tabInto(page, city, 'button[formaction="?/outside"]');
		await page.keyboard.press('Enter');
		await page.waitForSelector('text=已将“清河市人民政府”标记为区外单位');
		expect(await page.locator(city).count()).toBe(0);

		// The typo's id now lives on as the bureau's: 301 for the page, JSON saying where for the API.
		const res = await page.request.get(`/organs/${typoId}/2021`, { maxRedirects: 0 });
		expect(res.status()).toBe(301);
		expect(res.headers()['location']).toBe(`/organs/${eduId}/2021`);
		const api = await page.request.get(`/api/organs/${typoId}/reports/2021`, { maxRedirects: 0 });
		expect(api.status()).toBe(301);
		expect(await api.json()).toMatchObject({ mergedInto: eduId, location: `/api/organs/${eduId}/reports/2021` });
		await page.goto(`/organs/${typoId}`);
		expect(new URL(page.url()).pathname).toBe(`/organs/${eduId}`);
		expect(await page.textContent('main')).toContain('2021');
		await ctx.close();
	});
});
