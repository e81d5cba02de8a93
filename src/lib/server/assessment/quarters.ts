// A quarter's sheet: scored live under the latest rubric while open; once closed (定稿), read back from the
// snapshot stored at closing (rubric, evidence, scores, rectification requests), so later imports or corrections
// leave it as it was. Reopening is an admin action, logged.
import { getDb } from '../db';
import { scoreQuarter, type OrganScore } from '../../assessment/score';
import type { OrganEvidence } from '../../assessment/evidence';
import type { Rubric } from '../../assessment/rubric';
import { quarterKey, quarterLabel, type Quarter } from '../../assessment/quarter';
import { assessedOrgans, districtName, hasRoster } from './roster';
import { channelPosts, gatherEvidence, type ChannelPosts } from './evidence';
import * as rubrics from './rubrics';
import { listForQuarter, type RectificationRow } from './rectifications';

export interface QuarterSheet {
	quarter: string;
	label: string;
	status: 'open' | 'closed';
	rubricVersion: number;
	rubric: Rubric;
	district: string;
	/** The date the scores describe: the day of closing, or today while open. */
	asOf: string;
	closedAt: number | null;
	closedBy: string | null;
	evidence: OrganEvidence[];
	scores: OrganScore[];
	rectifications: RectificationRow[];
}

interface Snapshot {
	format: 1;
	rubricVersion: number;
	rubric: Rubric;
	district: string;
	asOf: string;
	evidence: OrganEvidence[];
	scores: OrganScore[];
	rectifications: RectificationRow[];
}

export class QuarterRefusal extends Error {}

interface StateRow {
	status: string;
	rubric_version: number | null;
	has_snapshot: number;
	closed_by: string | null;
	closed_at: number | null;
}

function state(key: string): StateRow | undefined {
	return getDb()
		.$client.prepare(
			'SELECT status, rubric_version, snapshot_json IS NOT NULL AS has_snapshot, closed_by, closed_at FROM assessment_quarter WHERE quarter = ?'
		)
		.get(key) as StateRow | undefined;
}

export function isClosed(quarter: Quarter): boolean {
	return state(quarterKey(quarter))?.status === 'closed';
}

/** Scores the quarter now, from the database, under the latest rubric. */
export function liveSheet(quarter: Quarter, organIds?: number[], posts?: ChannelPosts): QuarterSheet {
	const key = quarterKey(quarter);
	const { version, rubric } = rubrics.latest();
	let organs = assessedOrgans(quarter.year);
	if (organIds) organs = organs.filter((o) => organIds.includes(o.id));
	const asOf = new Date().toISOString().slice(0, 10);
	const evidence = gatherEvidence(quarter, organs, asOf, posts);
	return {
		quarter: key,
		label: quarterLabel(quarter),
		status: 'open',
		rubricVersion: version,
		rubric,
		district: districtName(),
		asOf,
		closedAt: null,
		closedBy: null,
		evidence,
		scores: scoreQuarter(rubric, quarter, evidence),
		rectifications: listForQuarter(key)
	};
}

/**
 * Changes whenever anything a live sheet reads changes: reports (updated_at moves on every recompute), findings,
 * figures, organs (names, kinds), cross-report findings and their reviews, the publication log, rubric versions, entries, rectifications, and the day
 * (overdue requests depend on it). Every part is an index lookup or a small scan.
 */
function liveVersion(): string {
	// The roster's status and years decide who is assessed, when the organ table has them.
	const roster = hasRoster()
		? `(SELECT total(id * (length(status) + 3 * coalesce(roster_from, 1) + 5 * coalesce(roster_to, 1))) FROM organ)`
		: '0';
	const r = getDb()
		.$client.prepare(
			`SELECT (SELECT count(*) FROM report), (SELECT max(updated_at) FROM report), (SELECT count(*) FROM finding), (SELECT max(id) FROM finding), (SELECT count(*) FROM cross_finding), (SELECT max(id) FROM cross_finding),
			        (SELECT count(*) || ':' || total(reviewed_at) || ':' || total(length(status) * 3 + length(coalesce(reason, ''))) FROM finding_review),
			        (SELECT count(*) FROM organ), (SELECT max(id) FROM organ), (SELECT total(id * (length(name) + 7 * length(kind))) FROM organ),
			        (SELECT max(id) FROM publication), (SELECT count(*) FROM publication),
			        (SELECT max(version) FROM assessment_rubric), (SELECT max(id) FROM assessment_entry), (SELECT count(*) FROM assessment_entry WHERE deleted_at IS NOT NULL),
			        (SELECT max(id) FROM rectification), (SELECT max(id) FROM rectification_message),
			        (SELECT count(*) FROM rectification WHERE status = 'accepted'), (SELECT group_concat(quarter || status) FROM assessment_quarter), ${roster}`
		)
		.raw()
		.get() as unknown[];
	return `${r.join('/')}/${new Date().toISOString().slice(0, 10)}`;
}

const MAX_CACHED = 8;
const cache = new Map<string, { version: string; sheet: QuarterSheet }>();

function cached(key: string, version: string, build: () => QuarterSheet): QuarterSheet {
	const hit = cache.get(key);
	if (hit && hit.version === version) {
		cache.delete(key);
		cache.set(key, hit);
		return hit.sheet;
	}
	const sheet = build();
	cache.set(key, { version, sheet });
	while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
	return sheet;
}

