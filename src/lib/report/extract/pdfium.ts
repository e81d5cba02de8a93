// PDFium (the engine Chrome uses) compiled to WebAssembly, through @embedpdf/pdfium: one module per thread,
// started on first use. Reads each character with its code point, its baseline origin and its loose box (font
// ascent to descent, the same height for every glyph of a font, unlike the tight box of a thin 一).
import { init, type WrappedPdfiumModule } from '@embedpdf/pdfium';

let ready: Promise<WrappedPdfiumModule> | null = null;

export function pdfium(): Promise<WrappedPdfiumModule> {
	ready ??= init({}).then((m) => {
		m.PDFiumExt_Init();
		return m;
	});
	// A failed start is not cached: the next document tries again.
	ready.catch(() => (ready = null));
	return ready;
}

export interface PdfChar {
	ch: string;
	/** Left, right and baseline in page points (y grows upwards), height of the font's loose box. */
	x: number;
	r: number;
	y: number;
	h: number;
	/** A space or line break PDFium inferred from the layout (not in the content stream). */
	generated: boolean;
}

export interface PdfPages {
	pages: PdfChar[][];
	pageCount: number;
	title?: string;
}

type Heap = { HEAPU8: Uint8Array; HEAPF32: Float32Array; HEAPF64: Float64Array };

/** The four calls made for every character; results as PDFium returns them (booleans as 0/1). */
interface CharCalls {
	FPDFText_GetUnicode(tp: number, i: number): number;
	FPDFText_IsGenerated(tp: number, i: number): number;
	FPDFText_GetLooseCharBox(tp: number, i: number, box: number): number;
	FPDFText_GetCharOrigin(tp: number, i: number, x: number, y: number): number;
}

// The wrapper's functions go through Emscripten's ccall (argument conversion, a closure and an array per call),
// which costs more than PDFium's own work for these four: they are called on the module's exports directly.
function charCalls(m: WrappedPdfiumModule): CharCalls {
	const e = m.pdfium.wasmExports as unknown as Partial<CharCalls>;
	if (
		typeof e.FPDFText_GetUnicode === 'function' &&
		typeof e.FPDFText_IsGenerated === 'function' &&
		typeof e.FPDFText_GetLooseCharBox === 'function' &&
		typeof e.FPDFText_GetCharOrigin === 'function'
	)
		return e as CharCalls;
	return {
		FPDFText_GetUnicode: (tp, i) => m.FPDFText_GetUnicode(tp, i),
		FPDFText_IsGenerated: (tp, i) => m.FPDFText_IsGenerated(tp, i),
		FPDFText_GetLooseCharBox: (tp, i, box) => (m.FPDFText_GetLooseCharBox(tp, i, box) ? 1 : 0),
		FPDFText_GetCharOrigin: (tp, i, x, y) => (m.FPDFText_GetCharOrigin(tp, i, x, y) ? 1 : 0)
	};
}

/** The characters of the first `maxPages` pages; throws when PDFium cannot open the bytes. */
export async function readPdfChars(bytes: Uint8Array, maxPages: number, deadline: number): Promise<PdfPages> {
	const m = await pdfium();
	const mem = m.pdfium.wasmExports;
	const c = charCalls(m);
	const buf = mem.malloc(bytes.length);
	const scratch = mem.malloc(32);
	const heap = () => m.pdfium as unknown as Heap;
	heap().HEAPU8.set(bytes, buf);
	const doc = m.FPDF_LoadMemDocument(buf, bytes.length, '');
	try {
		if (!doc) throw new Error('PDFium cannot open the document');
		const pageCount = m.FPDF_GetPageCount(doc);
		const title = metaText(m, doc, 'Title');
		const pages: PdfChar[][] = [];
		for (let p = 0; p < Math.min(pageCount, maxPages); p++) {
			if (Date.now() > deadline) break;
			const page = m.FPDF_LoadPage(doc, p);
			if (!page) {
				pages.push([]);
				continue;
			}
			const tp = m.FPDFText_LoadPage(page);
			const chars: PdfChar[] = [];
			const n = tp ? m.FPDFText_CountChars(tp) : 0;
			for (let i = 0; i < n; i++) {
				const u = c.FPDFText_GetUnicode(tp, i);
				const generated = c.FPDFText_IsGenerated(tp, i) === 1;
				if (u === 0xfffe || u === 0xffff) continue;
				c.FPDFText_GetLooseCharBox(tp, i, scratch);
				const f = heap().HEAPF32;
				const left = f[scratch >> 2];
				const top = f[(scratch >> 2) + 1];
				const right = f[(scratch >> 2) + 2];
				const bottom = f[(scratch >> 2) + 3];
				c.FPDFText_GetCharOrigin(tp, i, scratch + 16, scratch + 24);
				const d = heap().HEAPF64;
				chars.push({
					ch: String.fromCodePoint(u),
					x: left,
					r: right,
					y: d[(scratch + 24) >> 3],
					h: Math.abs(top - bottom),
					generated
				});
			}
			if (tp) m.FPDFText_ClosePage(tp);
			m.FPDF_ClosePage(page);
			pages.push(chars);
		}
		return { pages, pageCount, title };
	} finally {
		if (doc) m.FPDF_CloseDocument(doc);
		mem.free(scratch);
		mem.free(buf);
	}
}

function metaText(m: WrappedPdfiumModule, doc: number, tag: string): string | undefined {
	const len = m.FPDF_GetMetaText(doc, tag, 0, 0);
	if (len <= 2) return undefined;
	const p = m.pdfium.wasmExports.malloc(len);
	try {
		m.FPDF_GetMetaText(doc, tag, p, len);
		const s = m.pdfium.UTF16ToString(p).trim();
		return s || undefined;
	} finally {
		m.pdfium.wasmExports.free(p);
	}
}
