// The browser tests' shared database, read beside the running server: opened read-only for one read, then closed.
import Database from 'better-sqlite3';
import { inject } from 'vitest';

export function readE2eDb<T>(read: (db: Database.Database) => T): T {
	const db = new Database(inject('dbPath'), { readonly: true, fileMustExist: true });
	try {
		return read(db);
	} finally {
		db.close();
	}
}
