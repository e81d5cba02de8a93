// DOCX: mammoth turns the document into HTML with its tables (rowspan/colspan kept), then the HTML reader;
// docx-fast.ts gives the same lines for plain documents without mammoth's cost.
import mammoth from 'mammoth';
import type { Doc } from './doc';
import { extractHtml } from './html';
import { readDocxFast } from './docx-fast';

export async function extractDocx(bytes: Uint8Array): Promise<Doc> {
	// Plain documents (the common case) are read directly, with the same result; mammoth reads the rest.
	const fast = readDocxFast(bytes);
	if (fast) return fast;
	return extractDocxMammoth(bytes);
}

/** The reference reader: mammoth's HTML through the HTML reader. */
export async function extractDocxMammoth(bytes: Uint8Array): Promise<Doc> {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const { value } = await mammoth.convertToHtml({ buffer }, { includeDefaultStyleMap: true, ignoreEmptyParagraphs: true } as never);
	return extractHtml(value);
}
