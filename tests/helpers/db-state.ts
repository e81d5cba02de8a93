// What a database holds, for fault tests: every table's rows in rowid order, hashed, so "nothing stored changed"
// is one comparison; and the original files under the data directory with their hashes.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type Database from 'better-sqlite3';

/** Table name → row count and a hash of all its rows (rowid order). */
export function tableDigests(client: Database.Database): Record<string, { rows: number; sha256: string }> {
	const tables = client
		.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
		.all() as { name: string }[];
	const out: Record<string, { rows: number; sha256: string }> = {};
	for (const { name } of tables) {
		const h = createHash('sha256');
		let rows = 0;
		const order = hasRowid(client, name) ? 'ORDER BY rowid' : '';
		for (const row of client.prepare(`SELECT * FROM "${name}" ${order}`).iterate()) {
			h.update(JSON.stringify(row));
			rows++;
		}
		out[name] = { rows, sha256: h.digest('hex') };
	}
	return out;
}

function hasRowid(client: Database.Database, table: string): boolean {
	const sql = (client.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(table) as { sql: string }).sql;
	return !/WITHOUT\s+ROWID/i.test(sql);
}

/** Path (relative to `dir`) → sha256 of every file below `dir`/files. */
export function originalFiles(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (d: string) => {
		for (const e of readdirSync(d, { withFileTypes: true })) {
			const p = join(d, e.name);
			if (e.isDirectory()) walk(p);
			else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
		}
	};
	if (statSync(join(dir, 'files'), { throwIfNoEntry: false })?.isDirectory()) walk(join(dir, 'files'));
	return out;
}
