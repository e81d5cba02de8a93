import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readE2eDb } from './e2e-db';
import { contextAs, screenshot, browserForSuite, pageAs } from './browser';
import { sampleVariant, uploadOnImportPage } from './uploads';
import { addRosterOrgan } from './roster-steps';
import { contrastRatio, over, parseColor, type Rgba } from '../../src/lib/util/contrast';

// The report page by keyboard alone: each template table one tab stop, the arrows walk its figures, choosing one
// moves focus into the cell panel and Escape brings it back; a correction made from the keyboard; the panel never
// covers the corrections log; text, tags and input borders at WCAG AA as rendered.

/** This file's own organ: put on the roster here, its report imported here (other files change theirs). */
const ORGAN = '键盘核查区档案局';
const YEAR = 2021;

function organId(): number | undefined {
	const row = readE2eDb(
		(db) =>
			db
				.prepare('SELECT o.id AS id FROM organ o JOIN report r ON r.organ_id = o.id WHERE o.name = ? AND r.year = ?')
				.get(ORGAN, YEAR) as { id: number } | undefined
	);
	return row?.id;
}

async function ensureReport(browser: Browser): Promise<number> {
	const known = organId();
	if (known) return known;
	const admin = await contextAs(browser, 'admin');
	await addRosterOrgan(await admin.newPage(), ORGAN);
	await admin.close();
	const ctx = await contextAs(browser, 'inspector');
	await uploadOnImportPage(await ctx.newPage(), [
		{ name: `档案局${YEAR}.txt`, mimeType: 'text/plain', buffer: sampleVariant(ORGAN, YEAR) }
	]);
	await ctx.close();
	const id = organId();
	if (!id) throw new Error(`the import did not store ${ORGAN} ${YEAR}`);
	return id;
}

/** What has focus: the figure's path, whether it is inside the cell panel, and which table holds it. */
const focused = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		return {
			path: el?.getAttribute('data-path') ?? null,
			tag: el?.tagName.toLowerCase() ?? null,
			name: el?.getAttribute('name') ?? null,
			inPanel: !!el?.closest('[data-testid=cell-inspector]'),
			table: el?.closest('table')?.getAttribute('aria-label') ?? null
		};
	});

async function tabUntil(page: Page, done: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 80) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		const f = await focused(page);
		if (done(f)) return f;
	}
	throw new Error('Tab never reached the element');
}

const A = (row: string, col: string) => `applications.rows.${row}.${col}`;

const browser = browserForSuite();
let id: number;
beforeAll(async () => {
	id = await ensureReport(browser());
});

