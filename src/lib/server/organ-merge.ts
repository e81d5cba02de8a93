// Merging two organs safely: a preview (years each side, the years both have, what follows), a choice per
// conflicting year of which report stays current (the other becomes a revision of it, never lost), a log that
// holds every touched row as it was, so the merge can be undone exactly, and a redirect from the merged id.
import type Database from 'better-sqlite3';
import { getDb } from './db';
import { statement } from './db/statement';
import { eq } from 'drizzle-orm';
import * as table from './db/schema';
import type { Organ } from './db/schema';
import { recompute } from './reports/write';
import { refreshCrossFor, refreshOrgan } from './findings/cross';
import { audit } from './audit';
import { refreshPublicationSummaries } from './summaries';

export type MergeSide = 'from' | 'into';
/** Per conflicting year, whose report stays current; a year left out keeps the surviving organ's (`into`). */
export type MergeChoices = Record<number, MergeSide>;

export class MergeError extends Error {}

interface ReportBrief {
	reportId: number;
	revisionId: number | null;
	fileName: string | null;
	publishedOn: string | null;
	findings: number;
}

export interface MergePreview {
	from: { id: number; name: string; status: string; years: number[] };
	into: { id: number; name: string; status: string; years: number[] };
	conflicts: { year: number; from: ReportBrief; into: ReportBrief }[];
	/** The names that will find the surviving organ afterwards: the merged organ's name and its aliases. */
	aliases: string[];
	users: { id: string; username: string }[];
	/** Findings on the merged organ's reports, which move with them. */
	findings: number;
	children: { id: number; name: string }[];
	publications: number;
}

type Row = Record<string, unknown>;

function organBrief(c: Database.Database, id: number): { id: number; name: string; status: string } | undefined {
	return statement('SELECT id, name, status FROM organ WHERE id = ?').get(id) as
		{ id: number; name: string; status: string } | undefined;
}

function briefs(c: Database.Database, organId: number): Map<number, ReportBrief> {
	const rows = statement(
		`SELECT r.id AS reportId, r.year, r.current_revision_id AS revisionId, v.file_name AS fileName, r.published_on AS publishedOn,
				r.findings_count AS findings
			FROM report r LEFT JOIN revision v ON v.id = r.current_revision_id WHERE r.organ_id = ? ORDER BY r.year`
	).all(organId) as (ReportBrief & { year: number })[];
	return new Map(rows.map(({ year, ...b }) => [year, b]));
}

export function mergePreview(fromId: number, intoId: number): MergePreview {
	const c = getDb().$client;
	if (fromId === intoId) throw new MergeError('不能把单位合并到它自己');
	const from = organBrief(c, fromId);
	const into = organBrief(c, intoId);
	if (!from || !into) throw new MergeError(`单位不存在：${!from ? fromId : intoId}`);
	const a = briefs(c, fromId);
	const b = briefs(c, intoId);
	const conflicts = [...a.keys()]
		.filter((y) => b.has(y))
		.map((year) => ({ year, from: a.get(year)!, into: b.get(year)! }));
	const aliases = [
		from.name,
		...(
			statement('SELECT alias FROM organ_alias WHERE organ_id = ? ORDER BY alias').all(fromId) as { alias: string }[]
		).map((r) => r.alias)
	];
	return {
		from: { ...from, years: [...a.keys()] },
		into: { ...into, years: [...b.keys()] },
		conflicts,
		aliases,
		users: statement('SELECT id, username FROM user WHERE organ_id = ? ORDER BY username').all(
			fromId
		) as MergePreview['users'],
		findings: (
			statement('SELECT count(*) AS n FROM finding f JOIN report r ON r.id = f.report_id WHERE r.organ_id = ?').get(
				fromId
			) as { n: number }
		).n,
		children: statement('SELECT id, name FROM organ WHERE parent_id = ? ORDER BY name').all(
			fromId
		) as MergePreview['children'],
		publications: (statement('SELECT count(*) AS n FROM publication WHERE organ_id = ?').get(fromId) as { n: number }).n
	};
}

