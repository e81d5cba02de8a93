import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { compressible, compressResponse, pickEncoding } from './compress';

const page = 'x'.repeat(10) + '全区政务公开总览'.repeat(2000);

describe('response compression', () => {
	it('picks brotli over gzip, honours q=0 and no header', () => {
		expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(pickEncoding('gzip, br;q=0')).toBe('gzip');
		expect(pickEncoding('identity')).toBe(null);
		expect(pickEncoding(null)).toBe(null);
	});

	it('compresses text bodies only, not HEAD, not already encoded, not tiny', () => {
		const get = new Request('http://x/');
		const html = (body: string, h: Record<string, string> = {}) =>
			new Response(body, { headers: { 'content-type': 'text/html', ...h } });
		expect(compressible(get, html(page))).toBe(true);
		expect(compressible(new Request('http://x/', { method: 'HEAD' }), html(page))).toBe(false);
		expect(compressible(get, html(page, { 'content-encoding': 'gzip' }))).toBe(false);
		expect(compressible(get, new Response(page, { headers: { 'content-type': 'application/zip' } }))).toBe(false);
		expect(compressible(get, html('tiny', { 'content-length': '4' }))).toBe(false);
	});

	it.each(['br', 'gzip'] as const)(
		'%s round-trips the body, keeps status and cookies, drops the length',
		async (enc) => {
			const h = new Headers({
				'content-type': 'text/html; charset=utf-8',
				'content-length': String(Buffer.byteLength(page))
			});
			h.append('set-cookie', 'a=1');
			h.append('set-cookie', 'b=2');
			const out = compressResponse(new Response(page, { status: 201, headers: h }), enc);
			expect(out.status).toBe(201);
			expect(out.headers.get('content-encoding')).toBe(enc);
			expect(out.headers.get('content-length')).toBe(null);
			expect(out.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
			const bytes = Buffer.from(await out.arrayBuffer());
			expect(bytes.length).toBeLessThan(Buffer.byteLength(page) / 10);
			expect((enc === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes)).toString('utf8')).toBe(page);
		}
	);
});
