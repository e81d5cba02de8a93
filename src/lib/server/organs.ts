// Organs and their aliases (how a name in a report finds its bureau across renamings), and the district's roster:
// which organs count in which year. Merges live in organ-merge.ts, the roster file in roster-file.ts.
import { asc, eq } from 'drizzle-orm';
import { getDb } from './db';
import { statement } from './db/statement';
import * as table from './db/schema';
import { inferOrganKind, isOrganKind, normalizeOrganName, type OrganKind } from '../report/organ';
import { isMember, retireFrom, type OrganStatus, type YearSpan } from '../organs/roster';
import { closestOrgans, type Candidate, type Closest } from '../organs/match';
import * as reports from './reports/read';
import { recompute } from './reports/write';
import { refreshOrgan } from './findings/cross';
import { audit } from './audit';

export { mergeOrgans, mergePreview, undoMerge, mergedInto, type MergePreview, type MergeChoices } from './organ-merge';

export class OrganError extends Error {}

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

/** The organ of that name or alias, created (with that status) when unknown. */
export function ensure(
	name: string,
	kind: OrganKind = inferOrganKind(name),
	status: OrganStatus = 'district'
): table.Organ {
	const found = findByName(name);
	if (found) return found;
	return getDb()
		.insert(table.organ)
		.values({ name: name.trim(), normalizedName: normalizeOrganName(name), kind, status, changedAt: Date.now() })
		.returning()
		.get();
}

/** Adds another name under which reports of this organ are recognised (a renaming, an abbreviation). */
export function addAlias(organId: number, alias: string, years: YearSpan = { from: null, to: null }): void {
	const key = normalizeOrganName(alias);
	if (!key) throw new OrganError('别名为空');
	const owner = findByName(alias);
	if (owner && owner.id !== organId) throw new OrganError(`名称“${alias}”已属于单位“${owner.name}”`);
	if (owner) return;
	getDb()
		.insert(table.organAlias)
		.values({ organId, alias: alias.trim(), normalizedAlias: key, validFrom: years.from, validTo: years.to })
		.run();
}

export function removeAlias(aliasId: number): void {
	getDb().delete(table.organAlias).where(eq(table.organAlias.id, aliasId)).run();
}

export function aliasesOf(organId: number): table.OrganAlias[] {
	return getDb()
		.select()
		.from(table.organAlias)
		.where(eq(table.organAlias.organId, organId))
		.orderBy(asc(table.organAlias.alias))
		.all();
}

export function setKind(organId: number, kind: string): void {
	if (!isOrganKind(kind)) throw new OrganError(`单位类型无效：${kind}`);
	getDb().update(table.organ).set({ kind, changedAt: Date.now() }).where(eq(table.organ.id, organId)).run();
	// T1 depends on the kind (a government's deadline is later): re-check the organ's reports.
	for (const r of reports.list({ organId })) recompute(r.id);
	refreshOrgan(organId); // X7 of the years it holds no report for
}

// ── The roster ──────────────────────────────────────────────────────────────────────────────────────

/** The organs on the district's roster in that year: what the dashboard, rankings and the assessment count. */
export function rosterOrganIds(year: number): number[] {
	return (
		statement(
			`SELECT id FROM organ WHERE status = 'district' AND COALESCE(roster_from, 0) <= ? AND COALESCE(roster_to, 9999) >= ?
				ORDER BY sort_order, name`
		).all(year, year) as { id: number }[]
	).map((r) => r.id);
}

/** Is this organ on the roster in that year? */
export function isOnRoster(organId: number, year: number): boolean {
	const o = get(organId);
	return !!o && isMember({ status: o.status, from: o.rosterFrom, to: o.rosterTo }, year);
}

/** A fresh installation: nobody has put an organ on the roster yet. */
export function rosterIsEmpty(): boolean {
	return !statement(`SELECT 1 FROM organ WHERE status = 'district' LIMIT 1`).get();
}

function touch(organId: number, set: Partial<typeof table.organ.$inferInsert>): void {
	getDb()
		.update(table.organ)
		.set({ ...set, changedAt: Date.now() })
		.where(eq(table.organ.id, organId))
		.run();
}

function mustGet(organId: number): table.Organ {
	const o = get(organId);
	if (!o) throw new OrganError(`单位不存在：${organId}`);
	return o;
}

export interface NewOrgan {
	name: string;
	kind?: string;
	parentId?: number | null;
	years?: YearSpan;
}

