// Files for the browser tests and the import page that takes them.
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';

const SAMPLE = readFileSync('src/lib/server/demo/tianyuan-kegongxin-2022.txt', 'utf8');

/** The real sample re-issued under another organ name and year: a report the parser reads like the original. */
export function sampleVariant(organ: string, year: number): Buffer {
	return Buffer.from(
		SAMPLE.replace('株洲市天元區科工信局2022年', `${organ}${year}年`).replaceAll('2022年', `${year}年`)
	);
}

/** Uploads files on /import and waits until every row has its result; returns the result rows. */
export async function uploadOnImportPage(page: Page, files: { name: string; buffer: Buffer; mimeType?: string }[]) {
	await page.goto('/import');
	await page.setInputFiles(
		'input[type=file]',
		files.map((f) => ({ mimeType: 'application/octet-stream', ...f }))
	);
	await page.click('main form button[type=submit]');
	await page.waitForSelector('[data-testid=import-results]');
	await page.waitForFunction(() => !document.querySelector('[role=progressbar]'));
	return page.locator('[data-testid=import-results] tbody tr');
}

/** Uploads re-issued samples, each given as [file name, organ, year], on /import; returns the result rows. */
export function uploadSamples(page: Page, samples: [name: string, organ: string, year: number][]) {
	return uploadOnImportPage(
		page,
		samples.map(([name, organ, year]) => ({ name, buffer: sampleVariant(organ, year) }))
	);
}
