// Request bodies are capped per route: only the import route takes uploads, the login form takes a few hundred
// bytes, every other form a little text. Bytes are counted as they stream in, so a chunked body (no
// Content-Length) is cut off at the same limit as a declared one.
import { importLimits } from '../import';
import { readStreamCapped } from './read-capped';

const KB = 1024;
const MB = 1024 * KB;

export const IMPORT_ROUTE = '/(app)/import';
/** The login form: a username and a password, a few hundred bytes with multipart framing. */
export const LOGIN_BODY_LIMIT = 8 * KB;
/** Any other form or JSON body: corrections, notes, user and organ admin. */
export const DEFAULT_BODY_LIMIT = 256 * KB;

/** Routes whose forms carry a file of their own, with the size their action allows plus multipart framing. */
const FILE_ROUTES: Record<string, number> = {
	'/(app)/admin/sources': 5 * MB + 64 * KB // the sources CSV (the action refuses more than 5 MB itself)
};

/** The most bytes a request body may have on this route. */
export function bodyLimitFor(routeId: string | null): number {
	if (routeId === IMPORT_ROUTE) return importLimits().maxZipBytes + MB; // multipart framing around the files
	if (routeId === '/login') return LOGIN_BODY_LIMIT;
	return (routeId !== null && FILE_ROUTES[routeId]) || DEFAULT_BODY_LIMIT;
}

export function megabytes(bytes: number): string {
	return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / KB)} KB`;
}

/** True when the request declares more than `max` bytes (the cheap check, before anything is read). */
export function declaresMore(request: Request, max: number): boolean {
	const length = Number(request.headers.get('content-length'));
	return Number.isFinite(length) && length > max;
}

/** The whole body, or null as soon as more than `max` bytes have arrived (the rest is not read). */
export async function readLimited(request: Request, max: number): Promise<Uint8Array | null> {
	if (!request.body) return new Uint8Array(0);
	// Declared too large: answer without reading (cancelling would reset the connection before the 413 is read).
	if (declaresMore(request, max)) return null;
	// Past the cap the reading stops: the connection is dropped, the rest of the body is never buffered.
	return readStreamCapped(request.body, max);
}

/** The same request with a body already read (so later readers see the capped bytes, not the socket). */
export function withBody(request: Request, body: Uint8Array): Request {
	const headers = new Headers(request.headers);
	headers.delete('transfer-encoding');
	headers.set('content-length', String(body.byteLength));
	return new Request(request.url, {
		method: request.method,
		headers,
		body: body as unknown as BodyInit,
		signal: request.signal
	});
}
