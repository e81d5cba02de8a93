import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Where the committed drizzle-kit migrations are: beside package.json, both in dev and in the built server. */
function migrationsFolder(): string {
	if (process.env.MIGRATIONS_DIR) return process.env.MIGRATIONS_DIR;
	// src/lib/server/db → project root; build/server/chunks → project root: walk up until drizzle/ is found.
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 6; i++) {
		const candidate = resolve(dir, 'drizzle');
		if (existsSync(resolve(candidate, 'meta/_journal.json'))) return candidate;
		dir = dirname(dir);
	}
	return resolve(process.cwd(), 'drizzle');
}

/** Opens (creating if needed) and migrates a database file. WAL, foreign keys on. */
export function openDatabase(url: string): DB {
	if (url !== ':memory:') mkdirSync(dirname(resolve(url)), { recursive: true });
	const client = new Database(url);
	client.pragma('journal_mode = WAL');
	client.pragma('foreign_keys = ON');
	client.pragma('busy_timeout = 5000');
	client.pragma('synchronous = NORMAL');
	const db = drizzle(client, { schema }) as DB;
	migrateShared(db);
	return db;
}

/**
 * Migrates a database another process may be migrating at the same moment (the server and the CLI on a new file):
 * drizzle reads the applied migrations before it takes the write lock, so the later process can replay a migration
 * the other has just committed and fail ("table already exists") with its own transaction rolled back. Reading
 * again then finds them applied; any other error, or one that persists, is a real one and is thrown at once.
 */
function migrateShared(db: DB): void {
	for (let attempt = 1; ; attempt++) {
		try {
			migrate(db, { migrationsFolder: migrationsFolder() });
			return;
		} catch (e) {
			if (attempt >= 3 || !isConcurrentMigration(e)) throw e;
		}
	}
}

/** The errors a replayed migration raises (drizzle may wrap the driver's error in `cause`). */
function isConcurrentMigration(e: unknown): boolean {
	for (let err = e; err instanceof Error; err = err.cause) {
		if (/already exists|duplicate column name|SQLITE_BUSY|database is locked/i.test(err.message)) return true;
		if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
	}
	return false;
}

export function databaseUrl(): string {
	return process.env.DATABASE_URL || 'data/disclosure-watch.db';
}

let instance: DB | undefined;

/** The process-wide database, opened and migrated on first use. */
export function getDb(): DB {
	instance ??= openDatabase(databaseUrl());
	return instance;
}

/** For the CLI and tests: close the process-wide handle so the process can exit and files can be removed. */
export function closeDb(): void {
	instance?.$client.close();
	instance = undefined;
}
