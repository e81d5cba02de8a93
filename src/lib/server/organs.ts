// Organs and their aliases: how a name in a report finds its bureau across renamings.
import { asc, eq } from 'drizzle-orm';
import { getDb } from './db';
import * as table from './db/schema';
import { inferOrganKind, normalizeOrganName, type OrganKind } from '../report/organ';
import * as reports from './reports/read';
import { recompute } from './reports/write';
import { audit } from './audit';
import { refreshPublicationSummaries } from './summaries';

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

/** Adds another name under which reports of this organ are recognised (a renaming, an abbreviation). */
export function addAlias(organId: number, alias: string): void {
	const key = normalizeOrganName(alias);
	const owner = findByName(alias);
	if (owner && owner.id !== organId) throw new Error(`名称“${alias}”已属于单位“${owner.name}”`);
	if (owner) return;
	getDb().insert(table.organAlias).values({ organId, alias: alias.trim(), normalizedAlias: key }).run();
}

/**
 * Merges organ `fromId` into `intoId`: its aliases, reports, publications, users and child organs follow, and its
 * name becomes an alias, so later imports under the old name land on the merged organ. Where both have a report
 * for the same year, the merged organ's report stays current and the other's revisions join its history
 * (restorable), with their corrections and annotations. The effective state of every report is rebuilt (Y1 now
 * spans both). Returns the merged organ.
 */
export function mergeOrgans(fromId: number, intoId: number, actorId: string | null = null): table.Organ {
	const db = getDb();
	if (fromId === intoId) throw new Error('不能把单位合并到它自己');
	const from = get(fromId);
	const into = get(intoId);
	if (!from || !into) throw new Error(`单位不存在：${!from ? fromId : intoId}`);
	const c = db.$client;
	db.$client.transaction(() => {
		c.prepare('UPDATE organ_alias SET organ_id = ? WHERE organ_id = ?').run(intoId, fromId);
		const key = from.normalizedName;
		const taken = c.prepare('SELECT 1 FROM organ_alias WHERE normalized_alias = ?').get(key);
		if (key !== into.normalizedName && !taken)
			c.prepare('INSERT INTO organ_alias (organ_id, alias, normalized_alias) VALUES (?, ?, ?)').run(intoId, from.name, key);
		c.prepare('UPDATE user SET organ_id = ? WHERE organ_id = ?').run(intoId, fromId);
		c.prepare('UPDATE organ SET parent_id = ? WHERE parent_id = ?').run(intoId, fromId);
		c.prepare('UPDATE organ SET parent_id = NULL WHERE id = ? AND parent_id = ?').run(intoId, intoId);
		// Publications already logged for the merged organ (same url, or title+date) are the same item: drop the copy.
		c.prepare('UPDATE OR IGNORE publication SET organ_id = ? WHERE organ_id = ?').run(intoId, fromId);
		c.prepare('DELETE FROM publication WHERE organ_id = ?').run(fromId);
		const theirs = c.prepare('SELECT id, year FROM report WHERE organ_id = ?').all(fromId) as { id: number; year: number }[];
		for (const r of theirs) {
			const ours = c.prepare('SELECT id FROM report WHERE organ_id = ? AND year = ?').get(intoId, r.year) as { id: number } | undefined;
			if (!ours) {
				c.prepare('UPDATE report SET organ_id = ? WHERE id = ?').run(intoId, r.id);
				continue;
			}
			for (const t of ['revision', 'correction', 'annotation'])
				c.prepare(`UPDATE ${t} SET report_id = ? WHERE report_id = ?`).run(ours.id, r.id);
			c.prepare('DELETE FROM report WHERE id = ?').run(r.id);
		}
		c.prepare('DELETE FROM organ WHERE id = ?').run(fromId);
		audit(actorId, 'organ.merge', { from: { id: fromId, name: from.name }, into: { id: intoId, name: into.name } }, c);
		const ids = c.prepare('SELECT id FROM report WHERE organ_id = ? ORDER BY year').all(intoId) as { id: number }[];
		for (const { id } of ids) recompute(id);
		// The merged organ's log now holds both; the other organ's rows went with it (cascade), cleared here anyway.
		refreshPublicationSummaries(c, intoId);
		refreshPublicationSummaries(c, fromId);
	}).immediate();
	return get(intoId)!;
}

export interface OrganAdminRow {
	id: number;
	name: string;
	kind: string;
	reports: number;
	users: number;
	aliases: { id: number; alias: string }[];
}

/** Every organ with its aliases and what hangs on it, for the admins' organ page. */
export function listForAdmin(): OrganAdminRow[] {
	const c = getDb().$client;
	const rows = c
		.prepare(
			`SELECT o.id, o.name, o.kind,
			        (SELECT count(*) FROM report r WHERE r.organ_id = o.id) AS reports,
			        (SELECT count(*) FROM user u WHERE u.organ_id = o.id) AS users
			   FROM organ o ORDER BY o.name`
		)
		.all() as Omit<OrganAdminRow, 'aliases'>[];
	const aliases = c.prepare('SELECT id, organ_id AS organId, alias FROM organ_alias ORDER BY alias').all() as {
		id: number;
		organId: number;
		alias: string;
	}[];
	const byOrgan = new Map<number, { id: number; alias: string }[]>();
	for (const a of aliases) byOrgan.set(a.organId, [...(byOrgan.get(a.organId) ?? []), { id: a.id, alias: a.alias }]);
	return rows.map((r) => ({ ...r, aliases: byOrgan.get(r.id) ?? [] }));
}

export function removeAlias(aliasId: number): void {
	getDb().delete(table.organAlias).where(eq(table.organAlias.id, aliasId)).run();
}

export function setKind(organId: number, kind: OrganKind): void {
	getDb().update(table.organ).set({ kind }).where(eq(table.organ.id, organId)).run();
	// T1 depends on the kind (a government's deadline is later): re-check the organ's reports.
	for (const r of reports.list({ organId })) recompute(r.id);
}
