import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import Database from 'better-sqlite3';
import { inject } from 'vitest';
import { sampleVariant, uploadOnImportPage } from './uploads';
import { addRosterOrgan } from './roster-steps';
import { anonymousContext, contextAs, screenshot, browserForSuite, pageAs, submitForm } from './browser';

// Reads the e2e database beside the server (read-only): which report has an A1 finding, and its figures.
function openDb() {
	return new Database(inject('dbPath'), { readonly: true, fileMustExist: true });
}

interface Target {
	reportId: number;
	organId: number;
	year: number;
}

function findA1(): Target | undefined {
	const db = openDb();
	try {
		return db
			.prepare(
				`SELECT r.id AS reportId, r.organ_id AS organId, r.year AS year FROM finding f JOIN report r ON r.id = f.report_id
				 JOIN organ o ON o.id = r.organ_id
				 WHERE f.rule = 'A1' AND o.status = 'district' AND COALESCE(o.roster_from, 0) <= r.year AND COALESCE(o.roster_to, 9999) >= r.year
				 ORDER BY r.id LIMIT 1`
			)
			.get() as Target | undefined;
	} finally {
		db.close();
	}
}

/** Roster reports of the target's year from organs of its kind with a number in the row's 总计 column. */
function kindPeers(t: Target, rowKey: string): number {
	const db = openDb();
	try {
		const row = db
			.prepare(
				`SELECT COUNT(*) AS n FROM report r JOIN organ o ON o.id = r.organ_id
				 JOIN figure g ON g.report_id = r.id AND g.section = 'applications' AND g.row_key = ?
				 WHERE r.year = ? AND o.kind = (SELECT kind FROM organ WHERE id = ?) AND g.c6 IS NOT NULL
				 AND o.status = 'district' AND COALESCE(o.roster_from, 0) <= r.year AND COALESCE(o.roster_to, 9999) >= r.year`
			)
			.get(rowKey, t.year, t.organId) as { n: number };
		return row.n;
	} finally {
		db.close();
	}
}

/** The A1 findings of a report: the column each names, and the value of 本年新收 that would balance it. */
function a1Fixes(reportId: number): { cell: string; value: number; cells: string[] }[] {
	const db = openDb();
	try {
		const findings = db
			.prepare("SELECT cells_json AS cells FROM finding WHERE report_id = ? AND rule = 'A1'")
			.all(reportId) as { cells: string }[];
		const rows = db
			.prepare(
				"SELECT row_key AS k, c0, c1, c2, c3, c4, c5, c6 FROM figure WHERE report_id = ? AND section = 'applications'"
			)
			.all(reportId) as Record<string, number | string | null>[];
		const cols = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'];
		const v = (k: string, c: number) => Number(rows.find((r) => r.k === k)?.[`c${c}`] ?? 0);
		return findings.map((f) => {
			const cells = JSON.parse(f.cells) as string[];
			const col = cols.indexOf(cells[0].split('.').pop()!);
			// A1: new + carried_over = results_total + carried_forward; the slip the generator makes is in 本年新收.
			return {
				cell: `applications.rows.new.${cols[col]}`,
				value: v('results_total', col) + v('carried_forward', col) - v('carried_over', col),
				cells
			};
		});
	} finally {
		db.close();
	}
}

/** The real sample under another organ, with 3 applications received and none handled: an A1 error in two columns. */
function a1Report(organ: string, year: number): Buffer {
	return Buffer.from(
		sampleVariant(organ, year)
			.toString('utf8')
			.replace(
				'一、本年新收政府信息公開申請數量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
				'一、本年新收政府信息公開申請數量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |'
			)
	);
}

/** Named for this file alone: other browser files add and import their own organs, in an order not fixed. */
const A1_ORGAN = '钻取测试区统计局';