/** A new, empty organ on the roster. */
export function addOrgan(input: NewOrgan, actorId: string | null): table.Organ {
	const name = input.name.trim();
	if (!normalizeOrganName(name)) throw new OrganError('请填写单位名称');
	const clash = findByName(name);
	if (clash) throw new OrganError(`名称“${name}”已属于单位“${clash.name}”`);
	const kind = input.kind || inferOrganKind(name);
	if (!isOrganKind(kind)) throw new OrganError(`单位类型无效：${kind}`);
	if (input.parentId) mustGet(input.parentId);
	const db = getDb();
	return db.$client
		.transaction(() => {
			const max = statement('SELECT COALESCE(MAX(sort_order), 0) AS m FROM organ').get() as { m: number };
			const o = db
				.insert(table.organ)
				.values({
					name,
					normalizedName: normalizeOrganName(name),
					kind,
					status: 'district',
					parentId: input.parentId ?? null,
					rosterFrom: input.years?.from ?? null,
					rosterTo: input.years?.to ?? null,
					sortOrder: max.m + 1,
					changedAt: Date.now()
				})
				.returning()
				.get();
			audit(actorId, 'organ.add', { id: o.id, name });
			refreshOrgan(o.id);
			return o;
		})
		.immediate();
}

/** Puts an organ on the roster (a pending one added, an outside one taken in), keeping its years. */
export function setStatus(organId: number, status: OrganStatus, actorId: string | null): void {
	const o = mustGet(organId);
	getDb()
		.$client.transaction(() => {
			touch(organId, { status });
			audit(actorId, 'organ.status', { id: organId, name: o.name, from: o.status, to: status });
			refreshOrgan(organId);
		})
		.immediate();
}

/** Renames: the old name stays as an alias, dated up to the year before `fromYear` when given. */
export function rename(organId: number, newName: string, fromYear: number | null, actorId: string | null): table.Organ {
	const o = mustGet(organId);
	const name = newName.trim();
	const key = normalizeOrganName(name);
	if (!key) throw new OrganError('请填写新名称');
	if (key === o.normalizedName) throw new OrganError('新名称与原名称相同');
	const owner = findByName(name);
	if (owner && owner.id !== organId) throw new OrganError(`名称“${name}”已属于单位“${owner.name}”`);
	const c = getDb().$client;
	c.transaction(() => {
		// The new name may have been an alias of the same organ: it is the name now.
		statement('DELETE FROM organ_alias WHERE organ_id = ? AND normalized_alias = ?').run(organId, key);
		touch(organId, { name, normalizedName: key });
		statement(
			'INSERT INTO organ_alias (organ_id, alias, normalized_alias, valid_from, valid_to) VALUES (?, ?, ?, NULL, ?)'
		).run(organId, o.name, o.normalizedName, fromYear === null ? null : fromYear - 1);
		audit(actorId, 'organ.rename', { id: organId, from: o.name, to: name, fromYear });
		refreshOrgan(organId); // the findings' messages name it
	}).immediate();
	return get(organId)!;
}

/** Ends roster membership from `year` on (a reorganisation): earlier years still count. */
export function retire(organId: number, year: number, actorId: string | null): void {
	const o = mustGet(organId);
	if (o.status !== 'district') throw new OrganError(`“${o.name}”不在本区名册中`);
	const span = retireFrom({ from: o.rosterFrom, to: o.rosterTo }, year);
	if ('error' in span) throw new OrganError(span.error);
	getDb()
		.$client.transaction(() => {
			touch(organId, { rosterFrom: span.from, rosterTo: span.to });
			audit(actorId, 'organ.retire', { id: organId, name: o.name, fromYear: year });
			refreshOrgan(organId);
		})
		.immediate();
}

export function setYears(organId: number, years: YearSpan, actorId: string | null): void {
	const o = mustGet(organId);
	if (years.from !== null && years.to !== null && years.from > years.to) throw new OrganError('起始年度晚于终止年度');
	getDb()
		.$client.transaction(() => {
			touch(organId, { rosterFrom: years.from, rosterTo: years.to });
			audit(actorId, 'organ.years', { id: organId, name: o.name, ...years });
			refreshOrgan(organId);
		})
		.immediate();
}

export function setParent(organId: number, parentId: number | null, actorId: string | null): void {
	if (parentId === organId) throw new OrganError('上级不能是单位自己');
	// No cycles: walk up from the new parent.
	for (let p = parentId, i = 0; p !== null && i < 50; i++) {
		if (p === organId) throw new OrganError('上级关系不能成环');
		p = mustGet(p).parentId;
	}
	const o = mustGet(organId);
	getDb()
		.$client.transaction(() => {
			touch(organId, { parentId });
			audit(actorId, 'organ.parent', { id: organId, parentId });
			refreshOrgan(organId, [o.parentId]);
		})
		.immediate();
}

export function setSortOrder(organId: number, sortOrder: number): void {
	touch(organId, { sortOrder });
}

