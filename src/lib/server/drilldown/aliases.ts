// The aliases of organs (former names, spellings seen in reports), grouped by organ, for the lists that show them.
import { inArray } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';

/** Aliases per organ id: of the given organs, or of all. */
export function aliasesByOrgan(ids?: number[]): Map<number, string[]> {
	const q = getDb().select({ organId: table.organAlias.organId, alias: table.organAlias.alias }).from(table.organAlias);
	const rows = ids ? q.where(inArray(table.organAlias.organId, ids)).all() : q.all();
	const out = new Map<number, string[]>();
	for (const r of rows) out.set(r.organId, [...(out.get(r.organId) ?? []), r.alias]);
	return out;
}
