// /admin/sources in a real browser against a local portal on 127.0.0.1: add a column by form and one by CSV, run
// the crawl, see the run and the broken source; import a saved listing page; the page closed to non-admins.
import { describe, expect, it } from 'vitest';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { screenshot, browserForSuite, pageAs, submitForm } from './browser';
import { expectRefused } from './refusals';
import { localServerForSuite } from '../helpers/local-server';

const items = (p: number) =>
	[0, 1, 2]
		.map((i) => {
			const d = String(20 - p * 5 - i).padStart(2, '0');
			return `<li><a href="./202405/t202405${d}_${p}${i}.html" title="抓取测试局第${p * 3 + i + 1}号通知">抓取测试局第${p * 3 + i + 1}号通知</a><span>2024-05-${d}</span></li>`;
		})
		.join('');
const listing = (p: number) =>
	`<html><head><meta charset="utf-8"><title>通知公告_抓取测试局</title></head><body><div class="list"><ul>${items(p)}</ul></div><script>createPageHTML(2, ${p}, "index", "html");</script></body></html>`;

const serve: http.RequestListener = (req, res) => {
	if (req.url === '/robots.txt') {
		res.writeHead(200, { 'content-type': 'text/plain' });
		res.end('User-agent: *\nAllow: /\n');
	} else if (req.url === '/col/index.html' || req.url === '/col/index_1.html') {
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.end(listing(req.url.includes('_1') ? 1 : 0));
	} else {
		res.writeHead(500);
		res.end();
	}
};

const browser = browserForSuite();
const portal = localServerForSuite(serve);

describe('column sources', () => {
	it('an admin lists columns, runs the crawl and sees pages, new items and the broken source', async () => {
		const { ctx, page } = await pageAs(browser(), 'admin');
		await page.setViewportSize({ width: 1366, height: 768 });
		await page.goto('/admin/sources');
		expect(await page.locator('nav').textContent()).toContain('栏目抓取');
		const add = page.locator('form[action="?/add"]');
		await submitForm(add, { organ: '抓取测试局', channel: '通知公告', startUrl: `${portal.base}/col/index.html` });
		await page.waitForSelector('text=已添加“抓取测试局 · 通知公告”');

		const csv = `单位,栏目,网址,页数\n抓取测试局,政策文件,${portal.base}/zcwj/index.html,2\n抓取测试局,工作动态,not-a-url,2\n`;
		await page
			.locator('form[action="?/csv"] input[type=file]')
			.setInputFiles({ name: 'sources.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await page.locator('form[action="?/csv"] button[type=submit]').click();
		await page.waitForSelector('text=sources.csv：新增 1 个');
		expect(await page.locator('[role=status]').textContent()).toContain('第3行：网址“not-a-url”无效');
		expect(await page.locator('[data-testid=sources] tbody tr').count()).toBe(2);

		await page.locator('form[action="?/run"] button').click();
		await page.waitForSelector('text=已开始抓取');
		// robots.txt, two pages and the broken column, one second apart per host.
		let runs = '';
		for (let i = 0; i < 40 && !runs.includes('完成'); i++) {
			await page.waitForTimeout(500);
			await page.reload();
			runs = (await page.locator('[data-testid=crawl-runs] tbody').textContent()) ?? '';
		}
		expect(runs).toContain('完成');
		const row = page.locator('[data-testid=crawl-runs] tbody tr').first();
		const cells = await row.locator('td').allTextContents();
		expect(cells.slice(3, 6).map((c) => c.trim())).toEqual(['3', '6', '1']);
		expect(await page.locator('[data-testid=sources] tr[data-status=broken]').textContent()).toContain('HTTP 500');
		expect(await page.locator('[data-testid=sources] tr[data-status=ok]').textContent()).toContain('通知公告');
		await row.locator('summary').click();
		await screenshot(page, 'admin-sources-1366x768');
		await page.setViewportSize({ width: 390, height: 844 });
		await screenshot(page, 'admin-sources-390x844');
		await ctx.close();
	});

	it('imports a saved listing page from the import page into the publication log', async () => {
		const { ctx, page } = await pageAs(browser(), 'inspector');
		await page.goto('/import');
		const form = page.locator('form[action="?/listing"]');
		await form.locator('input[name=organ]').fill('抓取测试局');
		const html = readFileSync('tests/fixtures/listing/trs-list.html');
		await form
			.locator('input[type=file]')
			.setInputFiles({ name: '通知公告.html', mimeType: 'text/html', buffer: html });
		await form.locator('button[type=submit]').click();
		await page.waitForSelector('[data-testid=import-results]');
		const text = (await page.locator('[data-testid=import-results]').textContent()) ?? '';
		expect(text).toContain('通知公告.html');
		expect(text).toContain('新增 6 条');
		await screenshot(page, 'import-listing');
		await ctx.close();
	});

	it('shows the broken column in the update-frequency view, apart from silences', async () => {
		const { ctx, page } = await pageAs(browser(), 'leader');
		const raw = await (await page.request.get('/')).text();
		// Server-painted: the finding names the broken column (its words may wrap across SVG text lines).
		expect(raw).toContain('来源故障');
		await page.goto('/');
		const card = page.locator('[data-chart="updates"]');
		await expect
			.poll(async () => (await card.locator('.live svg').first().textContent()) ?? '')
			.toMatch(/1个栏目来源故障/);
		await card.scrollIntoViewIfNeeded();
		await card.screenshot({ path: 'test-results/screenshots/dashboard-updates-broken.png' });
		await ctx.close();
	});

	it('is closed to everyone but admins', async () => {
		await expectRefused(browser(), 'inspector', '/admin/sources', { url: '/admin/sources?/run', form: {} });
	});
});