// Every row a merge can change, as it was: undo writes them back verbatim.
interface Snapshot {
	organs: Row[];
	children: { id: number; parent_id: number }[];
	aliases: Row[];
	users: { id: string; organ_id: number }[];
	reports: Row[];
	revisions: { id: number; report_id: number }[];
	corrections: Row[];
	annotations: { id: number; report_id: number }[];
	figures: Row[];
	findings: Row[];
	summaries: Row[];
	/** Absent in snapshots taken before filing records existed. */
	filings?: Row[];
	publications: Row[];
	publicationYears: Row[];
	publicationMonths: Row[];
}

function snapshot(c: Database.Database, ids: [number, number]): Snapshot {
	const all = (sql: string) => statement(sql).all(...ids) as Row[];
	const reportIds = `SELECT id FROM report WHERE organ_id IN (?, ?)`;
	return {
		organs: all('SELECT * FROM organ WHERE id IN (?, ?)'),
		children: all('SELECT id, parent_id FROM organ WHERE parent_id IN (?, ?)') as Snapshot['children'],
		aliases: all('SELECT * FROM organ_alias WHERE organ_id IN (?, ?)'),
		users: all('SELECT id, organ_id FROM user WHERE organ_id IN (?, ?)') as Snapshot['users'],
		reports: all('SELECT * FROM report WHERE organ_id IN (?, ?)'),
		revisions: all(`SELECT id, report_id FROM revision WHERE report_id IN (${reportIds})`) as Snapshot['revisions'],
		corrections: all(`SELECT * FROM correction WHERE report_id IN (${reportIds})`),
		annotations: all(
			`SELECT id, report_id FROM annotation WHERE report_id IN (${reportIds})`
		) as Snapshot['annotations'],
		figures: all(`SELECT * FROM figure WHERE report_id IN (${reportIds})`),
		findings: all(`SELECT * FROM finding WHERE report_id IN (${reportIds})`),
		summaries: all(`SELECT * FROM report_summary WHERE report_id IN (${reportIds})`),
		filings: all(`SELECT * FROM filing WHERE report_id IN (${reportIds})`),
		publications: all('SELECT * FROM publication WHERE organ_id IN (?, ?)'),
		publicationYears: all('SELECT * FROM publication_year WHERE organ_id IN (?, ?)'),
		publicationMonths: all('SELECT * FROM publication_month WHERE organ_id IN (?, ?)')
	};
}

function insertRows(c: Database.Database, tableName: string, rows: Row[]): void {
	for (const r of rows) {
		const keys = Object.keys(r);
		statement(
			`INSERT INTO ${tableName} (${keys.map((k) => `"${k}"`).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`
		).run(...keys.map((k) => r[k] as never));
	}
}

function updateRow(c: Database.Database, tableName: string, row: Row): void {
	const keys = Object.keys(row).filter((k) => k !== 'id');
	statement(`UPDATE ${tableName} SET ${keys.map((k) => `"${k}" = ?`).join(', ')} WHERE id = ?`).run(
		...keys.map((k) => row[k] as never),
		row.id as never
	);
}

/**
 * Merges organ `fromId` into `intoId`: its aliases, reports, publications, users and child organs follow, and its
 * name becomes an alias, so later imports under the old name land on the merged organ. Where both have a report
 * for the same year, `choices[year]` says whose file stays current (default: the surviving organ's); the other
 * file joins its history as a revision (restorable) and its corrections are set aside (undone, kept), since they
 * corrected the other file. The effective state of every report is rebuilt (Y1 now spans both). Returns the
 * surviving organ and the merge's log id.
 */
