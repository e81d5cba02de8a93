// /findings in the browser: an inspector dismisses a warning with a note (a plain form post), and the decision holds
// when the same file is imported again.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { screenshot, browserForSuite, pageAs } from './browser';
import { expectRefused } from './refusals';
import { generateTruth } from '../../src/lib/generator/district';
import { renderReport } from '../helpers/report-files';
import { uploadOnImportPage } from './uploads';
import { copiedPair } from '../helpers/copied-pair';

const browser = browserForSuite();

const ORGAN = '复核测试区档案局';

/** Two years of one organ; the later one's section 2 stock does not carry over (X4, a warning). */
function files(): { name: string; buffer: Buffer }[] {
	const t = generateTruth({ organs: 2, years: [2022, 2023], seed: 'findings-e2e', errorRate: 0 });
	return t.reports
		.filter((r) => r.organ_id.endsWith('-zrzy'))
		.map((r) => {
			const m = structuredClone(r.report);
			m.title = m.title.replace(m.organ, ORGAN);
			m.sections['1'] = m.sections['1']!.replaceAll(m.organ, ORGAN);
			m.organ = ORGAN;
			if (m.year === 2023) m.proactive.normative_docs.in_force = (m.proactive.normative_docs.in_force as number) + 5;
			return { name: `档案局${m.year}.txt`, buffer: Buffer.from(renderReport(m)) };
		});
}

/** Uploads plain-text files on /import; each row's import status. */
async function upload(page: Page, list: { name: string; buffer: Buffer }[]) {
	const rows = await uploadOnImportPage(
		page,
		list.map((f) => ({ ...f, mimeType: 'text/plain' }))
	);
	return rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')));
}

const rowOf = (page: Page) => page.locator(`[data-testid=findings] tbody tr[data-rule=X4]`, { hasText: ORGAN });

describe('/findings', () => {
	it('an inspector dismisses a warning with a note; it stays dismissed after re-importing the same file', async () => {
		const { ctx, page } = await pageAs(browser(), 'inspector');
		const list = files();
		expect((await upload(page, list)).every((s) => s?.startsWith('imported'))).toBe(true);

		await page.goto('/findings?rule=X4');
		await expect.poll(() => rowOf(page).count()).toBe(1);
		// The row links to the report page at the cells.
		const href = await rowOf(page).locator('a').first().getAttribute('href');
		expect(href).toMatch(/^\/organs\/\d+\/2023\?cell=proactive\.normative_docs\.in_force$/);

		await rowOf(page).locator('input[name=key]').check();
		await page.check('input[name=reason][value=false_positive]');
		await page.fill('textarea[name=note]', '已核实：该局规范性文件统计口径调整');
		await page.click('button[name=status][value=dismissed]');
		await page.waitForSelector('[role=status]');
		expect(await page.locator('[role=status]').textContent()).toContain('已排除 1 条');
		await page.goto('/findings?rule=X4');
		expect(await rowOf(page).count()).toBe(0);
		await page.goto('/findings?rule=X4&status=dismissed');
		expect(await rowOf(page).textContent()).toContain('统计口径调整');
		expect(await rowOf(page).textContent()).toContain('误报');

		// The same file again: a duplicate, and the decision holds.
		expect(
			await upload(
				page,
				list.filter((f) => f.name.includes('2023'))
			)
		).toEqual(['duplicate']);
		await page.goto('/findings?rule=X4');
		expect(await rowOf(page).count()).toBe(0);
		await page.goto('/findings?rule=X4&status=dismissed');
		expect(await rowOf(page).count()).toBe(1);

		// Screenshots of the list for a human to look at (test-results/screenshots).
		const dir = join(process.cwd(), 'test-results', 'screenshots');
		mkdirSync(dir, { recursive: true });
		await page.goto('/findings');
		for (const [w, h] of [
			[1366, 768],
			[390, 844]
		]) {
			await page.setViewportSize({ width: w, height: h });
			await page.screenshot({ path: join(dir, `findings-${w}x${h}.png`) });
		}
		await screenshot(page, 'findings');
		await ctx.close();
	});

	it('works without JavaScript: the bulk form confirms', async () => {
		const { ctx, page } = await pageAs(browser(), 'inspector', { javaScriptEnabled: false });
		await page.goto('/findings?rule=X4&status=dismissed');
		await rowOf(page).locator('input[name=key]').check();
		await page.fill('textarea[name=note]', '复核改为确认');
		await Promise.all([page.waitForNavigation(), page.click('button[name=status][value=confirmed]')]);
		expect(await page.locator('[role=status]').textContent()).toContain('已确认 1 条');
		await page.goto('/findings?rule=X4&status=confirmed');
		expect(await rowOf(page).textContent()).toContain('复核改为确认');
		await ctx.close();
	});

	it('the report page shows a copy from another organ beside its own findings, the other side one click away', async () => {
		const { mine, theirs } = copiedPair('findings-e2e-copy', '抄袭测试区');
		const { ctx, page } = await pageAs(browser(), 'inspector');
		const statuses = await upload(page, [
			{ name: 'theirs.txt', buffer: Buffer.from(renderReport(theirs)) },
			{ name: 'mine.txt', buffer: Buffer.from(renderReport(mine)) }
		]);
		expect(statuses.every((s) => s?.startsWith('imported'))).toBe(true);
		const href = await page
			.locator('[data-testid=import-results] tbody tr', { hasText: 'mine.txt' })
			.locator('a')
			.first()
			.getAttribute('href');
		await page.goto(href!);
		const item = page.locator('[data-testid=cross-findings] li[data-rule=X6]');
		expect(await item.textContent()).toContain(theirs.organ);
		await item.locator('summary').click();
		expect(await item.locator('mark').count()).toBeGreaterThan(1);
		await page.setViewportSize({ width: 1366, height: 768 });
		await screenshot(page, 'report-cross-findings');
		const here = new URL(page.url()).pathname;
		await Promise.all([
			page.waitForURL((u) => u.pathname !== here && /^\/organs\/\d+\/2023$/.test(u.pathname)),
			item.locator('[data-testid=other-side]').click()
		]);
		expect(await page.locator('h1').textContent()).toContain(theirs.organ);
		expect(await page.locator('[data-testid=cross-findings] li[data-rule=X6]').textContent()).toContain(mine.organ);
		await ctx.close();
	});

	it('a leader may not open /findings', async () => {
		await expectRefused(browser(), 'leader', '/findings');
	});
});
