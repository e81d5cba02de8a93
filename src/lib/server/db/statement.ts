// The one cache of prepared statements: one per distinct SQL text and database handle, so a hot path (a bulk
// import, a dashboard load) plans each query once. Callers write their SQL as constant text with `?` parameters.
import type Database from 'better-sqlite3';
import { getDb } from './index';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement(sql: string, client: Database.Database = getDb().$client): Database.Statement {
	let m = cache.get(client);
	if (!m) cache.set(client, (m = new Map()));
	let s = m.get(sql);
	if (!s) m.set(sql, (s = client.prepare(sql)));
	return s;
}