export function mergeOrgans(
	fromId: number,
	intoId: number,
	actorId: string | null = null,
	choices: MergeChoices = {}
): Organ & { mergeId: number } {
	const db = getDb();
	const c = db.$client;
	const preview = mergePreview(fromId, intoId);
	const from = statement('SELECT * FROM organ WHERE id = ?').get(fromId) as {
		name: string;
		normalized_name: string;
		parent_id: number | null;
	};
	const into = statement('SELECT * FROM organ WHERE id = ?').get(intoId) as { name: string; normalized_name: string };
	const mergeId = c
		.transaction(() => {
			const before = snapshot(c, [fromId, intoId]);
			statement('UPDATE organ_alias SET organ_id = ? WHERE organ_id = ?').run(intoId, fromId);
			const key = from.normalized_name;
			const taken = statement('SELECT 1 FROM organ_alias WHERE normalized_alias = ?').get(key);
			if (key !== into.normalized_name && !taken)
				statement('INSERT INTO organ_alias (organ_id, alias, normalized_alias) VALUES (?, ?, ?)').run(
					intoId,
					from.name,
					key
				);
			statement('UPDATE user SET organ_id = ? WHERE organ_id = ?').run(intoId, fromId);
			statement('UPDATE organ SET parent_id = ? WHERE parent_id = ?').run(intoId, fromId);
			statement('UPDATE organ SET parent_id = NULL WHERE id = ? AND parent_id = ?').run(intoId, intoId);
			// Publications already logged for the merged organ (same url, or title+date) are the same item: drop the copy.
			statement('UPDATE OR IGNORE publication SET organ_id = ? WHERE organ_id = ?').run(intoId, fromId);
			statement('DELETE FROM publication WHERE organ_id = ?').run(fromId);
			const theirs = statement('SELECT id, year, current_revision_id AS rev FROM report WHERE organ_id = ?').all(
				fromId
			) as {
				id: number;
				year: number;
				rev: number | null;
			}[];
			const now = Date.now();
			for (const r of theirs) {
				const ours = statement('SELECT id FROM report WHERE organ_id = ? AND year = ?').get(intoId, r.year) as
					{ id: number } | undefined;
				if (!ours) {
					statement('UPDATE report SET organ_id = ? WHERE id = ?').run(intoId, r.id);
					continue;
				}
				const keepFrom = choices[r.year] === 'from';
				// The corrections of the file that is no longer current fixed that file, not this one.
				const setAside = keepFrom ? ours.id : r.id;
				statement('UPDATE correction SET undone_at = ?, undone_by = ? WHERE report_id = ? AND undone_at IS NULL').run(
					now,
					actorId,
					setAside
				);
				// The filing record of the file that stays current stays (the other's, when it has none).
				if (keepFrom && statement('SELECT 1 FROM filing WHERE report_id = ?').get(r.id))
					statement('DELETE FROM filing WHERE report_id = ?').run(ours.id);
				statement('UPDATE OR IGNORE filing SET report_id = ? WHERE report_id = ?').run(ours.id, r.id);
				for (const t of ['revision', 'correction', 'annotation'])
					statement(`UPDATE ${t} SET report_id = ? WHERE report_id = ?`).run(ours.id, r.id);
				if (keepFrom && r.rev !== null)
					statement('UPDATE report SET current_revision_id = ? WHERE id = ?').run(r.rev, ours.id);
				statement('DELETE FROM report WHERE id = ?').run(r.id);
			}
			statement('DELETE FROM organ WHERE id = ?').run(fromId);
			const id = Number(
				statement(
					'INSERT INTO organ_merge (from_id, from_name, into_id, into_name, choices_json, snapshot_json, user_id) VALUES (?, ?, ?, ?, ?, ?, ?)'
				).run(fromId, from.name, intoId, into.name, JSON.stringify(choices), JSON.stringify(before), actorId)
					.lastInsertRowid
			);
			audit(
				actorId,
				'organ.merge',
				{
					mergeId: id,
					from: { id: fromId, name: from.name },
					into: { id: intoId, name: into.name },
					conflicts: preview.conflicts.map((x) => x.year),
					choices
				},
				c
			);
			const ids = statement('SELECT id FROM report WHERE organ_id = ? ORDER BY year').all(intoId) as { id: number }[];
			for (const { id: reportId } of ids) recompute(reportId);
			// The merged organ's parent lost a child (its reports now count under the surviving organ's parent).
			refreshOrgan(intoId, [from.parent_id]);
			// The merged organ's log now holds both; the other organ's rows went with it (cascade), cleared here anyway.
			refreshPublicationSummaries(c, intoId);
			refreshPublicationSummaries(c, fromId);
			statement('UPDATE organ SET changed_at = ? WHERE id = ?').run(now, intoId);
			return id;
		})
		.immediate();
	return { ...db.select().from(table.organ).where(eq(table.organ.id, intoId)).get()!, mergeId };
}

