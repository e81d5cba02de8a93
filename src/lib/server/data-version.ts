// One key for "has anything the pages read changed": the dashboard's cache and the findings page's X7 rebuild.
import type Database from 'better-sqlite3';
import { statement } from './db/statement';

/**
 * Changes whenever anything the charts read changes: report rows (updated_at moves on every recompute), organs and
 * the roster, logs, and the crawler's sources (a run that only breaks a source adds no publication).
 */
export function dataVersion(client?: Database.Database): string {
	const r = statement(
		`SELECT (SELECT COUNT(*) FROM report) AS reports, (SELECT MAX(updated_at) FROM report) AS updated,
			(SELECT COUNT(*) FROM organ) AS organs, (SELECT MAX(id) FROM organ) AS lastOrgan, (SELECT MAX(changed_at) FROM organ) AS roster,
			(SELECT MAX(id) FROM publication) AS lastPub, (SELECT COUNT(*) FROM finding) AS findings,
			(SELECT COUNT(*) || ':' || COALESCE(SUM(enabled), 0) || ':' || COALESCE(MAX(last_run_at), 0) FROM crawl_source) AS sources`,
		client
	).get() as Record<string, number | null>;
	return Object.values(r).join('/');
}