async function ensureA1Report(browser: Browser): Promise<Target> {
	const seeded = findA1();
	if (seeded) return seeded;
	// The seeded district has none. An admin puts an organ of this file's own on the roster (an organ the import
	// meets first is only pending, and pending organs are not drilled into), then an inspector imports its report.
	const admin = await contextAs(browser, 'admin');
	await addRosterOrgan(await admin.newPage(), A1_ORGAN);
	await admin.close();
	const { ctx, page } = await pageAs(browser, 'inspector');
	await uploadOnImportPage(page, [
		{ name: '统计局2021.txt', mimeType: 'text/plain', buffer: a1Report(A1_ORGAN, 2021) }
	]);
	await ctx.close();
	const imported = findA1();
	if (!imported) throw new Error('no report with an A1 finding after the import');
	return imported;
}

/** 本年新收 (总计) of one organ and year as the dashboard's volume chart sums it (its data endpoint, same filter). */
async function dashboardNew(page: Page, t: Target): Promise<number> {
	const res = await page.request.get(`/charts/volume?organ=${t.organId}&from=${t.year}&to=${t.year}`);
	expect(res.status()).toBe(200);
	return (await res.json()).data.total[0];
}

const cellTd = (page: Page, path: string) => page.locator(`td:has(> [data-path="${path}"])`);
const urlOf = (t: Target) => `/organs/${t.organId}/${t.year}`;

const browser = browserForSuite();
let target: Target;
beforeAll(async () => {
	target = await ensureA1Report(browser());
});