describe('the report page by keyboard', () => {
	it('one tab stop per table, arrows between figures, focus into the panel and back, a correction', async () => {
		const { ctx, page } = await pageAs(browser(), 'inspector');
		await page.setViewportSize({ width: 1366, height: 768 });
		await page.goto(`/organs/${id}/${YEAR}`);
		await page.waitForFunction(() => document.querySelectorAll('a[data-path][tabindex="0"]').length > 0);

		// Each table offers exactly one figure to Tab.
		const stops = await page.$$eval('table.form-table', (ts) =>
			ts.map((t) => t.querySelectorAll('a[data-path]:not([tabindex="-1"])').length)
		);
		expect(stops.length).toBe(3);
		expect(stops).toEqual([1, 1, 1]);

		// Tab reaches section three's table on its first figure; the next Tab leaves the table.
		const first = await tabUntil(page, (f) => f.path?.startsWith('applications.') ?? false);
		expect(first.path).toBe(A('new', 'natural_person'));
		await page.keyboard.press('Tab');
		const after = await focused(page);
		expect(after.path?.startsWith('applications.') ?? false).toBe(false);
		await page.keyboard.press('Shift+Tab');
		expect((await focused(page)).path).toBe(A('new', 'natural_person'));

		// The arrows walk the figures as printed, merged label cells skipped.
		await page.keyboard.press('ArrowRight');
		expect((await focused(page)).path).toBe(A('new', 'commercial'));
		await page.keyboard.press('ArrowDown');
		expect((await focused(page)).path).toBe(A('carried_over', 'commercial'));
		await page.keyboard.press('ArrowDown');
		expect((await focused(page)).path).toBe(A('granted', 'commercial'));
		await page.keyboard.press('End');
		expect((await focused(page)).path).toBe(A('granted', 'total'));
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		expect((await focused(page)).path).toBe(A('new', 'total'));
		// The tab stop follows: the figure moved to is now the table's one stop.
		expect(
			await page.$$eval('a[data-path^="applications."][tabindex="0"]', (as) => as.map((a) => a.dataset.path))
		).toEqual([A('new', 'total')]);

		// Enter chooses it: the panel opens on that figure with focus inside; Escape returns focus to the figure.
		await page.keyboard.press('Enter');
		const panel = page.locator('[data-testid=cell-inspector]');
		await panel.waitFor();
		expect(await panel.getAttribute('data-path')).toBe(A('new', 'total'));
		await page.waitForFunction(() => !!document.activeElement?.closest('[data-testid=cell-inspector]'));
		expect((await focused(page)).inPanel).toBe(true);
		await page.keyboard.press('Escape');
		expect(await focused(page)).toMatchObject({ path: A('new', 'total'), inPanel: false });
		expect(await panel.getAttribute('data-path')).toBe(A('new', 'total'));

		// Space chooses too; then a correction typed and sent from the keyboard.
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press(' ');
		await page.waitForFunction(
			(p) => document.querySelector('[data-testid=cell-inspector]')?.getAttribute('data-path') === p,
			A('new', 'other_org')
		);
		expect((await focused(page)).inPanel).toBe(true);
		await tabUntil(page, (f) => f.name === 'value', 10);
		await page.keyboard.type('5');
		await page.keyboard.press('Tab');
		expect((await focused(page)).name).toBe('reason');
		await page.keyboard.type('键盘核对原件，应为5');
		await tabUntil(page, (f) => f.tag === 'button' && f.inPanel, 3);
		await page.keyboard.press('Enter');
		await page.waitForSelector('[data-testid=corrections] tbody tr');
		await page.waitForFunction(() => document.querySelector('[data-testid=cell-value]')?.textContent?.trim() === '5');
		await screenshot(page, 'report-keyboard-1366');
		// What the keyboard user sees: the screen as it stands, the panel beside the figure.
		await page.screenshot({ path: 'test-results/screenshots/report-keyboard-1366-view.png' });

		// Focus into the panel again, then Escape: back on the corrected figure, which is marked.
		await page.locator('[data-testid=cell-inspector] h3').focus();
		await page.keyboard.press('Escape');
		expect((await focused(page)).path).toBe(A('new', 'other_org'));
		expect(await page.locator(`td:has(> [data-path="${A('new', 'other_org')}"])`).getAttribute('class')).toContain(
			'corrected'
		);
		await ctx.close();
	});

	it('the cell panel never covers the corrections log, at any scroll position', async () => {
		const { ctx, page } = await pageAs(browser(), 'inspector');
		await page.setViewportSize({ width: 1366, height: 768 });
		await page.goto(`/organs/${id}/${YEAR}?cell=${encodeURIComponent(A('new', 'research'))}`);
		const panel = page.locator('[data-testid=cell-inspector]');
		await panel.waitFor();
		// A row in the log of this test's own (the panel is at its tallest with the correction form and its reason).
		await panel.locator('input[name=value]').fill('2');
		await panel.locator('textarea[name=reason]').fill('核对原件，应为2');
		await panel.locator('[data-testid=correct-form] button[type=submit]').click();
		await page.waitForSelector(`[data-testid=corrections] tbody tr:has-text("${'核对原件，应为2'}")`);
		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		// At every scroll position, every point of the visible part of the log under the side column (where the
		// panel sits) shows the log itself: nothing is painted over it.
		let checked = 0;
		for (let y = 0; y <= height; y += 150) {
			await page.evaluate((top) => window.scrollTo(0, top), y);
			const covered = await page.evaluate(() => {
				const log = document.querySelector('#corrections')!.getBoundingClientRect();
				const side = document.querySelector('.side')!.getBoundingClientRect();
				const top = Math.max(log.top, 0) + 2;
				const bottom = Math.min(log.bottom, window.innerHeight) - 2;
				const hits: string[] = [];
				let points = 0;
				for (let py = top; py < bottom; py += 12)
					for (let px = Math.max(side.left, log.left) + 2; px < Math.min(side.right, log.right) - 2; px += 24) {
						points++;
						const el = document.elementFromPoint(px, py);
						if (!el?.closest('#corrections')) hits.push(`${px},${py}: ${el?.tagName}.${el?.className}`);
					}
				return { points, hits: hits.slice(0, 5) };
			});
			if (covered.points) checked++;
			expect(covered.hits, `scrolled to ${y}`).toEqual([]);
		}
		expect(checked).toBeGreaterThan(0);
		await ctx.close();
	});

	for (const viewport of [
		{ width: 1366, height: 768 },
		{ width: 390, height: 844 }
	])
		it(`text, tags and input borders meet WCAG AA as rendered at ${viewport.width}×${viewport.height}`, async () => {
			const { ctx, page } = await pageAs(browser(), 'inspector');
			await page.setViewportSize(viewport);
			await page.goto(`/organs/${id}/${YEAR}?cell=${encodeURIComponent(A('new', 'other_org'))}`);
			await page.locator('[data-testid=cell-inspector]').waitFor();
			// 对比上年 is disabled without last year's report (this file imports one year only).
			if (await page.isEnabled('[data-testid=toggle-previous]')) await page.check('[data-testid=toggle-previous]');
			await page.check('[data-testid=toggle-median]');
			// For each element: its text colour (or border colour for fields) and the backgrounds under it, innermost
			// first, up to the first opaque one. Background images (the stripes of a missing row) are not measured.
			const samples = await page.evaluate(() => {
				const backgrounds = (el: Element | null) => {
					const out: string[] = [];
					for (let e = el; e; e = e.parentElement) {
						const bg = getComputedStyle(e).backgroundColor;
						out.push(bg);
						if (!bg.startsWith('rgba') || bg.endsWith(', 1)')) break;
					}
					return out;
				};
				const visible = (el: Element) => (el as HTMLElement).offsetParent !== null || el.tagName === 'BODY';
				const text = [
					...document.querySelectorAll(
						'.tag, td.fig .v, td.fig .n, .source .no, .source .t, .muted, .inspector dt, .inspector dd, th, label > span, .legend'
					)
				]
					.filter((el) => visible(el) && el.textContent?.trim())
					.map((el) => ({
						kind: 'text' as const,
						what: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} “${el.textContent!.trim().slice(0, 12)}”`,
						fg: getComputedStyle(el).color,
						bgs: backgrounds(el)
					}));
				const fields = [...document.querySelectorAll('input:not([type=checkbox]):not([type=hidden]), textarea, select')]
					.filter(visible)
					.map((el) => ({
						kind: 'border' as const,
						what: `${el.tagName.toLowerCase()}[name=${el.getAttribute('name')}]`,
						fg: getComputedStyle(el).borderTopColor,
						bgs: backgrounds(el.parentElement)
					}));
				return [...text, ...fields];
			});
			const white: Rgba = { r: 255, g: 255, b: 255, a: 1 };
			const failures: string[] = [];
			let measured = 0;
			for (const s of samples) {
				const bg = s.bgs
					.map((b) => parseColor(b)!)
					.reverse()
					.reduce((under, layer) => over(layer, under), white);
				const fg = over(parseColor(s.fg)!, bg);
				const ratio = contrastRatio(fg, bg);
				const min = s.kind === 'text' ? 4.5 : 3;
				measured++;
				if (ratio < min) failures.push(`${s.what}: ${ratio.toFixed(2)} < ${min} (${s.fg} on ${s.bgs.join(' < ')})`);
			}
			expect(measured).toBeGreaterThan(50);
			expect(samples.some((s) => s.kind === 'border')).toBe(true);
			expect(samples.some((s) => s.what.startsWith('span.tag'))).toBe(true);
			expect(failures).toEqual([]);
			if (viewport.width === 390) {
				// On a phone the panel follows the tables; choosing a figure still lands focus in it.
				await page.locator(`a[data-path="${A('new', 'total')}"]`).focus();
				await page.keyboard.press('Enter');
				await page.waitForFunction(() => !!document.activeElement?.closest('[data-testid=cell-inspector]'));
				await screenshot(page, 'report-keyboard-390');
				await page.screenshot({ path: 'test-results/screenshots/report-keyboard-390-view.png' });
				const wide = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				expect(wide).toBe(0);
			}
			await ctx.close();
		});
});
