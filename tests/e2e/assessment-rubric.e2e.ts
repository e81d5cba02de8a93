// The rubric form in the browser: an admin changes an indicator's weight and a channel threshold, a bad value is
// refused with a Chinese message naming the field (nothing saved), a good one becomes a new version; an inspector
// sees the rubric without the form and is refused on POST. The test saves the original values back at the end.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readE2eDb } from './e2e-db';
import { screenshot, browserForSuite, pageAs } from './browser';
import { demoCookie, http } from './http';

interface Stored {
	version: number;
	rubric: {
		indicators: { id: string; points: number; cap: number; evidence: { groups?: { maxSilentDays: number }[] } }[];
	};
}

function latest(): Stored {
	const r = readE2eDb(
		(db) =>
			db.prepare('SELECT version, rubric_json FROM assessment_rubric ORDER BY version DESC LIMIT 1').get() as
				{ version: number; rubric_json: string } | undefined
	);
	return r ? { version: r.version, rubric: JSON.parse(r.rubric_json) } : { version: 0, rubric: { indicators: [] } };
}

const browser = browserForSuite();

const heading = (page: Page) => page.locator('h1').textContent();
const field = (page: Page, name: string) => page.locator(`[data-testid=rubric-form] [name="${name}"]`);

async function submit(page: Page) {
	await Promise.all([
		page.waitForResponse((r) => r.url().includes('?/saveForm') && r.request().method() === 'POST'),
		page.click('[data-testid=rubric-form] button[type=submit]')
	]);
}

describe('rubric form', () => {
	it('admin: a bad value is refused naming the field, a good one is saved as a new version', async () => {
		const { ctx, page } = await pageAs(browser(), 'admin');
		await page.goto('/assessment/rubric');
		const before = latest();
		expect(before.version, 'the page created the default version on first use').toBeGreaterThan(0);
		expect(await heading(page)).toBe(`考核细则（第${before.version}版）`);
		const timely = before.rubric.indicators.find((i) => i.id === 'report.timely')!;
		const web = before.rubric.indicators.find((i) => i.id === 'web.updates')!;
		const rows = await page.locator('[data-testid=rubric-form] tbody tr').count();
		expect(rows).toBe(before.rubric.indicators.length);
		expect(await field(page, 'ind.report.timely.points').inputValue()).toBe(String(timely.points));
		await screenshot(page, 'assessment-rubric');
		await page.setViewportSize({ width: 390, height: 844 });
		await screenshot(page, 'assessment-rubric-phone');
		await page.setViewportSize({ width: 1366, height: 768 });

		await field(page, 'ind.report.timely.points').fill('-1');
		await field(page, 'ind.web.updates.group.0.maxSilentDays').fill('两周');
		await submit(page);
		const errors = page.locator('[data-testid=rubric-errors]');
		await errors.waitFor();
		const text = (await errors.textContent())!;
		expect(text).toContain('“年度报告·按时发布：分值”须为不小于0的数（填写的是“-1”）');
		expect(text).toContain('“网站与新媒体·栏目更新：动态要闻类最长未更新天数”须为不小于0的数（填写的是“两周”）');
		expect(await field(page, 'ind.report.timely.points').getAttribute('aria-invalid')).toBe('true');
		expect(await field(page, 'ind.report.timely.points').inputValue()).toBe('-1');
		expect(latest().version, 'nothing saved').toBe(before.version);
		await screenshot(page, 'assessment-rubric-errors');

		await field(page, 'ind.report.timely.points').fill(String(timely.points + 1));
		await field(page, 'ind.report.timely.cap').fill(String(timely.cap + 1));
		await field(page, 'ind.web.updates.group.0.maxSilentDays').fill('21');
		await page.fill('[data-testid=rubric-form] [name=note]', '按时发布加1分，动态栏目放宽到3周');
		await submit(page);
		await page.getByText(`已保存为第${before.version + 1}版`).waitFor();
		const saved = latest();
		expect(saved.version).toBe(before.version + 1);
		const t2 = saved.rubric.indicators.find((i) => i.id === 'report.timely')!;
		expect([t2.points, t2.cap]).toEqual([timely.points + 1, timely.cap + 1]);
		expect(saved.rubric.indicators.find((i) => i.id === 'web.updates')!.evidence.groups![0].maxSilentDays).toBe(21);
		await page.reload();
		expect(await heading(page)).toBe(`考核细则（第${saved.version}版）`);
		expect(await field(page, 'ind.report.timely.points').inputValue()).toBe(String(timely.points + 1));
		expect(await page.locator('ul li', { hasText: '按时发布加1分' }).count()).toBe(1);
		// The JSON editor is still there, under 高级, showing the new version.
		await page.click('details.advanced summary');
		expect(await page.locator('details.advanced textarea[name=rubric]').inputValue()).toContain('"maxSilentDays": 21');

		// Back to the values before (a new version, equal to the old one), for the files after this one.
		await field(page, 'ind.report.timely.points').fill(String(timely.points));
		await field(page, 'ind.report.timely.cap').fill(String(timely.cap));
		await field(page, 'ind.web.updates.group.0.maxSilentDays').fill(String(web.evidence.groups![0].maxSilentDays));
		await submit(page);
		await page.getByText(`已保存为第${before.version + 2}版`).waitFor();
		expect(latest().rubric).toEqual(before.rubric);
		await ctx.close();
	});

	it('inspector: reads the rubric without the form and is refused on POST', async () => {
		const { ctx, page } = await pageAs(browser(), 'inspector');
		await page.goto('/assessment/rubric');
		expect(await page.locator('table tbody tr').count()).toBeGreaterThan(5);
		expect(await page.locator('[data-testid=rubric-form]').count()).toBe(0);
		expect(await page.locator('details.advanced').count()).toBe(0);
		await ctx.close();
		const v = latest().version;
		const post = await http('/assessment/rubric?/saveForm', {
			method: 'POST',
			cookie: demoCookie('inspector'),
			form: { 'ind.report.timely.points': '1' }
		});
		expect(post.status).toBe(403);
		expect(latest().version).toBe(v);
	});
});