/** Drops the kept sheets: the bench measures the quarter page uncached. */
export function forgetSheets(): void {
	cache.clear();
}

/**
 * The sheet as it stands: the snapshot of a closed quarter, else live. Kept per data version (the quarter page
 * reads this quarter and the last one): a sheet is shared, never mutated by its readers.
 */
export function getSheet(quarter: Quarter): QuarterSheet {
	return getSheets([quarter])[0];
}

/**
 * Several quarters' sheets (the quarter page: this one and the last): the data version read once, and the
 * publication log scanned once for the quarters scored live.
 */
export function getSheets(quarters: Quarter[]): QuarterSheet[] {
	let version: string | undefined;
	const out: (QuarterSheet | null)[] = quarters.map((quarter) => {
		const key = quarterKey(quarter);
		const s = state(key);
		if (s?.status === 'closed' && s.has_snapshot)
			return cached(key, `closed/${s.closed_at}`, () => snapshotSheet(quarter, s));
		version ??= liveVersion();
		const hit = cache.get(key);
		return hit && hit.version === version ? cached(key, version, () => hit.sheet) : null;
	});
	const missing = quarters.filter((_, i) => !out[i]);
	if (missing.length) {
		const posts = channelPosts(missing);
		missing.forEach((quarter, k) => {
			const sheet = cached(quarterKey(quarter), version!, () => liveSheet(quarter, undefined, posts[k]));
			out[quarters.indexOf(quarter)] = sheet;
		});
	}
	return out as QuarterSheet[];
}

function snapshotSheet(quarter: Quarter, s: StateRow): QuarterSheet {
	const key = quarterKey(quarter);
	const row = getDb().$client.prepare('SELECT snapshot_json FROM assessment_quarter WHERE quarter = ?').get(key) as {
		snapshot_json: string;
	};
	const snap = JSON.parse(row.snapshot_json) as Snapshot;
	return {
		quarter: key,
		label: quarterLabel(quarter),
		status: 'closed',
		rubricVersion: snap.rubricVersion,
		rubric: snap.rubric,
		district: snap.district,
		asOf: snap.asOf,
		closedAt: s.closed_at,
		closedBy: s.closed_by,
		evidence: snap.evidence,
		scores: snap.scores,
		rectifications: snap.rectifications
	};
}

/** 定稿: freezes the scores and their evidence. Refused when already closed or when no organ is assessed. */
export function close(quarter: Quarter, actorId: string | null): QuarterSheet {
	const key = quarterKey(quarter);
	const c = getDb().$client;
	return c
		.transaction(() => {
			if (state(key)?.status === 'closed') throw new QuarterRefusal(`${quarterLabel(quarter)}已定稿`);
			const sheet = liveSheet(quarter);
			if (!sheet.scores.length) throw new QuarterRefusal('没有参加考核的单位，不能定稿');
			const snap: Snapshot = {
				format: 1,
				rubricVersion: sheet.rubricVersion,
				rubric: sheet.rubric,
				district: sheet.district,
				asOf: sheet.asOf,
				evidence: sheet.evidence,
				scores: sheet.scores,
				rectifications: sheet.rectifications
			};
			const at = Date.now();
			c.prepare(
				`INSERT INTO assessment_quarter (quarter, status, rubric_version, snapshot_json, closed_by, closed_at) VALUES (?, 'closed', ?, ?, ?, ?)
			 ON CONFLICT(quarter) DO UPDATE SET status = 'closed', rubric_version = excluded.rubric_version, snapshot_json = excluded.snapshot_json,
			   closed_by = excluded.closed_by, closed_at = excluded.closed_at`
			).run(key, sheet.rubricVersion, JSON.stringify(snap), actorId, at);
			c.prepare('INSERT INTO audit_log (user_id, action, detail) VALUES (?, ?, ?)').run(
				actorId,
				'assessment.close',
				JSON.stringify({ quarter: key, rubricVersion: sheet.rubricVersion, organs: sheet.scores.length })
			);
			return { ...sheet, status: 'closed' as const, closedAt: at, closedBy: actorId };
		})
		.immediate();
}

/** Reopens a closed quarter: it is scored live again. The dropped snapshot's summary goes to the audit log. */
export function reopen(quarter: Quarter, actorId: string | null, reason: string): void {
	const key = quarterKey(quarter);
	const c = getDb().$client;
	c.transaction(() => {
		const s = state(key);
		if (s?.status !== 'closed') throw new QuarterRefusal(`${quarterLabel(quarter)}尚未定稿`);
		c.prepare(
			"UPDATE assessment_quarter SET status = 'open', snapshot_json = NULL, closed_by = NULL, closed_at = NULL WHERE quarter = ?"
		).run(key);
		c.prepare('INSERT INTO audit_log (user_id, action, detail) VALUES (?, ?, ?)').run(
			actorId,
			'assessment.reopen',
			JSON.stringify({
				quarter: key,
				reason,
				closedAt: s.closed_at,
				closedBy: s.closed_by,
				rubricVersion: s.rubric_version
			})
		);
	}).immediate();
}

/** Quarters with a stored state (closed or reopened), newest first. */
export function listStates(): {
	quarter: string;
	status: string;
	closedAt: number | null;
	rubricVersion: number | null;
}[] {
	return getDb()
		.$client.prepare(
			'SELECT quarter, status, closed_at AS closedAt, rubric_version AS rubricVersion FROM assessment_quarter ORDER BY quarter DESC'
		)
		.all() as never;
}
