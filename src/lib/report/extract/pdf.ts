// PDF text layer, read by PDFium (extract/pdfium.ts): characters with their boxes → runs of touching
// characters on one baseline → lines by y, cells by gaps in x. A PDF without a text layer (a scan) has nothing
// to read and is refused by the caller. (pdf.js through unpdf was the reader before: five times slower, and no
// measured case needs it.)
import type { Doc, DocLine } from './doc';
import { foldRadicals } from '../normalize';
import { readPdfChars, type PdfChar } from './pdfium';
import { checkPdfDecodedSize } from './pdf-guard';

export const MAX_PDF_PAGES = 60;

interface Item {
	str: string;
	x: number;
	y: number;
	w: number;
	h: number;
}

export interface PdfResult {
	doc: Doc;
	/** Characters of real text found: 0 for an image-only PDF. */
	textChars: number;
	pages: number;
	truncatedPages: boolean;
}

export async function extractPdf(bytes: Uint8Array, deadlineMs = 10_000): Promise<PdfResult> {
	checkPdfDecodedSize(bytes); // throws PdfTooLarge before PDFium inflates anything
	const read = await readPdfChars(bytes, MAX_PDF_PAGES, Date.now() + deadlineMs);
	const lines: DocLine[] = [];
	let textChars = 0;
	read.pages.forEach((chars, i) => {
		const items = runs(chars);
		for (const it of items) textChars += it.str.trim().length;
		lines.push(...rebuildLines(items, i + 1));
	});
	const title = read.title ? foldRadicals(read.title.normalize('NFKC')) : undefined;
	return {
		doc: { lines, title },
		textChars,
		pages: read.pageCount,
		truncatedPages: read.pageCount > read.pages.length
	};
}

/**
 * Characters → runs: a run is broken by whitespace (printed or inferred), a change of baseline, or a gap of
 * more than a quarter of the glyph height; rebuildLines then joins runs into lines and cells.
 */
export function runs(chars: PdfChar[]): Item[] {
	const out: Item[] = [];
	let cur: Item | null = null;
	let end = 0;
	for (const c of chars) {
		if (c.generated || /^\s$/.test(c.ch) || c.h <= 0) {
			cur = null;
			continue;
		}
		const ch = foldRadicals(c.ch.normalize('NFKC'));
		if (cur && Math.abs(c.y - cur.y) <= cur.h * 0.2 && c.x - end <= cur.h * 0.25 && c.x - end >= -cur.h * 0.5) {
			cur.str += ch;
			end = Math.max(end, c.r);
			cur.w = end - cur.x;
		} else {
			cur = { str: ch, x: c.x, y: c.y, w: c.r - c.x, h: c.h };
			end = c.r;
			out.push(cur);
		}
	}
	return out;
}

/** Items → lines: same baseline (within a third of the glyph height) → one line, sorted by x; gaps → cells. */
export function rebuildLines(items: Item[], page: number): DocLine[] {
	items.sort((a, b) => b.y - a.y || a.x - b.x);
	const rows: Item[][] = [];
	for (const it of items) {
		const row = rows.length ? rows[rows.length - 1] : null;
		if (row && Math.abs(row[0].y - it.y) <= Math.max(1.5, Math.min(row[0].h, it.h) * 0.3)) row.push(it);
		else rows.push([it]);
	}
	const out: DocLine[] = [];
	for (const row of rows) {
		row.sort((a, b) => a.x - b.x);
		const cells: string[] = [];
		const xs: number[] = [];
		let cur = '';
		let curX = 0;
		let end = -Infinity;
		for (const it of row) {
			const gap = it.x - end;
			const h = it.h || 10;
			if (cur && gap > h * 0.9) {
				cells.push(cur.trim());
				xs.push(curX);
				cur = '';
			}
			if (!cur) curX = it.x;
			// pdf.js splits runs at font changes; a half-glyph gap inside a cell is a space in the source.
			cur += (cur && gap > h * 0.25 && /[\dA-Za-z]$/.test(cur) && /^[\dA-Za-z]/.test(it.str) ? ' ' : '') + it.str;
			end = Math.max(end, it.x + it.w);
		}
		if (cur.trim()) {
			cells.push(cur.trim());
			xs.push(curX);
		}
		const text = cells.join(' | ');
		// Page footers like "- 3 -" carry no content.
		if (/^[-－—]\s*\d+\s*[-－—]$/.test(text)) continue;
		out.push({ text, cells: cells.length > 1 ? cells : null, page, y: row[0].y, xs });
	}
	return out;
}