describe('inspector drill-down', () => {
	it('shows the A1 finding on its cells, traces a figure to its source line, and a correction clears the finding', async () => {
		const { ctx, page } = await pageAs(browser(), 'inspector');
		const fixes = a1Fixes(target.reportId);
		expect(fixes.length).toBeGreaterThan(0);
		const before = await (await page.request.get(`/api/organs/${target.organId}/reports/${target.year}`)).json();
		const dashBefore = await dashboardNew(page, target);
		expect(dashBefore).toBe(before.model.applications.rows.new[6]);

		await page.goto(urlOf(target));
		const a1 = page.locator('[data-testid=findings] li[data-rule=A1]');
		expect(await a1.count()).toBe(fixes.length);
		expect(await a1.first().textContent()).toMatch(/本年新收.*上年结转/);
		// Every cell the finding names is marked as an error in the tables.
		for (const fix of fixes)
			for (const cell of fix.cells) expect(await cellTd(page, cell).getAttribute('class')).toContain('error-cell');
		await a1.first().locator('button').click();
		expect(await cellTd(page, fixes[0].cells[0]).getAttribute('class')).toContain('focus');

		// Clicking a figure highlights the line of the source it came from, and that line holds the figure.
		await page.click(`[data-path="${fixes[0].cell}"]`);
		const inspector = page.locator('[data-testid=cell-inspector]');
		await inspector.waitFor();
		const shown = (await inspector.locator('[data-testid=cell-value]').textContent())!.trim();
		const line = page.locator('[data-testid=source-text] .line.hl');
		expect(await line.count()).toBe(1);
		expect(await line.textContent()).toContain(shown);
		await screenshot(page, 'drilldown-a1-selected');

		// No reason: refused with a message, nothing changes.
		await inspector.locator('input[name=value]').fill(String(fixes[0].value));
		await inspector.locator('[data-testid=correct-form] button[type=submit]').click();
		await expect.poll(() => inspector.locator('[role=status]').textContent()).toContain('理由');
		expect(await page.locator('[data-testid=corrections] tbody tr').count()).toBe(0);

		for (const fix of fixes) {
			await page.click(`[data-path="${fix.cell}"]`);
			await inspector.locator('input[name=value]').fill(String(fix.value));
			await inspector.locator('textarea[name=reason]').fill('核对原件：本年新收与办理结果、结转数不符，按原件更正');
			await inspector.locator('[data-testid=correct-form] button[type=submit]').click();
			await expect.poll(() => inspector.locator('[data-testid=cell-value]').textContent()).toBe(String(fix.value));
		}
		await expect.poll(() => page.locator('[data-testid=findings] li[data-rule=A1]').count()).toBe(0);
		const log = page.locator('[data-testid=corrections] tbody tr');
		expect(await log.count()).toBe(fixes.length);
		expect(await log.first().textContent()).toContain('核对原件');
		for (const fix of fixes) expect(await cellTd(page, fix.cell).getAttribute('class')).toContain('corrected');
		await screenshot(page, 'drilldown-a1-corrected');

		// The figure the charts read changed: the stored figure row, the organ page and the API.
		const after = await (await page.request.get(`/api/organs/${target.organId}/reports/${target.year}`)).json();
		expect(after.model.findings.some((f: { rule: string }) => f.rule === 'A1')).toBe(false);
		expect(after.corrections).toHaveLength(fixes.length);
		expect(after.model.applications.rows.new[6]).not.toBe(before.model.applications.rows.new[6]);
		const db = openDb();
		const stored = db
			.prepare("SELECT c6 FROM figure WHERE report_id = ? AND section = 'applications' AND row_key = 'new'")
			.get(target.reportId) as { c6: number };
		db.close();
		expect(stored.c6).toBe(after.model.applications.rows.new[6]);
		expect(await dashboardNew(page, target)).toBe(after.model.applications.rows.new[6]);
		await page.goto(`/?organ=${target.organId}&from=${target.year}&to=${target.year}`);
		await screenshot(page, 'drilldown-dashboard-after-correction');
		await page.goto(`/organs/${target.organId}`);
		const yearCol = (await page.locator('[data-testid=organ-years] thead th').allTextContents()).findIndex((t) =>
			t.includes(String(target.year))
		);
		const newRow = page.locator('[data-testid=organ-years] tbody tr', { hasText: '本年新收' });
		expect(await newRow.locator('th, td').nth(yearCol).textContent()).toBe(
			String(after.model.applications.rows.new[6])
		);
		await ctx.close();
	});

	it('undoes a correction: the parsed value and its finding come back', async () => {
		const { ctx, page } = await pageAs(browser(), 'inspector');
		await page.goto(urlOf(target));
		const active = page.locator('[data-testid=corrections] tbody tr:not(.undone)');
		const n = await active.count();
		expect(n).toBeGreaterThan(0);
		await active.first().locator('button', { hasText: '撤销' }).click();
		await expect.poll(() => page.locator('[data-testid=corrections] tbody tr.undone').count()).toBe(1);
		expect(await page.locator('[data-testid=findings] li[data-rule=A1]').count()).toBe(1);
		await ctx.close();
	});

	it('lets an inspector annotate a cell and the report, and download the original file', async () => {
		const { ctx, page } = await pageAs(browser(), 'inspector');
		await page.goto(urlOf(target));
		// From the source to the table: clicking a source line that printed figures selects one of them.
		const sourceLine = page.locator('[data-testid=source-text] button.line').nth(3);
		const lineNo = await sourceLine.getAttribute('data-line');
		await sourceLine.click();
		await expect.poll(() => page.locator('[data-testid=cell-inspector]').count()).toBe(1);
		expect(await page.locator('[data-testid=source-text] .line.hl').getAttribute('data-line')).toBe(lineNo);
		expect(await page.locator('[data-testid=cell-inspector]').textContent()).toContain(`第 ${lineNo} 行`);

		await page.click('[data-path="applications.rows.granted.total"]');
		const inspector = page.locator('[data-testid=cell-inspector]');
		await inspector.locator('textarea[name=note]').fill('予以公开数与正文不一致，待单位说明');
		await inspector.locator('form.annotate button[type=submit]').click();
		await expect.poll(() => inspector.locator('.notes').textContent()).toContain('待单位说明');
		expect(await cellTd(page, 'applications.rows.granted.total').getAttribute('class')).toContain('annotated');
		await page.fill('#notes textarea[name=note]', '已电话通知单位核实');
		await page.click('#notes button[type=submit]');
		await expect.poll(() => page.locator('#notes ul').textContent()).toContain('已电话通知单位核实');

		const href = await page.locator('[data-testid=revisions] a[download]').first().getAttribute('href');
		const file = await page.request.get(href!);
		expect(file.status()).toBe(200);
		expect(file.headers()['content-disposition']).toMatch(/^attachment/);
		expect((await file.body()).length).toBeGreaterThan(1000);
		await ctx.close();
	});

	it('works without JavaScript: a figure link selects the cell, and a note posts as a plain form', async () => {
		const { ctx, page } = await pageAs(browser(), 'inspector', { javaScriptEnabled: false });
		await page.goto(urlOf(target));
		await page.click('[data-path="review.reconsideration.total"]');
		expect(new URL(page.url()).searchParams.get('cell')).toBe('review.reconsideration.total');
		const inspector = page.locator('[data-testid=cell-inspector]');
		expect(await inspector.getAttribute('data-path')).toBe('review.reconsideration.total');
		expect(await page.locator('[data-testid=source-text] .line.hl').count()).toBe(1);
		await inspector.locator('textarea[name=note]').fill('无脚本环境下的批注');
		await inspector.locator('form.annotate button[type=submit]').click();
		await page.waitForLoadState();
		expect(await page.locator('[data-testid=cell-inspector] .notes').textContent()).toContain('无脚本环境下的批注');
		await ctx.close();
	});

	it('shows a leader the report without correction controls, and refuses its correction POST with 403', async () => {
		const { ctx, page } = await pageAs(browser(), 'leader');
		const res = await page.goto(urlOf(target));
		expect(res?.status()).toBe(200);
		expect(await page.locator('[data-testid=findings] li').count()).toBeGreaterThan(0);
		await page.click('[data-path="applications.rows.new.total"]');
		await page.locator('[data-testid=cell-inspector]').waitFor();
		expect(await page.locator('[data-testid=correct-form]').count()).toBe(0);
		expect(await page.locator('form[action="?/annotate"]').count()).toBe(0);
		expect(await page.locator('[data-testid=corrections] button', { hasText: '撤销' }).count()).toBe(0);
		// The median is over roster reports of the organ's own kind that year, shown only from MIN_SAMPLE (5) of them.
		const peers = kindPeers(target, 'new');
		expect(await page.locator('[data-testid=cell-median]').textContent()).toContain(`${peers}`);
		await page.locator('[data-testid=toggle-median]').check();
		const note = page.locator('td:has(> [data-path="applications.rows.new.total"]) .n');
		if (peers >= 5) expect(await note.textContent()).toMatch(/^中位 /);
		else {
			expect(await note.count()).toBe(0);
			expect(await page.locator('[data-testid=cell-median]').textContent()).toContain('样本不足');
		}
		await screenshot(page, 'drilldown-leader');
		const origin = new URL(page.url()).origin;
		for (const action of ['correct', 'undo', 'annotate']) {
			const post = await page.request.post(`${urlOf(target)}?/${action}`, {
				form: { cell: 'applications.rows.new.total', value: '1', reason: '越权', note: '越权', id: '1' },
				headers: { origin }
			});
			expect(post.status(), action).toBe(403);
		}
		const api = await (await page.request.get(`/api/organs/${target.organId}/reports/${target.year}`)).json();
		expect(api.corrections.filter((c: { reason: string }) => c.reason === '越权')).toHaveLength(0);
		await ctx.close();
	});

	it('shows a clerk only its own organ, in pages and in the API; anonymous API calls get 401 JSON', async () => {
		const { ctx, page } = await pageAs(browser(), 'clerk');
		await page.goto('/organs');
		await screenshot(page, 'drilldown-clerk-organs');
		const rows = page.locator('[data-testid=organ-list] tbody tr[data-organ-id]');
		expect(await rows.count()).toBe(1);
		const own = Number(await rows.first().getAttribute('data-organ-id'));
		expect(own).not.toBe(target.organId);
		expect((await page.goto(urlOf(target)))?.status()).toBe(403);
		expect((await page.goto(`/organs/${target.organId}`))?.status()).toBe(403);
		expect((await page.goto(`/organs/${own}`))?.status()).toBe(200);
		const ownYear = await page.locator('[data-testid=organ-years] thead a').first().getAttribute('href');
		expect((await page.goto(ownYear!))?.status()).toBe(200);
		expect(await page.locator('[data-testid=correct-form], form[action="?/annotate"]').count()).toBe(0);
		await screenshot(page, 'drilldown-clerk-report');
		const list = await page.request.get('/api/organs');
		expect((await list.json()).organs.map((o: { id: number }) => o.id)).toEqual([own]);
		const other = await page.request.get(`/api/organs/${target.organId}/reports/${target.year}`);
		expect(other.status()).toBe(403);
		expect(other.headers()['content-type']).toContain('application/json');
		await ctx.close();

		const anon = await anonymousContext(browser());
		const res = await anon.request.get('/api/organs', { headers: { accept: 'text/html' }, maxRedirects: 0 });
		expect(res.status()).toBe(401);
		expect((await res.json()).message).toBeTruthy();
		const rep = await anon.request.get(`/api/organs/${target.organId}/reports/${target.year}`, { maxRedirects: 0 });
		expect(rep.status()).toBe(401);
		await anon.close();
	});
});