export interface MergeLogEntry {
	id: number;
	fromId: number;
	fromName: string;
	intoId: number;
	intoName: string;
	at: number;
	undoneAt: number | null;
	userId: string | null;
}

export function mergeLog(limit = 20): MergeLogEntry[] {
	return statement(
		`SELECT id, from_id AS fromId, from_name AS fromName, into_id AS intoId, into_name AS intoName, at, undone_at AS undoneAt, user_id AS userId
			FROM organ_merge ORDER BY id DESC LIMIT ?`
	).all(limit) as MergeLogEntry[];
}

/**
 * Undoes a merge: both organs, their aliases, users, child organs, reports (with their revisions, corrections,
 * annotations, figures and findings) and publication logs are as they were before it. Refused when something has
 * happened since that the snapshot does not hold (a later merge of either organ, a new report, revision,
 * correction or note on the surviving organ).
 */
export function undoMerge(mergeId: number, actorId: string | null): void {
	const c = getDb().$client;
	c.transaction(() => {
		const m = statement('SELECT * FROM organ_merge WHERE id = ?').get(mergeId) as
			| { from_id: number; into_id: number; from_name: string; snapshot_json: string; undone_at: number | null }
			| undefined;
		if (!m) throw new MergeError(`合并记录不存在：${mergeId}`);
		if (m.undone_at !== null) throw new MergeError('该合并已撤销');
		const later = statement(
			'SELECT 1 FROM organ_merge WHERE id > ? AND undone_at IS NULL AND (from_id IN (?, ?) OR into_id IN (?, ?))'
		).get(mergeId, m.from_id, m.into_id, m.from_id, m.into_id);
		if (later) throw new MergeError('此后这两个单位又参与了合并：请先撤销后来的合并');
		if (statement('SELECT 1 FROM organ WHERE id = ?').get(m.from_id))
			throw new MergeError('原单位编号已被占用，无法撤销');
		const s = JSON.parse(m.snapshot_json) as Snapshot;
		const known = (rows: { id: unknown }[]) => new Set(rows.map((r) => Number(r.id)));
		const knownReports = known(s.reports as { id: unknown }[]);
		const now = (statement('SELECT id FROM report WHERE organ_id = ?').all(m.into_id) as { id: number }[]).map(
			(r) => r.id
		);
		if (now.some((id) => !knownReports.has(id))) throw new MergeError('合并后该单位又有了新的年报，无法自动撤销');
		const ids = `(${[...knownReports].join(',') || 'NULL'})`;
		const newer = (tableName: string, rows: { id: unknown }[]) => {
			const seen = known(rows);
			return (statement(`SELECT id FROM ${tableName} WHERE report_id IN ${ids}`).all() as { id: number }[]).some(
				(r) => !seen.has(r.id)
			);
		};
		if (
			newer('revision', s.revisions) ||
			newer('correction', s.corrections as { id: unknown }[]) ||
			newer('annotation', s.annotations)
		)
			throw new MergeError('合并后该单位的年报又有了新的版本、更正或批注，无法自动撤销');

		const organs = s.organs as { id: number }[];
		const fromRow = organs.find((o) => o.id === m.from_id)!;
		const intoRow = organs.find((o) => o.id === m.into_id)!;
		statement('DELETE FROM organ_alias WHERE organ_id = ?').run(m.into_id);
		insertRows(c, 'organ', [fromRow]);
		updateRow(c, 'organ', intoRow);
		insertRows(c, 'organ_alias', s.aliases);
		for (const ch of s.children) statement('UPDATE organ SET parent_id = ? WHERE id = ?').run(ch.parent_id, ch.id);
		for (const u of s.users) statement('UPDATE user SET organ_id = ? WHERE id = ?').run(u.organ_id, u.id);
		// Reports: the merged organ's come back (re-created where they had been folded into a shared year).
		for (const r of s.reports as { id: number }[]) {
			if (statement('SELECT 1 FROM report WHERE id = ?').get(r.id)) updateRow(c, 'report', r);
			else insertRows(c, 'report', [r]);
		}
		for (const v of s.revisions) statement('UPDATE revision SET report_id = ? WHERE id = ?').run(v.report_id, v.id);
		for (const a of s.annotations) statement('UPDATE annotation SET report_id = ? WHERE id = ?').run(a.report_id, a.id);
		for (const x of s.corrections) updateRow(c, 'correction', x);
		statement(`DELETE FROM figure WHERE report_id IN ${ids}`).run();
		statement(`DELETE FROM finding WHERE report_id IN ${ids}`).run();
		statement(`DELETE FROM report_summary WHERE report_id IN ${ids}`).run();
		statement(`DELETE FROM filing WHERE report_id IN ${ids}`).run();
		insertRows(c, 'figure', s.figures);
		insertRows(c, 'finding', s.findings);
		insertRows(c, 'report_summary', s.summaries);
		insertRows(c, 'filing', s.filings ?? []);
		for (const t of ['publication', 'publication_year', 'publication_month'])
			statement(`DELETE FROM ${t} WHERE organ_id IN (?, ?)`).run(m.from_id, m.into_id);
		insertRows(c, 'publication', s.publications);
		insertRows(c, 'publication_year', s.publicationYears);
		insertRows(c, 'publication_month', s.publicationMonths);
		// The cross-report findings are derived, not kept in the snapshot: both organs' are re-derived (X6, D3, X7, and
		// H1 of their parents and of themselves as parents).
		const parents = (
			statement('SELECT parent_id AS p FROM organ WHERE id IN (?, ?)').all(m.from_id, m.into_id) as {
				p: number | null;
			}[]
		).map((r) => r.p);
		for (const { id } of statement('SELECT id FROM report WHERE organ_id IN (?, ?)').all(m.from_id, m.into_id) as {
			id: number;
		}[])
			refreshCrossFor(id);
		refreshOrgan(m.from_id, parents);
		refreshOrgan(m.into_id, parents);
		// changed_at comes back as it was too: the data is as before the merge, so is the dashboard's cache key.
		const at = Date.now();
		statement('UPDATE organ_merge SET undone_at = ?, undone_by = ? WHERE id = ?').run(at, actorId, mergeId);
		audit(actorId, 'organ.merge_undo', { mergeId, from: { id: m.from_id, name: m.from_name }, into: m.into_id }, c);
	}).immediate();
}

/** Where a merged organ's id went (following later merges), or undefined when the id was never merged away. */
export function mergedInto(organId: number): number | undefined {
	let id = organId;
	for (let i = 0; i < 20; i++) {
		const m = statement(
			'SELECT into_id AS intoId FROM organ_merge WHERE from_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1'
		).get(id) as { intoId: number } | undefined;
		if (!m) break;
		id = m.intoId;
	}
	return id === organId ? undefined : id;
}
