import type { TestProject } from 'vitest/node';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, type DemoRole } from './browser';
import { spawnApp, waitForServer } from '../helpers/app-server';

let server: ChildProcess | undefined;
let dir = '';

export default async function setup(project: TestProject) {
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk`);
	if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync('build/index.js')) {
		const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
		if (b.status !== 0) throw new Error('vite build failed');
	}
	dir = mkdtempSync(join(tmpdir(), 'dw-e2e-'));
	const dbPath = join(dir, 'e2e.db');
	const env = { ...process.env, DATABASE_URL: dbPath, DATA_DIR: dir };
	// Seed with the same code path as `npm run demo`, in a child so this process holds no DB handle.
	const seed = spawnSync(process.execPath, ['--import', 'tsx', 'tests/e2e/seed.ts'], { env, stdio: 'inherit' });
	if (seed.status !== 0) throw new Error('seeding the e2e database failed');

	const app = await spawnApp(
		{
			...env,
			BODY_SIZE_LIMIT: 'Infinity',
			IMPORT_MAX_ZIP_MB: '30',
			// Every browser test logs in from 127.0.0.1: the per-address limit (rate-limit.spec) would lock them all out
			// after the wrong-password tests. The per-(user, address) limit stays as it is.
			LOGIN_MAX_ADDRESS_FAILURES: '100000'
		},
		['ignore', 'ignore', process.env.E2E_SERVER_LOG ? 'inherit' : 'ignore']
	);
	server = app.child;
	const baseURL = app.base;
	await waitForServer(`${baseURL}/login`, 30_000);

	// One saved login per role, reused by every test file.
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	const states = {} as Record<DemoRole, string>;
	for (const role of ['admin', 'leader', 'inspector', 'clerk'] as const) {
		const ctx = await browser.newContext({ baseURL });
		const page = await ctx.newPage();
		// A loaded CI machine can miss one attempt (the server still starting its parse worker): try again, and say
		// what the login page showed when all attempts fail.
		for (let attempt = 1; ; attempt++) {
			await page.goto('/login');
			await page.fill('input[name=username]', role);
			await page.fill('input[name=password]', `${role}-demo`);
			try {
				await Promise.all([
					page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 60_000 }),
					page.click('button[type=submit]')
				]);
				break;
			} catch (e) {
				if (attempt >= 3)
					throw new Error(
						`login as ${role} failed 3 times; the page said: ${await page.locator('main').textContent()}`,
						{
							cause: e
						}
					);
			}
		}
		states[role] = join(dir, `state-${role}.json`);
		await ctx.storageState({ path: states[role] });
		await ctx.close();
	}
	await browser.close();

	project.provide('baseURL', baseURL);
	project.provide('dbPath', dbPath);
	project.provide('dataDir', dir);
	project.provide('storageStates', states);
	project.provide('serverPid', server.pid ?? 0);

	return async () => {
		if (server && server.exitCode === null) {
			const exited = new Promise((r) => server!.once('exit', r));
			server.kill('SIGTERM');
			await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
			if (server.exitCode === null) server.kill('SIGKILL');
		}
		if (dir) rmSync(dir, { recursive: true, force: true });
	};
}
