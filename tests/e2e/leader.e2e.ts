// The leader's five-second view (issue 18): the headline row in the first screen with links to its evidence, the
// page on a phone and on paper, rankings that name their period and match the generated truth, the page weight on
// the wire, and chart data as a workbook Excel opens with numbers and percentages.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { baseURL, contextAs, browserForSuite, pageAs } from './browser';

/** The dashboard over the wire, compressed: the HTML a leader's browser downloads for `/`. */
const DASHBOARD_MAX_BYTES = 250 * 1024;

interface TruthFile {
	organ_id: string;
	year: number | null;
	applications: { rows: Record<string, (number | null)[] | undefined> };
}
interface Truth {
	organs: { id: string; names: { name: string }[] }[];
	files: TruthFile[];
}

const browser = browserForSuite();
let truth: Truth;
beforeAll(async () => {
	truth = JSON.parse(readFileSync(join(inject('dataDir'), 'demo-truth.json'), 'utf8'));
});

async function open(
	role: 'leader' | 'inspector',
	viewport: { width: number; height: number }
): Promise<{ ctx: BrowserContext; page: Page }> {
	const { ctx, page } = await pageAs(browser(), role);
	await page.setViewportSize(viewport);
	return { ctx, page };
}

async function chartsDrawn(page: Page) {
	await page.waitForFunction(
		() => document.querySelectorAll('[data-chart]').length > 0 && document.querySelectorAll('.pending').length === 0,
		null,
		{
			timeout: 30_000
		}
	);
}

/** A report page of the seeded district: the first organ's newest year. */
async function reportPath(page: Page): Promise<string> {
	const list = await (await page.request.get('/charts/rankings')).json();
	return `/organs/${list.data.measures.applications[0].organ.id}/${list.data.year}`;
}

/** New applications (本年新收 总计) per current organ name over the years, summed from the generator's truth. */
function truthApplications(from: number, to: number): Map<string, number> {
	const name = new Map(truth.organs.map((o) => [o.id, o.names[o.names.length - 1].name]));
	const out = new Map<string, number>();
	for (const f of truth.files)
		if (f.year !== null && f.year >= from && f.year <= to) {
			const n = name.get(f.organ_id)!;
			out.set(n, (out.get(n) ?? 0) + (f.applications.rows.new?.[6] ?? 0));
		}
	return out;
}

