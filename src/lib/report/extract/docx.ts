// DOCX: mammoth turns the document into HTML with its tables (rowspan/colspan kept), then the HTML reader;
// docx-fast.ts gives the same lines for plain documents without mammoth's cost.
import mammoth from 'mammoth';
import type { Doc } from './doc';
import { extractHtml } from './html';
import { readDocxFast } from './docx-fast';
import { strFromU8, unzipSync } from 'fflate';
import { isWellFormedXml } from './xml-check';

export async function extractDocx(bytes: Uint8Array): Promise<Doc> {
	// Plain documents (the common case) are read directly, with the same result; mammoth reads the rest.
	const fast = readDocxFast(bytes);
	if (fast) return fast;
	return extractDocxMammoth(bytes);
}

/** The reference reader: mammoth's HTML through the HTML reader. */
export async function extractDocxMammoth(bytes: Uint8Array): Promise<Doc> {
	// mammoth's XML parser recovers from broken markup in quadratic time: refuse a broken part first.
	const parts = unzipSync(bytes, { filter: (f) => /\.(xml|rels)$/i.test(f.name) });
	for (const [name, data] of Object.entries(parts))
		if (!isWellFormedXml(strFromU8(data))) throw new Error(`malformed XML in ${name}`);
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const { value } = await mammoth.convertToHtml({ buffer }, {
		includeDefaultStyleMap: true,
		ignoreEmptyParagraphs: true
	} as never);
	return extractHtml(value);
}
