import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files run in name order, the same on every machine (vitest's own order follows a local timing cache, so a test
 * that leaned on another file's data could pass here and fail on a fresh clone). The every-route-as-every-role test
 * posts every form action as every role, changing the shared data: it runs last.
 */
class NameOrderRoutesLast extends BaseSequencer {
	async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
		// E2E_REVERSE=1 runs them the other way round: a check that no file leans on another's data.
		if (process.env.E2E_REVERSE === '1') sorted.reverse();
		const last = (f: TestSpecification) => f.moduleId.endsWith('routes.e2e.ts');
		return [...sorted.filter((f) => !last(f)), ...sorted.filter(last)];
	}
}

// Browser tests: a real build of the app, a real server on a temp SQLite file, Debian's Chromium.
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		testTimeout: 60_000,
		hookTimeout: 240_000,
		// One server, one browser per file: files run one after another to keep a 2-core machine responsive.
		fileParallelism: false,
		sequence: { sequencer: NameOrderRoutesLast }
	}
});