/**
 * Opens the filing form's <details>: a click on its summary before the page's scripts have started can be undone
 * when they do, so it polls until the form is open.
 */
async function openFilingForm(filing: Locator): Promise<void> {
	const details = filing.locator('details');
	await expect
		.poll(async () => {
			if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await filing.locator('summary').click();
			return details.evaluate((d) => (d as HTMLDetailsElement).open);
		})
		.toBe(true);
}

describe('filing record (R-D2)', () => {
	it('an inspector records when the report was filed with the district office; a leader reads it, without the form', async () => {
		const { ctx, page } = await pageAs(browser(), 'inspector');
		await page.goto(urlOf(target));
		const filing = page.locator('[data-testid=filing]');
		expect(await filing.textContent()).toContain('未登记');
		const filedOn = `${target.year + 1}-01-25`;
		await openFilingForm(filing);
		// A date in the future is refused with its reason, nothing is recorded.
		await submitForm(filing, { filed_on: '2999-01-01' });
		await expect.poll(() => filing.locator('[role=status]').textContent()).toContain('晚于今天');
		expect(await filing.textContent()).toContain('未登记');
		await submitForm(filing, { filed_on: filedOn, filing_note: '纸质件报送' });
		await expect.poll(() => filing.locator('[role=status]').textContent()).toContain('已登记报送记录');
		await expect.poll(() => filing.locator('b').textContent()).toBe(filedOn);
		await screenshot(page, 'drilldown-filing-recorded');
		await page.setViewportSize({ width: 390, height: 844 });
		await page.reload();
		await screenshot(page, 'drilldown-filing-recorded-narrow');
		await ctx.close();

		const { ctx: leader, page: lp } = await pageAs(browser(), 'leader');
		await lp.goto(urlOf(target));
		expect(await lp.locator('[data-testid=filing]').textContent()).toContain(`${filedOn}（纸质件报送）`);
		expect(await lp.locator('form[action="?/filing"]').count()).toBe(0);
		await leader.close();

		// Cleared again (an empty date), so the other tests find the report as they left it.
		const { ctx: again, page: ap } = await pageAs(browser(), 'inspector');
		await ap.goto(urlOf(target));
		await openFilingForm(ap.locator('[data-testid=filing]'));
		await ap.locator('[data-testid=filing] input[name=filed_on]').fill('');
		await ap.locator('[data-testid=filing] button[type=submit]').click();
		await expect.poll(() => ap.locator('[data-testid=filing] [role=status]').textContent()).toContain('已清除');
		await again.close();
	});
});
