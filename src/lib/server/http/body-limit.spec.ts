import { describe, expect, it } from 'vitest';
import { bodyLimitFor, DEFAULT_BODY_LIMIT, IMPORT_ROUTE, LOGIN_BODY_LIMIT, readLimited } from './body-limit';

function chunkedRequest(chunks: number, size: number): Request {
	let sent = 0;
	const body = new ReadableStream<Uint8Array>({
		pull(c) {
			if (sent++ >= chunks) c.close();
			else c.enqueue(new Uint8Array(size));
		}
	});
	return new Request('http://x/', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('body limits', () => {
	it('gives only the import route a large allowance, the login form the smallest', () => {
		expect(bodyLimitFor(IMPORT_ROUTE)).toBeGreaterThan(100 * 1024 * 1024);
		expect(bodyLimitFor('/login')).toBe(LOGIN_BODY_LIMIT);
		expect(bodyLimitFor('/(app)/organs/[id]/[year]')).toBe(DEFAULT_BODY_LIMIT);
		expect(bodyLimitFor('/(app)/admin/sources')).toBeGreaterThan(5 * 1024 * 1024);
		expect(bodyLimitFor(null)).toBe(DEFAULT_BODY_LIMIT);
	});

	it('counts a body without Content-Length as it streams and stops past the limit', async () => {
		expect(await readLimited(chunkedRequest(10, 1000), 10_000)).toHaveLength(10_000);
		expect(await readLimited(chunkedRequest(11, 1000), 10_000)).toBeNull();
		const declared = new Request('http://x/', {
			method: 'POST',
			body: 'x'.repeat(20),
			headers: { 'content-length': '20' }
		});
		expect(await readLimited(declared, 10)).toBeNull();
	});
});
