import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDb } from '../../src/lib/server/db';

/** Points DATABASE_URL at a fresh file in a temp folder; call before the first getDb(). Returns a cleanup. */
export function useTempDatabase(prefix = 'dw-test-'): { dir: string; url: string; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	const url = join(dir, 'test.db');
	process.env.DATABASE_URL = url;
	process.env.DATA_DIR = dir;
	return { dir, url, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A fresh database for one spec file: opened lazily by the first getDb() after beforeAll, closed and removed after
 * all its tests. `dir` is the folder (DATA_DIR) once beforeAll has run.
 */
export function tempDatabaseForSuite(prefix = 'dw-test-'): { readonly dir: string; readonly url: string } {
	let tmp: ReturnType<typeof useTempDatabase> | undefined;
	beforeAll(() => {
		tmp = useTempDatabase(prefix);
	});
	afterAll(() => {
		closeDb();
		tmp?.cleanup();
	});
	return {
		get dir() {
			return tmp!.dir;
		},
		get url() {
			return tmp!.url;
		}
	};
}