describe("the leader's view", () => {
	it('shows the headline row in the first screen at 1366×768, each item a link to its evidence', async () => {
		const { ctx, page } = await open('leader', { width: 1366, height: 768 });
		await page.goto('/');
		const row = page.locator('[data-testid=headline]');
		const box = (await row.boundingBox())!;
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.y + box.height).toBeLessThanOrEqual(768);
		const ids = ['applications', 'open-rate', 'correction-rate', 'late', 'silent'];
		for (const id of ids) {
			const item = page.locator(`[data-testid=headline-${id}]`);
			expect(await item.textContent(), id).toMatch(/\d/);
			const href = (await item.getAttribute('href'))!;
			// Each figure links to the card that holds its evidence, on this page.
			expect(href, id).toMatch(/^#chart-[a-z]+$/);
			expect(await page.locator(href).count(), id).toBe(1);
		}
		const links = page.locator('[data-testid=headline-attention] li a');
		const n = await links.count();
		expect(n).toBeGreaterThan(0);
		expect(n).toBeLessThanOrEqual(3);
		for (let i = 0; i < n; i++) {
			const href = (await links.nth(i).getAttribute('href'))!;
			expect(href).toMatch(/^\/organs\/\d+(\/\d{4})?$/);
			expect((await page.request.get(href)).status(), href).toBe(200);
		}
		// The headline's figure is the volume chart's last year.
		const volume = await (await page.request.get('/charts/volume')).json();
		const last = volume.data.total[volume.data.total.length - 1] as number;
		expect(await page.locator('[data-testid=headline-applications] strong').textContent()).toContain(
			last.toLocaleString('zh-CN')
		);
		await page.screenshot({ path: join(process.cwd(), 'test-results', 'screenshots', 'leader-1366.png') });
		await ctx.close();
	});

	it('fits a 390×844 phone: no page wider than the viewport on /, /organs and a report page; the menu opens', async () => {
		const { ctx, page } = await open('inspector', { width: 390, height: 844 });
		for (const path of ['/', '/organs', await reportPath(page)]) {
			await page.goto(path);
			if (path === '/') await chartsDrawn(page);
			await page.waitForLoadState('networkidle');
			const { sw, cw } = await page.evaluate(() => ({
				sw: document.documentElement.scrollWidth,
				cw: document.documentElement.clientWidth
			}));
			expect(sw, path).toBe(cw);
			expect(cw).toBe(390);
		}
		// The header folds into a menu: the navigation is hidden until the button opens it.
		const nav = page.locator('nav[aria-label=主导航]');
		expect(await nav.isVisible()).toBe(false);
		await page.click('header button[aria-controls=main-nav]');
		expect(await nav.isVisible()).toBe(true);
		await ctx.close();
	});

	it('prints without the navigation and the filters, on the dashboard and the report page', async () => {
		const { ctx, page } = await open('inspector', { width: 1366, height: 768 });
		for (const path of ['/', await reportPath(page)]) {
			await page.goto(path);
			await page.emulateMedia({ media: 'screen' });
			expect(await page.locator('nav[aria-label=主导航]').isVisible(), path).toBe(true);
			await page.emulateMedia({ media: 'print' });
			expect(await page.locator('nav[aria-label=主导航]').isVisible(), path).toBe(false);
			if (path === '/') expect(await page.locator('form.filters').isVisible()).toBe(false);
		}
		await ctx.close();
	});

	it("names the rankings' period and its figures equal the generated truth for that period", async () => {
		const { ctx, page } = await open('leader', { width: 1366, height: 768 });
		// The generated years (other test files may import a report of another year into the same database).
		const years = truth.files.map((f) => f.year).filter((y): y is number => y !== null);
		const [first, last] = [Math.min(...years), Math.max(...years)];
		const filter = `?from=${first}&to=${last}`;
		for (const [query, from, to, label] of [
			['', last, last, `${last}年`],
			['&rank=range', first, last, `${first}—${last}年`],
			[`&rank=${first}`, first, first, `${first}年`]
		] as const) {
			await page.goto(`/${filter}${query}`);
			expect(await page.textContent('[data-testid=rank-period] strong'), query).toBe(label);
			await page.click('[data-chart="rankings"] summary');
			const rows = await page
				.locator('[data-chart="rankings"] table tbody tr')
				.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
			const expected = truthApplications(from, to);
			let checked = 0;
			for (const [name, apps] of rows) {
				if (!expected.has(name)) continue; // the real sample report's organ is not generated
				expect(Number(apps.replace(/,/g, '')), `${name} ${label}`).toBe(expected.get(name));
				checked++;
			}
			expect(checked, label).toBeGreaterThan(0);
			// The chart's title says the period too.
			await chartsDrawn(page);
			expect(await page.locator('[data-panel="rankings-applications"] .live svg').textContent()).toContain(
				`${label}新收申请最多的单位`
			);
		}
		await ctx.close();
	});

	it(`sends the dashboard compressed, under ${DASHBOARD_MAX_BYTES / 1024} KB on the wire`, async () => {
		const ctx = await contextAs(browser(), 'leader');
		const cookie = (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
		const res = await new Promise<{ encoding: string | undefined; bytes: number; status: number }>(
			(resolve, reject) => {
				const req = httpRequest(
					`${baseURL()}/?rank=range`,
					{ headers: { cookie, 'accept-encoding': 'gzip, deflate, br' } },
					(r) => {
						let bytes = 0;
						r.on('data', (c: Buffer) => (bytes += c.length));
						r.on('end', () => resolve({ encoding: r.headers['content-encoding'], bytes, status: r.statusCode ?? 0 }));
					}
				);
				req.on('error', reject);
				req.end();
			}
		);
		expect(res.status).toBe(200);
		expect(res.encoding).toBe('br');
		expect(res.bytes).toBeGreaterThan(1000);
		expect(res.bytes).toBeLessThanOrEqual(DASHBOARD_MAX_BYTES);
		await ctx.close();
	});

	it('exports a chart as an .xlsx with numbers as numbers, percentage formats and a Chinese file name', async () => {
		const { ctx, page } = await pageAs(browser(), 'inspector');
		const json = await (await page.request.get('/charts/outcomes')).json();
		const last = json.data.years[json.data.years.length - 1];
		const res = await page.request.get(`/charts/outcomes?from=${last}&to=${last}&format=xlsx`);
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toContain('spreadsheetml');
		expect(res.headers()['content-disposition']).toContain(
			`filename*=UTF-8''${encodeURIComponent(`${last}年办理结果.xlsx`)}`
		);
		const { default: ExcelJS } = await import('exceljs');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
		const ws = wb.worksheets[0];
		expect(String(ws.getCell(1, 1).value)).toContain('办理结果');
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
		const head = (ws.getRow(2).values as unknown[]).slice(1).map(String);
		const year = ws.getRow(3);
		expect(year.getCell(1).value).toBe(last);
		const countCol = head.indexOf('予以公开（件）') + 1;
		const shareCol = head.indexOf('予以公开占比') + 1;
		expect(countCol * shareCol).toBeGreaterThan(0);
		expect(typeof year.getCell(countCol).value).toBe('number');
		expect(year.getCell(countCol).value).toBe(json.data.counts.granted[json.data.years.length - 1]);
		expect(typeof year.getCell(shareCol).value).toBe('number');
		expect(year.getCell(shareCol).numFmt).toContain('%');
		// The CSV keeps its BOM and the same Chinese name.
		const csv = await page.request.get(`/charts/outcomes?from=${last}&to=${last}&format=csv`);
		expect((await csv.text()).charCodeAt(0)).toBe(0xfeff);
		expect(csv.headers()['content-disposition']).toContain(encodeURIComponent(`${last}年办理结果.csv`));
		await ctx.close();
	});
});
