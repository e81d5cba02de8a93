// Organs and their aliases: how a name in a report finds its bureau across renamings.
import { asc, eq } from 'drizzle-orm';
import { getDb } from './db';
import * as table from './db/schema';
import { inferOrganKind, normalizeOrganName } from '../report/organ';

export function findByName(name: string): table.Organ | undefined {
	const db = getDb();
	const key = normalizeOrganName(name);
	const direct = db.select().from(table.organ).where(eq(table.organ.normalizedName, key)).get();
	if (direct) return direct;
	const alias = db
		.select({ organ: table.organ })
		.from(table.organAlias)
		.innerJoin(table.organ, eq(table.organAlias.organId, table.organ.id))
		.where(eq(table.organAlias.normalizedAlias, key))
		.get();
	return alias?.organ;
}

export function get(id: number): table.Organ | undefined {
	return getDb().select().from(table.organ).where(eq(table.organ.id, id)).get();
}

export function list(): table.Organ[] {
	return getDb().select().from(table.organ).orderBy(asc(table.organ.name)).all();
}

/** The organ of that name or alias, created when unknown. */
export function ensure(name: string, kind = inferOrganKind(name)): table.Organ {
	const found = findByName(name);
	if (found) return found;
	return getDb()
		.insert(table.organ)
		.values({ name: name.trim(), normalizedName: normalizeOrganName(name), kind })
		.returning()
		.get();
}
