// Keeping the cross-report findings (X6, X7, H1, D3) for what an import, a correction or a roster change affects: X6
// re-checks only the report's LSH candidates, H1 only the organ's parent (and the organ as a parent), D3 only the
// report's own history, X7 the organ's roster years. X7 and H1 follow the per-year roster (who is expected to
// report, which children a parent's sums should hold). Runs inside the writer's transaction.
import { statement } from '../db/statement';
import { sharedEffectiveModel } from '../reports/read';
import { cachedRevisionModel } from '../reports/model-cache';
import type { Report as Model } from '../../report/model';
import type { OrganKind } from '../../report/organ';
import {
	bandKeys,
	checkMissingReports,
	checkParentSums,
	checkSilentEdits,
	copiedFinding,
	fingerprint,
	heldKey,
	textDocs,
	verify,
	DEFAULT_MINHASH,
	type CrossFinding,
	type TextDoc
} from '../../cross';
import { similarityOptions, today } from './config';

interface ReportRow {
	id: number;
	organId: number;
	year: number;
	organName: string;
	kind: OrganKind;
	parentId: number | null;
}

const SQL = {
	report:
		'SELECT r.id, r.organ_id AS organId, r.year, o.name AS organName, o.kind, o.parent_id AS parentId FROM report r JOIN organ o ON o.id = r.organ_id WHERE r.id = ?',
	reportOf:
		'SELECT r.id, r.organ_id AS organId, r.year, o.name AS organName, o.kind, o.parent_id AS parentId FROM report r JOIN organ o ON o.id = r.organ_id WHERE r.organ_id = ? AND r.year = ?',
	// A parent's children as the roster has them in that year: the ones whose reports are summed, and the ones expected.
	childReports: `SELECT r.id, o.id AS organId, o.name AS organName FROM report r JOIN organ o ON o.id = r.organ_id
		WHERE o.parent_id = ? AND r.year = ? AND ${ON_ROSTER('o', 'r.year')}`,
	rosterChildren: `SELECT o.id, o.name FROM organ o WHERE o.parent_id = ? AND ${ON_ROSTER('o', '?')} ORDER BY o.id`,
	deleteBands: 'DELETE FROM similarity_band WHERE report_id = ?',
	insertBand: 'INSERT INTO similarity_band (report_id, year, section, band, bucket) VALUES (?, ?, ?, ?, ?)',
	candidates:
		'SELECT DISTINCT report_id AS id FROM similarity_band WHERE year = ? AND section = ? AND band = ? AND bucket = ? AND report_id <> ?',
	deleteX6: "DELETE FROM cross_finding WHERE rule = 'X6' AND (report_id = ? OR other_report_id = ?)",
	deleteRule: 'DELETE FROM cross_finding WHERE rule = ? AND organ_id = ? AND year = ?',
	insert: `INSERT INTO cross_finding (rule, severity, organ_id, year, report_id, other_organ_id, other_report_id, message, cells_json, detail_json, fingerprint)
		VALUES (@rule, @severity, @organId, @year, @reportId, @otherOrganId, @otherReportId, @message, @cellsJson, @detailJson, @fingerprint)`,
	revisions: 'SELECT id, sha256, imported_at AS importedAt FROM revision WHERE report_id = ? ORDER BY id',
	rosterOrgans: `SELECT id, name, kind, roster_from AS rosterFrom, roster_to AS rosterTo FROM organ WHERE status = 'district' ORDER BY id`,
	rosterOrgan: `SELECT id, name, kind, roster_from AS rosterFrom, roster_to AS rosterTo FROM organ WHERE status = 'district' AND id = ?`,
	firstYear: 'SELECT MIN(year) AS y FROM report',
	held: 'SELECT organ_id AS organId, year FROM report',
	heldOf: 'SELECT organ_id AS organId, year FROM report WHERE organ_id = ?',
	yearsOf: 'SELECT year FROM report WHERE organ_id = ? ORDER BY year',
	parentOf: 'SELECT parent_id AS parentId FROM organ WHERE id = ?',
	// Every organ × year whose H1 a roster change can move: parents now, and organs holding H1 findings from before.
	parentYears: `SELECT DISTINCT r.organ_id AS organId, r.year FROM report r
		WHERE EXISTS (SELECT 1 FROM organ c WHERE c.parent_id = r.organ_id)
		   OR EXISTS (SELECT 1 FROM cross_finding x WHERE x.rule = 'H1' AND x.organ_id = r.organ_id)`,
	deleteX7: "DELETE FROM cross_finding WHERE rule = 'X7'",
	deleteX7Of: "DELETE FROM cross_finding WHERE rule = 'X7' AND organ_id = ?"
} as const;

