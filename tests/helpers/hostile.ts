// Files built to hurt a parser, from the issue 14 review: each small on disk, expensive if trusted.
import { Deflate, zipSync, type Zippable } from 'fflate';
import { crc32 } from 'node:zlib';

const enc = new TextEncoder();

/** `depth` nested elements in about depth × 5 bytes: 200,000 once froze the server 28 s. */
export function nestedHtml(depth = 200_000): Uint8Array {
	return enc.encode(
		'<html><body>' +
			'<div>'.repeat(depth) +
			'2023年度政府信息公开工作年度报告' +
			'</div>'.repeat(depth) +
			'</body></html>'
	);
}

/** zlib data that inflates to `size` zero bytes, built in steps (the test never holds the inflated bytes). */
export function zerosDeflated(size: number): Uint8Array {
	const parts: Uint8Array[] = [];
	const d = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
	const step = new Uint8Array(1024 * 1024);
	for (let left = size; left > 0; left -= step.length)
		d.push(left > step.length ? step : step.subarray(0, left), left <= step.length);
	const raw = concat(parts);
	// zlib wrapper: header 78 DA, raw deflate, adler32 (of zeros: unchecked by our guard and by pdf.js' tolerance)
	return concat([new Uint8Array([0x78, 0xda]), raw, new Uint8Array([0, 0, 0, 1])]);
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** A one-page PDF whose content stream inflates to `size` bytes (400 MB froze the server 31 s). */
export function inflatingPdf(size = 400 * 1024 * 1024): Uint8Array {
	const stream = zerosDeflated(size);
	const head = enc.encode(
		'%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
			'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n' +
			`4 0 obj << /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`
	);
	const tail = enc.encode('\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
	return concat([head, stream, tail]);
}

/** `size` zero bytes with the given [offset, width in bytes, value] fields written little-endian. */
function littleEndian(size: number, fields: [offset: number, width: 2 | 4, value: number][]): Uint8Array {
	const view = new DataView(new ArrayBuffer(size));
	for (const [at, width, value] of fields)
		if (width === 2) view.setUint16(at, value, true);
		else view.setUint32(at, value, true);
	return new Uint8Array(view.buffer);
}

/**
 * The 7 MB → 1 GB shape: `entries` entries of `entryBytes` zeros each, just under the old 1 MB ratio floor. Built
 * by hand with one deflated blob shared by every entry, so making it costs a single deflate.
 */
export function paddedZipBomb(entries = 1000, entryBytes = 1024 * 1024 - 1): Uint8Array {
	const zlib = zerosDeflated(entryBytes);
	const raw = zlib.subarray(2, zlib.length - 4); // zip stores raw deflate
	const crc = crc32(new Uint8Array(entryBytes));
	const locals: Uint8Array[] = [];
	const centrals: Uint8Array[] = [];
	let offset = 0;
	for (let i = 0; i < entries; i++) {
		const name = enc.encode(`pad/${i}.txt`);
		// The local file header and the central directory header (APPNOTE 4.3.7, 4.3.12): the central one holds the
		// same fields (version needed, method, CRC, sizes, name length) two bytes further on.
		const entryFields = (at: number): [number, 2 | 4, number][] => [
			[at + 4, 2, 20],
			[at + 8, 2, 8],
			[at + 14, 4, crc],
			[at + 18, 4, raw.length],
			[at + 22, 4, entryBytes],
			[at + 26, 2, name.length]
		];
		const local = concat([littleEndian(30, [[0, 4, 0x04034b50], ...entryFields(0)]), name, raw]);
		const central = littleEndian(46, [[0, 4, 0x02014b50], [4, 2, 20], ...entryFields(2), [42, 4, offset]]);
		centrals.push(concat([central, name]));
		locals.push(local);
		offset += local.length;
	}
	const cd = concat(centrals);
	const eocd = littleEndian(22, [
		[0, 4, 0x06054b50],
		[8, 2, entries],
		[10, 2, entries],
		[12, 4, cd.length],
		[16, 4, offset]
	]);
	return concat([...locals, cd, eocd]);
}

/** A zip of `n` tiny entries. */
export function manyEntriesZip(n = 10_001): Uint8Array {
	const files: Zippable = {};
	for (let i = 0; i < n; i++) files[`e/${i}.txt`] = enc.encode(String(i));
	return zipSync(files, { level: 0 });
}
