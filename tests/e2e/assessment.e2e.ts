// The quarterly assessment in the browser: an inspector follows a deduction to its evidence, enters a manual
// deduction, closes the quarter and downloads the sheet; the clerk sees only its organ and answers a
// rectification request, which the inspector accepts; a leader reads without controls and is refused on POST.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { readE2eDb } from './e2e-db';
import { screenshot, browserForSuite, pageAs, submitForm } from './browser';

// The e2e district's report years are 2022–2024: 2025Q1 assesses the 2024 reports.
const Q = '2025Q1';

function query<T>(sql: string, ...args: unknown[]): T {
	return readE2eDb((db) => db.prepare(sql).get(...args) as T);
}

const browser = browserForSuite();

const clerkOrgan = () =>
	query<{ organId: number }>("SELECT organ_id AS organId FROM user WHERE username = 'clerk'").organId;

describe('quarterly assessment', () => {
	it('inspector: follows a deduction to its evidence, adds a manual deduction, closes the quarter, downloads the XLSX', async () => {
		const target = query<{ organId: number; rule: string }>(
			"SELECT r.organ_id AS organId, f.rule FROM finding f JOIN report r ON r.id = f.report_id WHERE r.year = 2024 AND f.rule IN ('A1','A2','A3') ORDER BY r.id LIMIT 1"
		);
		expect(target, 'the e2e district has an arithmetic error in a 2024 report').toBeDefined();
		const { ctx, page } = await pageAs(browser(), 'inspector');
		await page.goto('/assessment');
		await page.click(`a[href="/assessment/${Q}"]`);
		await page.waitForSelector('[data-testid=assessment-table]');
		const rows = await page.locator('[data-testid=assessment-table] tbody tr').count();
		// every organ on the roster (the e2e data also holds pending and outside organs, never assessed)
		expect(rows).toBe(query<{ n: number }>("SELECT count(*) AS n FROM organ WHERE status = 'district'").n);
		expect(await page.locator('[data-testid=quarter-status]').textContent()).toBe('未定稿');
		await screenshot(page, 'assessment-quarter');

		await page.click(`[data-testid=assessment-table] tr[data-organ-id="${target.organId}"] td.name a`);
		await page.waitForURL(`**/assessment/${Q}/${target.organId}`);
		const totalBefore = Number(await page.locator('[data-testid=organ-summary] .big').textContent());
		const link = page.locator('[data-indicator="report.accuracy"] [data-testid=evidence-link]').first();
		const href = (await link.getAttribute('href'))!;
		const cell = new URL(href, 'http://x').searchParams.get('cell');
		expect(href).toMatch(new RegExp(`^/organs/${target.organId}/2024\\?cell=`));
		await link.click();
		await page.waitForURL((u) => u.pathname === `/organs/${target.organId}/2024`);
		await expect.poll(() => page.locator('[data-testid=cell-inspector]').getAttribute('data-path')).toBe(cell);
		await page.goBack();
		await page.waitForSelector('[data-testid=entry-form]');

		const form = page.locator('[data-testid=entry-form]');
		await submitForm(form, {
			indicator: 'request.ontime',
			points: '5',
			reason: '抽查发现1件申请逾期答复',
			note: '申请编号 2025-003，超期6个工作日'
		});
		await expect.poll(() => page.locator('[data-testid=form-message]').textContent()).toContain('已录入扣分');
		await expect
			.poll(async () => Number(await page.locator('[data-testid=organ-summary] .big').textContent()))
			.toBe(totalBefore - 5);
		expect(await page.locator('[data-indicator="request.ontime"]').textContent()).toContain('抽查发现1件申请逾期答复');
		await screenshot(page, 'assessment-organ');

		// A rectification request on the clerk's organ: its missing 2024 report costs 按时发布.
		await page.goto(`/assessment/${Q}/${clerkOrgan()}`);
		const item = page.locator('[data-indicator="report.timely"] li[data-item]').first();
		await item.locator('details.ask summary').click();
		await item.locator('input[name=request]').fill('补报2024年度报告并说明逾期原因');
		await item.locator('form button[type=submit]').click();
		await expect.poll(() => page.locator('[data-testid=rectification]').count()).toBe(1);

		await page.goto(`/assessment/${Q}`);
		await page.click('[data-testid=close-quarter]');
		await expect.poll(() => page.locator('[data-testid=quarter-status]').textContent()).toBe('已定稿');
		const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
		expect(download.suggestedFilename()).toMatch(/2025年第一季度政务公开工作考核汇总表\.xlsx$/);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '扣分明细', '问题清单', '图表']);
		expect(String(wb.getWorksheet('汇总')!.getCell('A1').value)).toContain('2025年第一季度政务公开工作考核汇总表');
		const detail = wb.getWorksheet('扣分明细')!;
		expect((detail.getColumn(5).values as unknown[]).includes('抽查发现1件申请逾期答复')).toBe(true);
		await ctx.close();
	});

	it('clerk: sees only its own organ, answers the rectification request; the inspector accepts it', async () => {
		const own = clerkOrgan();
		const other = query<{ id: number }>('SELECT id FROM organ WHERE id <> ? LIMIT 1', own).id;
		const { ctx, page } = await pageAs(browser(), 'clerk');
		await page.goto(`/assessment/${Q}`);
		const rows = page.locator('[data-testid=assessment-table] tbody tr');
		expect(await rows.count()).toBe(1);
		expect(await rows.first().getAttribute('data-organ-id')).toBe(String(own));
		expect(await page.locator('[data-testid=export-xlsx]').count()).toBe(0);
		expect((await page.goto(`/assessment/${Q}/${other}`))?.status()).toBe(403);
		await page.goto(`/assessment/${Q}/${own}`);
		const thread = page.locator('[data-testid=rectification]');
		await thread.locator('textarea[name=text]').fill('已于12月1日发布2024年度报告，并建立年报发布台账');
		await thread.locator('input[type=file]').setInputFiles({
			name: '发布截图.png',
			mimeType: 'image/png',
			buffer: Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])
		});
		await thread.locator('button[type=submit]').click();
		await expect.poll(() => thread.getAttribute('data-status')).toBe('answered');
		expect(await page.locator('[data-testid=entry-form]').count()).toBe(0);
		await ctx.close();

		const { ctx: ictx, page: ipage } = await pageAs(browser(), 'inspector');
		await ipage.goto(`/assessment/${Q}/${own}`);
		const ithread = ipage.locator('[data-testid=rectification]');
		expect(await ithread.textContent()).toContain('建立年报发布台账');
		const file = await ipage.request.get((await ithread.locator('a[download]').getAttribute('href'))!);
		expect(file.status()).toBe(200);
		expect(file.headers()['content-disposition']).toContain(encodeURIComponent('发布截图.png'));
		expect([...(await file.body()).subarray(0, 4)]).toEqual([137, 80, 78, 71]);
		await ithread.locator('button[value=accept]').click();
		await expect.poll(() => ithread.getAttribute('data-status')).toBe('accepted');
		await ictx.close();
	});

	it('leader: reads the quarter without edit controls and gets 403 on POST', async () => {
		const { ctx, page } = await pageAs(browser(), 'leader');
		await page.goto(`/assessment/${Q}`);
		expect(await page.locator('[data-testid=assessment-table] tbody tr').count()).toBeGreaterThan(1);
		expect(await page.locator('[data-testid=close-quarter]').count()).toBe(0);
		expect(await page.locator('form[action="?/reopen"]').count()).toBe(0);
		const organ = await page.locator('[data-testid=assessment-table] tbody tr').first().getAttribute('data-organ-id');
		await page.goto(`/assessment/${Q}/${organ}`);
		expect(await page.locator('[data-testid=entry-form]').count()).toBe(0);
		expect(await page.locator('details.ask').count()).toBe(0);
		const origin = new URL(page.url()).origin;
		for (const [path, form] of [
			[`/assessment/${Q}?/reopen`, { reason: 'x' }],
			[`/assessment/${Q}?/close`, {}],
			[`/assessment/${Q}/${organ}?/entry`, { indicator: 'request.ontime', points: '5', reason: 'x' }],
			[`/assessment/${Q}/${organ}?/review`, { id: '1', verdict: 'accept' }]
		] as const) {
			const post = await page.request.post(path, { form, headers: { origin } });
			expect(post.status(), path).toBe(403);
		}
		await ctx.close();
	});
});
