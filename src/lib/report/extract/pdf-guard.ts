// A PDF's compressed streams measured before PDFium decodes them: a 1 MB file whose content stream inflates to
// 400 MB froze the server 31 s and took 700 MB (pdf.js, the reader then, checked no decoded size). Every Flate stream that is not an
// image (text extraction never decodes images) is inflated here in small steps, counting, and the file is refused
// as soon as the total passes the cap; nothing decoded is kept.
import { Inflate } from 'fflate';

/** Decoded bytes of a PDF's non-image Flate streams together. Real reports decode to a few MB. */
export const MAX_PDF_DECODED_BYTES = 128 * 1024 * 1024;

export class PdfTooLarge extends Error {}

/** Compressed bytes pushed per step: deflate expands at most ~1032:1, so one step yields at most ~1 MB. */
const STEP = 1024;

class Stop extends Error {}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const STREAM = ascii('stream');
const ENDSTREAM = ascii('endstream');
const OBJ = ascii('obj');
const END = ascii('end');
const latin1 = new TextDecoder('latin1');

/** `pat` at `at` in `b`. */
function bytesAt(b: Uint8Array, pat: Uint8Array, at: number): boolean {
	if (at < 0 || at + pat.length > b.length) return false;
	for (let k = 0; k < pat.length; k++) if (b[at + k] !== pat[k]) return false;
	return true;
}

/** The first `pat` at or after `from` (as String.prototype.indexOf), by the engine's byte search for its first byte. */
function indexOfBytes(b: Uint8Array, pat: Uint8Array, from: number): number {
	for (let i = b.indexOf(pat[0], from); i >= 0; i = b.indexOf(pat[0], i + 1)) if (bytesAt(b, pat, i)) return i;
	return -1;
}

/** The last `pat` starting at or before `from` (as String.prototype.lastIndexOf). */
function lastIndexOfBytes(b: Uint8Array, pat: Uint8Array, from: number): number {
	for (let i = b.lastIndexOf(pat[0], from); i >= 0; i = i > 0 ? b.lastIndexOf(pat[0], i - 1) : -1)
		if (bytesAt(b, pat, i)) return i;
	return -1;
}

/** The bytes \s matches once read as latin1 (windows-1252): tab to CR, space, no-break space. */
const isSpace = (c: number) => (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0;

/**
 * Throws PdfTooLarge when the streams decode to more than `cap` bytes; returns the decoded total otherwise. The
 * file is searched as bytes (one byte, one latin1 character); only each stream's dictionary is read as text.
 */
export function checkPdfDecodedSize(bytes: Uint8Array, cap = MAX_PDF_DECODED_BYTES): number {
	let total = 0;
	let at = 0;
	for (;;) {
		const kw = indexOfBytes(bytes, STREAM, at);
		if (kw < 0) break;
		at = kw + 6;
		// "endstream" also contains "stream"; a stream keyword follows its dictionary's ">>".
		if (bytesAt(bytes, END, Math.max(0, kw - 3))) continue;
		let d = kw - 1;
		while (d >= 0 && isSpace(bytes[d])) d--;
		if (d < 1 || bytes[d] !== 0x3e || bytes[d - 1] !== 0x3e) continue;
		let start = kw + 6;
		if (bytes[start] === 0x0d) start++;
		if (bytes[start] === 0x0a) start++;
		const dictStart = lastIndexOfBytes(bytes, OBJ, kw);
		const dict = latin1.decode(bytes.subarray(Math.max(dictStart, kw - 4096, 0), kw));
		if (!/\/(FlateDecode|Fl)\b/.test(dict) || /\/Subtype\s*\/Image\b/.test(dict)) continue;
		const end = indexOfBytes(bytes, ENDSTREAM, start);
		const data = bytes.subarray(start, end < 0 ? bytes.length : end);
		total += inflatedSize(data, cap - total);
		if (total > cap) throw new PdfTooLarge(`PDF streams decode to more than ${cap} bytes`);
		if (end > 0) at = end + 9;
	}
	return total;
}

// Node's native zlib, reached without importing a Node module (the core stays platform-free: elsewhere only the
// JS inflater runs). Seven times faster than stepping fflate; bounded by maxOutputLength.
type NodeZlib = {
	inflateSync(b: Uint8Array, o: { maxOutputLength: number; finishFlush: number }): Uint8Array;
	constants: { Z_SYNC_FLUSH: number };
};
const nodeZlib = (
	globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:zlib') as NodeZlib | undefined;

/** A stream that decodes to more than this in one piece is measured in steps instead (no large buffer). */
const NATIVE_MAX = 8 * 1024 * 1024;

/** Bytes the zlib data inflates to, stopping once past `budget` (a broken stream counts what it gave). */
function inflatedSize(data: Uint8Array, budget: number): number {
	if (nodeZlib)
		try {
			const max = Math.min(NATIVE_MAX, budget + 1);
			return nodeZlib.inflateSync(data, { maxOutputLength: max, finishFlush: nodeZlib.constants.Z_SYNC_FLUSH }).length;
		} catch {
			// Larger than the one-piece limit, raw deflate or corrupt: measured step by step below
		}
	return steppedSize(data, budget);
}

/** inflatedSize by fflate in small steps: at most ~1 MB decoded at a time, nothing kept. */
function steppedSize(data: Uint8Array, budget: number): number {
	let n = 0;
	const inf = new Inflate((chunk) => {
		n += chunk.length;
		if (n > budget) throw new Stop();
	});
	// zlib header (PDF Flate streams are zlib-wrapped): skip it for the raw inflater when present.
	let off = 0;
	if (data.length > 2 && (data[0] & 0x0f) === 8 && ((data[0] << 8) | data[1]) % 31 === 0) off = 2;
	try {
		for (let i = off; i < data.length; i += STEP) inf.push(data.subarray(i, Math.min(data.length, i + STEP)), false);
	} catch {
		// Stop (over budget) or corrupt data: what came out so far is the measure
	}
	return n;
}
