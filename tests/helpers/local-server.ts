// A node:http server on 127.0.0.1 for one spec file (a portal, a robots.txt): listening before its tests, closed
// after them. Never the internet.
import { afterAll, beforeAll } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Serves `handler` on a free port; `base` is its http://127.0.0.1:PORT once beforeAll has run. */
export function localServerForSuite(handler: http.RequestListener): { readonly base: string } {
	const server = http.createServer(handler);
	let base = '';
	beforeAll(async () => {
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		server.closeAllConnections();
		await new Promise((r) => server.close(r));
	});
	return {
		get base() {
			return base;
		}
	};
}
