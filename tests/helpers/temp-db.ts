import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Points DATABASE_URL at a fresh file in a temp folder; call before the first getDb(). Returns a cleanup. */
export function useTempDatabase(prefix = 'dw-test-'): { dir: string; url: string; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), prefix));
	const url = join(dir, 'test.db');
	process.env.DATABASE_URL = url;
	process.env.DATA_DIR = dir;
	return { dir, url, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
