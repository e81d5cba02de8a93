import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/lib/server/db';

const dir = mkdtempSync(join(tmpdir(), 'dw-mig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
	it('apply to an empty file, are idempotent, and leave WAL and foreign keys on', () => {
		const file = join(dir, 'fresh.db');
		const db = openDatabase(file);
		const tables = (
			db.$client.prepare("select name from sqlite_master where type='table'").all() as { name: string }[]
		).map((t) => t.name);
		for (const t of [
			'user',
			'session',
			'organ',
			'report',
			'revision',
			'figure',
			'finding',
			'publication',
			'login_failure'
		])
			expect(tables).toContain(t);
		expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
		const applied = (db.$client.prepare('select count(*) n from __drizzle_migrations').get() as { n: number }).n;
		expect(applied).toBe(readdirSync('drizzle').filter((f) => f.endsWith('.sql')).length);
		db.$client.close();
		const again = openDatabase(file);
		expect((again.$client.prepare('select count(*) n from __drizzle_migrations').get() as { n: number }).n).toBe(
			applied
		);
		again.$client.close();
	});
});
