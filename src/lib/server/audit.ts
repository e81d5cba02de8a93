// The audit log: who did what to which record. Every write that an admin may later have to account for (imports,
// corrections and their undoing, restores, removed notes, organ merges, publication logs) goes through here.
import type Database from 'better-sqlite3';
import { statement } from './db/statement';

/**
 * Logs one action; call it inside the transaction of the change it records, so both commit or neither does.
 * `userId` is null for the command line run without --as; `detail` is stored as JSON.
 */
export function audit(userId: string | null, action: string, detail: unknown, client?: Database.Database): void {
	statement('INSERT INTO audit_log (user_id, action, detail) VALUES (?, ?, ?)', client).run(
		userId,
		action,
		JSON.stringify(detail)
	);
}
