import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { sampleVariant, uploadOnImportPage, uploadSamples } from './uploads';
import { screenshot, browserForSuite, pageAs } from './browser';
import { expectRefused } from './refusals';

const browser = browserForSuite();

describe('import from the browser', () => {
	it('imports several files and a zip with a corrupt entry; the same bytes again are duplicates', async () => {
		const { ctx, page } = await pageAs(browser(), 'inspector');
		const zip = Buffer.from(
			zipSync({
				'a/甲.txt': new Uint8Array(sampleVariant('测试区教育局', 2023)),
				'a/乙.txt': new Uint8Array(sampleVariant('测试区教育局', 2024)),
				'a/坏.pdf': new Uint8Array(Buffer.from('%PDF-1.4 this is not really a pdf'))
			})
		);
		const rows = await uploadOnImportPage(page, [
			{ name: '教育局2022.txt', buffer: sampleVariant('测试区教育局', 2022) },
			{ name: 'batch.zip', buffer: zip }
		]);
		expect(await rows.count()).toBe(4);
		const statuses = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')));
		expect(statuses.filter((s) => s?.startsWith('imported'))).toHaveLength(3);
		expect(statuses.filter((s) => s === 'refused')).toHaveLength(1);
		const refusedText = await page.locator('[data-testid=import-results] tr[data-status=refused]').textContent();
		expect(refusedText).toContain('坏.pdf');
		// every imported row links to its report
		const links = await page
			.locator('[data-testid=import-results] a')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(links.filter((h) => /^\/organs\/\d+\/(2022|2023|2024)$/.test(h ?? ''))).toHaveLength(3);
		await screenshot(page, 'import-results');

		const again = await uploadSamples(page, [['教育局2022.txt', '测试区教育局', 2022]]);
		expect(await again.first().getAttribute('data-status')).toBe('duplicate');
		await ctx.close();
	});

	it("refuses a clerk's upload of another organ's report, with the reason, and imports its own", async () => {
		const { ctx, page } = await pageAs(browser(), 'clerk');
		const rows = await uploadSamples(page, [
			['别的单位.txt', '测试区卫生健康局', 2023],
			['本单位2023.txt', '株洲市天元區科工信局', 2023]
		]);
		const other = rows.nth(0);
		expect(await other.getAttribute('data-status')).toBe('refused');
		expect(await other.textContent()).toMatch(/联络员|本单位/);
		expect(await rows.nth(1).getAttribute('data-status')).toMatch(/^imported/);
		await ctx.close();
	});

	it('refuses an upload over the configured size with a message, not a bare 413 page', async () => {
		const { ctx, page } = await pageAs(browser(), 'inspector');
		await page.goto('/import');
		// the e2e server runs with IMPORT_MAX_ZIP_MB=30 and no adapter body limit: our own check must answer
		const res = await page.request.post('/import?/upload', {
			multipart: {
				files: { name: 'huge.zip', mimeType: 'application/zip', buffer: Buffer.alloc(32 * 1024 * 1024, 7) }
			},
			headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
		});
		expect(res.status()).toBe(413);
		expect(await res.text()).toContain('上传内容超过上限 30 MB');
		await ctx.close();
	});

	it('refuses the import page to a leader', async () => {
		await expectRefused(browser(), 'leader', '/import', {
			url: '/import?/upload',
			multipart: { files: { name: 'x.txt', mimeType: 'text/plain', buffer: sampleVariant('测试区教育局', 2020) } }
		});
	});
});
