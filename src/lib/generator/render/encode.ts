// Text → bytes in the encodings reports arrive in. iconv-lite is pure JavaScript, so this stays in the pure core.
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'big5';

export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
	if (encoding === 'utf-8') return new TextEncoder().encode(text);
	if (encoding === 'utf-8-bom') return new TextEncoder().encode('\ufeff' + text);
	return new Uint8Array(iconv.encode(text, encoding));
}

/** True when the text survives the encoding unchanged (Big5 lacks some characters). */
export function encodable(text: string, encoding: TextEncoding): boolean {
	if (encoding.startsWith('utf-8')) return true;
	// Decoded as a browser or the parser would (WHATWG tables), not by iconv-lite's own.
	return new TextDecoder(encoding).decode(encodeText(text, encoding)) === text;
}
