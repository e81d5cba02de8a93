// The leaders' dashboard in a real browser against the seeded district: every chart drawn with Chinese text, the
// URL filters changing the figures, a click through to an organ's year, and a clerk kept out.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, browserForSuite, pageAs } from './browser';

const CHART_IDS = ['volume', 'outcomes', 'refusals', 'review', 'updates', 'fees', 'quality', 'rankings'];

const browser = browserForSuite();

/** Waits until every chart's placeholder has been replaced by a live ECharts instance. */
async function hydrated(page: Page) {
	await page.waitForFunction(
		() => document.querySelectorAll('[data-chart]').length > 0 && document.querySelectorAll('.pending').length === 0,
		null,
		{
			timeout: 30_000
		}
	);
}

describe('dashboard', () => {
	it('shows every chart to a leader, drawn in the browser from data sent once, with Chinese labels', async () => {
		const { ctx, page } = await pageAs(browser(), 'leader');
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(String(e)));
		// Without JavaScript: every card, its table and the headline row; the chart data once, no SVG copy of it.
		const raw = await (await page.request.get('/')).text();
		for (const id of CHART_IDS) expect(raw, id).toContain(`data-chart="${id}"`);
		expect(raw).toContain('data-testid="headline"');
		expect(raw).not.toMatch(/<svg[^>]*viewBox/);

		await page.goto('/');
		await hydrated(page);
		for (const id of CHART_IDS) {
			const card = page.locator(`[data-chart="${id}"]`);
			expect(await card.locator('h2').textContent()).toMatch(/[\u4e00-\u9fff]/);
			const text = await card.locator('.live svg').first().textContent();
			expect(text, id).toMatch(/[\u4e00-\u9fff]{2,}/);
		}
		const all = await page.locator('.live svg').allTextContents();
		const joined = all.join(' ');
		for (const label of [
			'申请数（件）',
			'自然人',
			'占比（%）',
			'予以公开',
			'纠错率（%）',
			'每月发布条数',
			'按时发布',
			'新收申请最多的单位',
			'样本不足'
		])
			expect(joined, label).toContain(label);
		expect(errors).toEqual([]);
		await screenshot(page, 'dashboard-leader');
		await ctx.close();
	});

	it('keeps the filters in the URL and the figures follow them', async () => {
		const { ctx, page } = await pageAs(browser(), 'leader');
		const all = await (await page.request.get('/charts/volume')).json();
		const years: number[] = all.data.years;
		const last = years[years.length - 1];
		const one = await (await page.request.get(`/charts/volume?from=${last}&to=${last}`)).json();
		expect(one.data.years).toEqual([last]);
		expect(one.data.total[0]).toBe(all.data.total[years.length - 1]);

		await page.goto('/');
		await hydrated(page);
		const scopeAll = await page.textContent('[data-testid=scope]');
		const reportsAll = all.data.reports.reduce((a: number, b: number) => a + b, 0);
		expect(scopeAll).toContain(`共${reportsAll}份年报`);
		// Changing a select submits the form: the URL carries the filter and the page shows other figures.
		await Promise.all([
			page.waitForURL((u) => u.searchParams.get('from') === String(last)),
			page.selectOption('select[name=from]', String(last))
		]);
		await hydrated(page);
		expect(new URL(page.url()).searchParams.get('from')).toBe(String(last));
		const scopeOne = await page.textContent('[data-testid=scope]');
		expect(scopeOne).toContain(`${last}年 ·`);
		expect(scopeOne).not.toContain('—');
		expect(scopeOne).toContain(`共${one.data.reports[0]}份年报`);
		expect(scopeOne).not.toBe(scopeAll);
		// The table under the chart shows the filtered figure.
		await page.click('[data-chart="volume"] summary');
		const cells = await page.locator('[data-chart="volume"] table tbody tr').first().locator('td').allTextContents();
		expect(cells[0]).toBe(String(last));
		expect(cells[7]).toBe(one.data.total[0].toLocaleString('zh-CN'));

		// A shared link reproduces the view, kind filter included.
		await page.goto('/?kind=township');
		await hydrated(page);
		expect(await page.textContent('[data-testid=scope]')).toContain('街道、乡镇');
		const town = await (await page.request.get('/charts/volume?kind=township')).json();
		expect(town.data.total.reduce((a: number, b: number) => a + b, 0)).toBeLessThan(
			all.data.total.reduce((a: number, b: number) => a + b, 0)
		);
		await screenshot(page, 'dashboard-township');
		await ctx.close();
	});

	it("opens an organ's year from a ranking bar and from a table row", async () => {
		const { ctx, page } = await pageAs(browser(), 'leader');
		await page.goto('/');
		await hydrated(page);
		const rank = await (await page.request.get('/charts/rankings')).json();
		const top = rank.data.measures.applications[0];
		const year = rank.data.year;
		// The first bar from the top of the chart is the organ with the most applications.
		const bars = page.locator('[data-panel="rankings-applications"] .live svg path[fill="#1f4e79"]');
		const boxes = await bars.evaluateAll((els) =>
			els.map((e) => (e as SVGGraphicsElement).getBBox()).map((b) => ({ y: b.y, h: b.height, w: b.width }))
		);
		const topIndex = boxes.reduce(
			(best, b, i) => (b.h > 4 && b.w > 1 && (best < 0 || b.y < boxes[best].y) ? i : best),
			-1
		);
		expect(topIndex).toBeGreaterThanOrEqual(0);
		await Promise.all([page.waitForURL(/\/organs\/\d+\/\d{4}$/), bars.nth(topIndex).click()]);
		expect(new URL(page.url()).pathname).toBe(`/organs/${top.organ.id}/${year}`);

		await page.goto('/');
		await hydrated(page);
		await page.click('[data-chart="rankings"] summary');
		const link = page.locator('[data-chart="rankings"] table tbody tr a').first();
		const href = await link.getAttribute('href');
		expect(href).toMatch(new RegExp(`^/organs/\\d+/${year}$`));
		await Promise.all([page.waitForURL((u) => u.pathname === href), link.click()]);
		await ctx.close();
	});

	it("offers each chart's data as CSV", async () => {
		const { ctx, page } = await pageAs(browser(), 'inspector');
		for (const id of CHART_IDS) {
			const res = await page.request.get(`/charts/${id}?format=csv`);
			expect(res.status(), id).toBe(200);
			expect(res.headers()['content-type']).toContain('text/csv');
			const body = await res.text();
			expect(body.charCodeAt(0)).toBe(0xfeff);
			expect(body).toMatch(/[\u4e00-\u9fff]/);
		}
		expect((await page.request.get('/charts/nonsense')).status()).toBe(404);
		await ctx.close();
	});

	it('keeps a clerk out of the district view and its data', async () => {
		const { ctx, page } = await pageAs(browser(), 'clerk');
		await page.goto('/');
		expect(new URL(page.url()).pathname).toMatch(/^\/organs\/\d+$/);
		expect(await page.locator('[data-chart]').count()).toBe(0);
		expect((await page.request.get('/charts/volume', { maxRedirects: 0 })).status()).toBe(403);
		expect((await page.request.get('/charts/rankings?format=csv', { maxRedirects: 0 })).status()).toBe(403);
		await ctx.close();
	});
});