/** Deletes an organ that has no reports and no accounts; otherwise retire it or mark it outside. */
export function remove(organId: number, actorId: string | null): void {
	const o = mustGet(organId);
	const c = getDb().$client;
	const n = (sql: string) => (statement(sql).get(organId) as { n: number }).n;
	if (n('SELECT count(*) AS n FROM report WHERE organ_id = ?'))
		throw new OrganError(`“${o.name}”已有年报，不能删除：请退出名册（从某年度起）或标记为区外单位`);
	if (n('SELECT count(*) AS n FROM user WHERE organ_id = ?'))
		throw new OrganError(`“${o.name}”仍绑定联络员账号，不能删除`);
	c.transaction(() => {
		statement('UPDATE organ SET parent_id = NULL WHERE parent_id = ?').run(organId);
		statement('DELETE FROM organ WHERE id = ?').run(organId);
		audit(actorId, 'organ.delete', { id: organId, name: o.name });
		refreshOrgan(organId, [o.parentId]); // a child on the roster without a report made its parent's sums uncertain
	}).immediate();
}

// ── Pending organs ─────────────────────────────────────────────────────────────────────────────────

export interface PendingOrgan {
	id: number;
	name: string;
	kind: string;
	years: number[];
	createdAt: number;
	closest: Closest[];
}

function rosterCandidates(): Candidate[] {
	return [
		...(statement(`SELECT id, name, normalized_name AS key FROM organ WHERE status = 'district'`).all() as Candidate[]),
		...(statement(
			`SELECT o.id, o.name, a.normalized_alias AS key FROM organ_alias a JOIN organ o ON o.id = a.organ_id WHERE o.status = 'district'`
		).all() as Candidate[])
	];
}

/** Organs seen in an import and not decided yet, oldest first, each with the closest roster names. */
export function pending(): PendingOrgan[] {
	const rows = statement(
		`SELECT o.id, o.name, o.kind, o.created_at AS createdAt,
				(SELECT json_group_array(year) FROM (SELECT year FROM report WHERE organ_id = o.id ORDER BY year)) AS years
			FROM organ o WHERE o.status = 'pending' ORDER BY o.created_at, o.id`
	).all() as { id: number; name: string; kind: string; createdAt: number; years: string }[];
	const candidates = rosterCandidates();
	return rows.map((r) => ({
		...r,
		years: JSON.parse(r.years) as number[],
		closest: closestOrgans(r.name, candidates)
	}));
}

// ── Lists ───────────────────────────────────────────────────────────────────────────────────────────

export interface OrganAdminRow {
	id: number;
	name: string;
	kind: string;
	status: string;
	rosterFrom: number | null;
	rosterTo: number | null;
	parentId: number | null;
	parentName: string | null;
	sortOrder: number;
	reports: number;
	years: number[];
	users: number;
	aliases: { id: number; alias: string; validFrom: number | null; validTo: number | null }[];
}

/** Every organ with its aliases and what hangs on it, for the admins' organ page: roster order first. */
export function listForAdmin(): OrganAdminRow[] {
	const rows = statement(
		`SELECT o.id, o.name, o.kind, o.status, o.roster_from AS rosterFrom, o.roster_to AS rosterTo, o.parent_id AS parentId,
			        p.name AS parentName, o.sort_order AS sortOrder,
			        (SELECT count(*) FROM report r WHERE r.organ_id = o.id) AS reports,
			        (SELECT json_group_array(year) FROM (SELECT year FROM report WHERE organ_id = o.id ORDER BY year)) AS years,
			        (SELECT count(*) FROM user u WHERE u.organ_id = o.id) AS users
			   FROM organ o LEFT JOIN organ p ON p.id = o.parent_id
			  ORDER BY CASE o.status WHEN 'district' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END, o.sort_order, o.name`
	).all() as (Omit<OrganAdminRow, 'aliases' | 'years'> & { years: string })[];
	const aliases = statement(
		'SELECT id, organ_id AS organId, alias, valid_from AS validFrom, valid_to AS validTo FROM organ_alias ORDER BY alias'
	).all() as ({ organId: number } & OrganAdminRow['aliases'][number])[];
	const byOrgan = new Map<number, OrganAdminRow['aliases']>();
	for (const { organId, ...a } of aliases) byOrgan.set(organId, [...(byOrgan.get(organId) ?? []), a]);
	return rows.map((r) => ({ ...r, years: JSON.parse(r.years) as number[], aliases: byOrgan.get(r.id) ?? [] }));
}

/** Roster organs for pickers (a clerk's organ): name and kind, roster order. */
export function rosterList(): { id: number; name: string; kind: string }[] {
	return statement(`SELECT id, name, kind FROM organ WHERE status = 'district' ORDER BY sort_order, name`).all() as {
		id: number;
		name: string;
		kind: string;
	}[];
}
