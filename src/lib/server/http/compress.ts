// Compression of the server's own responses (pages, data, JSON, CSV), as a handle hook so `node build` stays the
// entry: brotli when the browser takes it, else gzip. The built assets under /_app are precompressed by adapter-node
// and served by its static handler, so they never reach this hook. Every chunk is flushed, so a streamed page still
// streams.
import type { Handle } from '@sveltejs/kit';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|x-ndjson)|image\/svg\+xml)/;
/** Below this a compressed body saves less than its headers cost. */
const MIN_BYTES = 1024;

export function pickEncoding(accept: string | null): 'br' | 'gzip' | null {
	if (!accept) return null;
	const offered = new Map<string, number>();
	for (const part of accept.toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		offered.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
	}
	if ((offered.get('br') ?? 0) > 0) return 'br';
	if ((offered.get('gzip') ?? 0) > 0) return 'gzip';
	return null;
}

export function compressible(request: Request, response: Response): boolean {
	if (request.method === 'HEAD' || !response.body || response.headers.has('content-encoding')) return false;
	if (response.status < 200 || response.status === 204 || response.status === 206 || response.status === 304)
		return false;
	if (!COMPRESSIBLE.test(response.headers.get('content-type') ?? '')) return false;
	const length = response.headers.get('content-length');
	return length === null || Number(length) >= MIN_BYTES;
}

export function compressResponse(response: Response, encoding: 'br' | 'gzip'): Response {
	const stream =
		encoding === 'br'
			? // Quality 5: most of the size of 11 at a small part of the time (pages are rendered per request).
				createBrotliCompress({
					flush: constants.BROTLI_OPERATION_FLUSH,
					params: { [constants.BROTLI_PARAM_QUALITY]: 5 }
				})
			: createGzip({ flush: constants.Z_SYNC_FLUSH, level: 6 });
	const body = Readable.toWeb(
		Readable.fromWeb(response.body as unknown as NodeReadableStream).pipe(stream)
	) as unknown as ReadableStream;
	const headers = new Headers(response.headers);
	headers.set('content-encoding', encoding);
	headers.delete('content-length');
	headers.append('vary', 'Accept-Encoding');
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

export const compress: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const encoding = pickEncoding(event.request.headers.get('accept-encoding'));
	return encoding && compressible(event.request, response) ? compressResponse(response, encoding) : response;
};
