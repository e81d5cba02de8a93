// DOCX: mammoth turns the document into HTML with its tables (rowspan/colspan kept), then the HTML reader.
import mammoth from 'mammoth';
import type { Doc } from './doc';
import { extractHtml } from './html';

export async function extractDocx(bytes: Uint8Array): Promise<Doc> {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const { value } = await mammoth.convertToHtml({ buffer }, { includeDefaultStyleMap: true, ignoreEmptyParagraphs: true } as never);
	return extractHtml(value);
}
