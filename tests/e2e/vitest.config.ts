import { defineConfig } from 'vitest/config';

// Browser tests: a real build of the app, a real server on a temp SQLite file, Debian's Chromium.
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		testTimeout: 60_000,
		hookTimeout: 240_000,
		// One server, one browser per file: files run one after another to keep a 2-core machine responsive.
		fileParallelism: false
	}
});