/** The organ (alias `o`) is on the district's roster in the year (lib/organs/roster.ts isMember, as SQL). */
function ON_ROSTER(o: string, year: string): string {
	return `${o}.status = 'district' AND COALESCE(${o}.roster_from, 0) <= ${year} AND COALESCE(${o}.roster_to, 9999) >= ${year}`;
}

const row = (id: number) => statement(SQL.report).get(id) as ReportRow | undefined;

function insert(f: CrossFinding, reportId: number | null, otherReportId: number | null = null): void {
	const { rule, severity, message, cells, organ, year, values, other } = f;
	statement(SQL.insert).run({
		rule,
		severity,
		organId: Number(organ),
		year,
		reportId,
		otherOrganId: other ? Number(other.organ) : null,
		otherReportId,
		message,
		cellsJson: JSON.stringify(cells),
		detailJson: JSON.stringify(f),
		fingerprint: fingerprint(rule, organ, year, cells, {
			...values,
			...(other ? { 'other:organ': other.organ, 'other:year': other.year } : {})
		})
	});
}

/**
 * The compared sections' text docs, kept with the model's sections (a revision's cached model holds one object):
 * each import re-verifies its candidates, whose texts would otherwise be folded and shingled again for every report
 * compared with them.
 */
const docsCache = new WeakMap<object, { key: string; docs: TextDoc[] }>();

function docsOf(r: ReportRow, model: Model): TextDoc[] {
	const opts = similarityOptions();
	const key = `${r.organId}|${r.organName}|${r.year}|${opts.threshold}`;
	const held = model.sections && docsCache.get(model.sections);
	if (held?.key === key) return held.docs;
	const docs = textDocs({ organ: String(r.organId), organName: r.organName, year: r.year, model }, opts);
	if (model.sections) docsCache.set(model.sections, { key, docs });
	return docs;
}

/** X6 for one report: its bands re-indexed, its candidates verified, both sides' findings of its pairs rewritten. */
export function refreshCopied(reportId: number): { candidates: number } {
	const r = row(reportId);
	statement(SQL.deleteBands).run(reportId);
	statement(SQL.deleteX6).run(reportId, reportId);
	const model = r && sharedEffectiveModel(reportId);
	if (!r || !model) return { candidates: 0 };
	const opts = similarityOptions();
	const threshold = opts.threshold ?? 0.8;
	const mine = docsOf(r, model);
	let candidates = 0;
	for (const doc of mine) {
		const ids = new Set<number>();
		bandKeys(doc.sig, DEFAULT_MINHASH).forEach((bucket, band) => {
			statement(SQL.insertBand).run(reportId, r.year, doc.section, band, bucket);
			for (const c of statement(SQL.candidates).all(r.year, doc.section, band, bucket, reportId) as { id: number }[])
				ids.add(c.id);
		});
		for (const otherId of ids) {
			const o = row(otherId);
			const om = o && o.organId !== r.organId ? sharedEffectiveModel(otherId) : undefined;
			if (!o || !om) continue;
			candidates++;
			const theirs = docsOf(o, om).find((d) => d.section === doc.section);
			if (!theirs) continue;
			const sim = verify(doc, theirs, opts);
			if (sim < threshold) continue;
			insert(copiedFinding(doc, theirs, sim, opts), reportId, otherId);
			insert(copiedFinding(theirs, doc, sim, opts), otherId, reportId);
		}
	}
	return { candidates };
}

/**
 * H1 for one parent organ and year: its report against the reports of its children on that year's roster; a child on
 * the roster without a report makes the sums uncertain, a child off the roster is neither summed nor expected.
 */
export function refreshParentSums(parentId: number, year: number): void {
	statement(SQL.deleteRule).run('H1', parentId, year);
	const kidRows = statement(SQL.childReports).all(parentId, year) as {
		id: number;
		organId: number;
		organName: string;
	}[];
	if (!kidRows.length) return;
	const parent = statement(SQL.reportOf).get(parentId, year) as ReportRow | undefined;
	const pm = parent && sharedEffectiveModel(parent.id);
	if (!parent || !pm) return;
	const kids = kidRows.flatMap((k) => {
		const m = sharedEffectiveModel(k.id);
		return m ? [{ organ: String(k.organId), organName: k.organName, year, model: m }] : [];
	});
	const expected = (statement(SQL.rosterChildren).all(parentId, year, year) as { id: number; name: string }[]).map(
		(c) => ({ organ: String(c.id), organName: c.name })
	);
	for (const f of checkParentSums(
		{ organ: String(parentId), organName: parent.organName, year, model: pm },
		kids,
		expected
	))
		insert(f, parent.id);
}

