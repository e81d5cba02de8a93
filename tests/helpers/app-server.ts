// The built app (`node build`) as a child process on a free 127.0.0.1 port, for the browser tests' global setup,
// the server-kill tests and bench:load.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const port = (srv.address() as { port: number }).port;
			srv.close(() => resolve(port));
		});
		srv.on('error', reject);
	});
}

/** Starts `node build` with `env` plus its port, host and origin; `base` is http://127.0.0.1:PORT. Not yet up. */
export async function spawnApp(
	env: NodeJS.ProcessEnv,
	stdio: StdioOptions
): Promise<{ base: string; child: ChildProcess }> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['build'], {
		env: { ...env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: base },
		stdio
	});
	return { base, child };
}

/** Resolves once `url` answers below 500; `detail` is added to the error (e.g. the server's stderr so far). */
export async function waitForServer(url: string, ms = 30_000, detail = () => ''): Promise<void> {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		try {
			const r = await fetch(url, { redirect: 'manual' });
			if (r.status < 500) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`server did not answer at ${url} within ${ms} ms${detail() ? `: ${detail()}` : ''}`);
}
