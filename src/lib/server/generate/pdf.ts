// PDF by printing the HTML rendering with headless Chromium (playwright-core, /usr/bin/chromium): a text-layer PDF
// like those a Word "save as PDF" gives. One browser serves many files; dates in the file are fixed afterwards
// (same length, so the xref offsets stay valid), so a seed gives the same bytes.
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

export class PdfPrinter {
	private browser: Browser | null = null;
	private opening: Promise<void> | null = null;
	private idle: Page[] = [];
	private waiters: ((p: Page) => void)[] = [];

	/** `pages` tabs print concurrently (Chromium renders in its own processes, so two cores help). */
	constructor(readonly pages = 2) {}

	async open(): Promise<void> {
		this.opening ??= (async () => {
			this.browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
			for (let i = 0; i < this.pages; i++) this.idle.push(await this.browser.newPage());
		})();
		return this.opening;
	}

	/** Prints one HTML document (use renderHtml(report, { print: true })) to PDF bytes. */
	async print(html: string): Promise<Uint8Array> {
		await this.open();
		const page = this.idle.pop() ?? (await new Promise<Page>((resolve) => this.waiters.push(resolve)));
		try {
			await page.setContent(html, { waitUntil: 'load' });
			const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
			return fixPdfDates(new Uint8Array(pdf));
		} finally {
			const next = this.waiters.shift();
			if (next) next(page);
			else this.idle.push(page);
		}
	}

	async close(): Promise<void> {
		const b = this.browser;
		this.browser = null;
		this.opening = null;
		this.idle = [];
		if (b) await b.close();
	}
}

/** Prints several HTML documents with one browser. */
export async function renderPdf(htmls: string[]): Promise<Uint8Array[]> {
	const printer = new PdfPrinter();
	try {
		return await Promise.all(htmls.map((h) => printer.print(h)));
	} finally {
		await printer.close();
	}
}

const FIXED = 'D:20200101000000';

/** Replaces /CreationDate and /ModDate values with a fixed date of the same byte length. */
export function fixPdfDates(pdf: Uint8Array): Uint8Array {
	const text = Buffer.from(pdf).toString('latin1');
	const fixed = text.replace(
		/\/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)/g,
		(_m, key: string, _d: string, tz: string) => {
			return `/${key} (${FIXED}${tz.length === 7 ? "+00'00'" : 'Z'.padEnd(tz.length, ' ')})`;
		}
	);
	return new Uint8Array(Buffer.from(fixed, 'latin1'));
}
