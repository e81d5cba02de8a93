// The CLI end to end in a child process (node --import tsx src/cli/index.ts …), for one spec file: its own temp
// folder holding the database and the data directory, removed after the file's tests.
import { afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function cliForSuite(prefix: string) {
	const root = mkdtempSync(join(tmpdir(), prefix));
	afterAll(() => rmSync(root, { recursive: true, force: true }));
	const env = { ...process.env, DATABASE_URL: join(root, 'db.sqlite'), DATA_DIR: root };
	const cli = (...args: string[]) => {
		const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { env, encoding: 'utf8' });
		return { code: r.status, stdout: r.stdout, stderr: r.stderr };
	};
	return { root, env, cli };
}
