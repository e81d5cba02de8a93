// PDF text layer (unpdf 1.7 / pdf.js): rebuild lines by grouping text items on y, cells by gaps in x.
// A PDF without a text layer (a scan) has nothing to read and is refused by the caller.
import { getDocumentProxy } from 'unpdf';
import type { Doc, DocLine } from './doc';
import { foldRadicals } from '../normalize';
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
	checkPdfDecodedSize(bytes); // throws PdfTooLarge before pdf.js decodes anything
	const started = Date.now(); // the page budget is pdf.js' own: the guard above does not eat into it
	// pdf.js takes ownership of the buffer: give it a copy.
	const pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, disableFontFace: true, verbosity: 0 } as never);
	const lines: DocLine[] = [];
	let textChars = 0;
	const pages = Math.min(pdf.numPages, MAX_PDF_PAGES);
	let title: string | undefined;
	try {
		const meta = await pdf.getMetadata();
		const t = (meta?.info as Record<string, unknown> | undefined)?.Title;
		if (typeof t === 'string' && t.trim()) title = t.trim();
	} catch {
		// metadata is optional
	}
	for (let p = 1; p <= pages; p++) {
		if (Date.now() - started > deadlineMs) break;
		const page = await pdf.getPage(p);
		const tc = await page.getTextContent();
		const items: Item[] = [];
		for (const it of tc.items as Array<{ str?: string; transform?: number[]; width?: number; height?: number }>) {
			if (typeof it.str !== 'string' || !it.transform) continue;
			const str = foldRadicals(it.str.normalize('NFKC'));
			if (!str.trim()) continue;
			textChars += str.trim().length;
			items.push({ str, x: it.transform[4], y: it.transform[5], w: it.width ?? 0, h: Math.abs(it.height ?? it.transform[3] ?? 10) || 10 });
		}
		page.cleanup();
		lines.push(...rebuildLines(items, p));
	}
	await pdf.destroy();
	return { doc: { lines, title }, textChars, pages: pdf.numPages, truncatedPages: pdf.numPages > pages };
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