/** H1 of a parent for every year it reported (its children changed: added, moved, merged, off the roster). */
export function refreshParent(parentId: number): void {
	for (const { year } of statement(SQL.yearsOf).all(parentId) as { year: number }[]) refreshParentSums(parentId, year);
}

/** D3 for one report: each step of its history after publication that changed figures. */
export function refreshSilentEdits(reportId: number): void {
	const r = row(reportId);
	if (!r) return;
	statement(SQL.deleteRule).run('D3', r.organId, r.year);
	const revs = (statement(SQL.revisions).all(reportId) as { id: number; sha256: string; importedAt: number }[]).flatMap(
		(v) => {
			const model = cachedRevisionModel(v.id, v.sha256);
			return model ? [{ id: String(v.id), seenOn: new Date(v.importedAt).toISOString().slice(0, 10), model }] : [];
		}
	);
	for (const f of checkSilentEdits({ organ: String(r.organId), year: r.year }, revs)) insert(f, reportId);
}

interface RosterOrgan {
	id: number;
	name: string;
	kind: OrganKind;
	rosterFrom: number | null;
	rosterTo: number | null;
}

/**
 * X7 for every organ (or one): each year of its roster membership whose deadline has passed. Membership open at the
 * start counts from the first year the database holds any report (the district's history starts there). A report
 * arriving or a roster change moves only its organ's; the passing of a deadline moves any, so the findings page
 * refreshes all (one read of the roster and the report years).
 */
export function refreshMissing(organId?: number, on = today()): void {
	if (organId === undefined) statement(SQL.deleteX7).run();
	else statement(SQL.deleteX7Of).run(organId);
	const first = (statement(SQL.firstYear).get() as { y: number | null }).y;
	const roster = (
		organId === undefined ? statement(SQL.rosterOrgans).all() : statement(SQL.rosterOrgan).all(organId)
	) as RosterOrgan[];
	const start = (o: RosterOrgan) => o.rosterFrom ?? first;
	const starts = roster.map(start).filter((y): y is number => y !== null);
	if (!starts.length) return;
	const heldRows = statement(organId === undefined ? SQL.held : SQL.heldOf).all(
		...(organId === undefined ? [] : [organId])
	) as { organId: number; year: number }[];
	const held = new Set(heldRows.map((h) => heldKey(String(h.organId), h.year)));
	const last = Number(on.slice(0, 4)) - 1;
	for (let year = Math.min(...starts); year <= last; year++) {
		const members = roster.filter((o) => {
			const s = start(o);
			return s !== null && s <= year && (o.rosterTo === null || year <= o.rosterTo);
		});
		if (!members.length) continue;
		const organs = members.map((o) => ({ organ: String(o.id), name: o.name, kind: o.kind }));
		const ids = new Set(organs.map((o) => o.organ));
		for (const f of checkMissingReports({ organs, held, year, today: on, roster: ids })) insert(f, null);
	}
}

/**
 * Everything a change of the organ's place on the roster can affect (its years, status, parent; added, removed,
 * merged): its X7, and H1 of its parent, of the parents it had before (`formerParents`) and of itself as a parent.
 */
export function refreshOrgan(organId: number, formerParents: (number | null)[] = []): void {
	refreshMissing(organId);
	const now = (statement(SQL.parentOf).get(organId) as { parentId: number | null } | undefined)?.parentId ?? null;
	const parents = new Set([now, ...formerParents].filter((p): p is number => p !== null && p !== organId));
	for (const p of parents) refreshParent(p);
	refreshParent(organId);
}

/** After a roster file: every organ's X7 and every parent's H1 (years, parents and memberships all may have moved). */
export function refreshRoster(): void {
	refreshMissing();
	for (const { organId, year } of statement(SQL.parentYears).all() as { organId: number; year: number }[])
		refreshParentSums(organId, year);
}

/** Everything a change to this report can affect. */
export function refreshCrossFor(reportId: number): void {
	const r = row(reportId);
	if (!r) return;
	refreshCopied(reportId);
	refreshSilentEdits(reportId);
	if (r.parentId !== null) refreshParentSums(r.parentId, r.year);
	refreshParentSums(r.organId, r.year);
	refreshMissing(r.organId);
}
