// Storage of the report model: reports (organ × year), their revisions (each parsed file, kept forever), and the
// current revision's effective model (its model with the active corrections applied) spread into figure rows for
// the charts, findings for the lists, and a few denormalised columns on the report row.
import type Database from 'better-sqlite3';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from './db';
import * as table from './db/schema';
import { refreshReportSummary } from './summaries';
import type { Cell, Finding, Report as Model } from '../report/model';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, proactiveItems } from '../report/template';
import { checkAgainstPrevious, checkCarryOver, checkTimeliness, runChecks } from '../report/checks';
import type { OrganKind } from '../report/organ';

export type FigureSection = 'applications' | 'review' | 'proactive';

/** One row of the `figure` table: values go to c0…c6 in order. */
export interface FigureRow {
	section: FigureSection;
	rowKey: string;
	values: Cell[];
}

/**
 * The field order of a section 2 item, which decides its figure columns: c0… in the order of the template the
 * report's `template` names (2021: issued, repealed, in_force; 2019: made, published, total_public; …).
 * Fields a template does not know come after, in the model's order.
 */
export function proactiveFields(template: string, itemKey: string, present: string[] = []): string[] {
	const def = proactiveItems(template === '2019' ? '2019' : '2021').find((d) => d.key === itemKey);
	const known = def ? [...def.fields] : [];
	return [...known, ...present.filter((f) => !known.includes(f))].slice(0, 7);
}

/** The figure rows of a model: section 3 rows (7 columns), section 4 groups (5), section 2 items (their fields). */
export function figureRows(model: Model): FigureRow[] {
	const rows: FigureRow[] = [];
	for (const [rowKey, cells] of Object.entries(model.applications?.rows ?? {}))
		if (Array.isArray(cells)) rows.push({ section: 'applications', rowKey, values: cells.slice(0, 7) });
	for (const [rowKey, cells] of Object.entries(model.review ?? {}))
		if (Array.isArray(cells)) rows.push({ section: 'review', rowKey, values: cells.slice(0, 5) });
	for (const [rowKey, item] of Object.entries(model.proactive ?? {})) {
		if (!item || typeof item !== 'object') continue;
		const fields = proactiveFields(model.template, rowKey, Object.keys(item));
		rows.push({ section: 'proactive', rowKey, values: fields.map((f) => item[f] ?? null) });
	}
	return rows;
}

/**
 * Sets one cell of a model by its path (the provenance paths: `applications.rows.granted.total`,
 * `review.reconsideration.pending`, `proactive.rules.issued`, `fees.info_processing_fee_yuan`). A row the report
 * did not print is created blank around the corrected cell. Returns false for a path that names no cell.
 */
export function setCell(model: Model, path: string, value: Cell): boolean {
	if (path === 'fees.info_processing_fee_yuan') {
		model.fees = { ...model.fees, info_processing_fee_yuan: value };
		return true;
	}
	const parts = path.split('.');
	const last = parts[parts.length - 1];
	if (parts[0] === 'applications' && parts[1] === 'rows' && parts.length >= 4) {
		const key = parts.slice(2, -1).join('.');
		const col = columnIndex(last, APPLICANT_COLUMNS);
		if (col < 0) return false;
		const rows = (model.applications.rows ??= {}) as Record<string, Cell[]>;
		rows[key] ??= Array(7).fill(null);
		rows[key][col] = value;
		return true;
	}
	if (parts[0] === 'review' && parts.length === 3) {
		const col = columnIndex(last, REVIEW_COLUMNS);
		if (col < 0) return false;
		const groups = (model.review ??= {}) as Record<string, Cell[]>;
		groups[parts[1]] ??= Array(5).fill(null);
		groups[parts[1]][col] = value;
		return true;
	}
	if (parts[0] === 'proactive' && parts.length === 3) {
		const items = (model.proactive ??= {});
		items[parts[1]] = { ...(items[parts[1]] ?? {}), [last]: value };
		return true;
	}
	return false;
}

function columnIndex(name: string, columns: readonly string[]): number {
	if (/^\d+$/.test(name)) return Number(name) < columns.length ? Number(name) : -1;
	return columns.indexOf(name);
}

export interface ActiveCorrection {
	cellPath: string;
	newValue: Cell;
}

/** A copy of the model with the corrections applied in order (later ones win). */
export function applyCorrections(model: Model, corrections: ActiveCorrection[]): Model {
	if (!corrections.length) return model;
	const copy = structuredClone(model);
	for (const c of corrections) setCell(copy, c.cellPath, c.newValue);
	return copy;
}

/**
 * Findings of an effective model: the single-report checks (from the parse when `fresh`, else run again on the
 * effective model), Y1 and the year-on-year checks against last year's effective model, T1 when the publication
 * date is known.
 */
export function computeFindings(eff: Model, previous: Model | null, organKind: OrganKind, fresh: boolean): Finding[] {
	let own = eff.findings ?? [];
	if (!fresh) {
		try {
			own = runChecks(eff);
		} catch {
			own = eff.findings ?? [];
		}
	}
	const out = [...own, ...checkCarryOver(previous, eff), ...checkAgainstPrevious(previous, eff)];
	if (eff.published_on) out.push(...checkTimeliness(eff, organKind));
	return out;
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────────────────

export interface ReportView {
	id: number;
	organId: number;
	organName: string;
	organKind: string;
	year: number;
	currentRevisionId: number | null;
	template: string | null;
	publishedOn: string | null;
	feeYuan: number | null;
	findingsCount: number;
	updatedAt: number;
}

const reportView = {
	id: table.report.id,
	organId: table.report.organId,
	organName: table.organ.name,
	organKind: table.organ.kind,
	year: table.report.year,
	currentRevisionId: table.report.currentRevisionId,
	template: table.report.template,
	publishedOn: table.report.publishedOn,
	feeYuan: table.report.feeYuan,
	findingsCount: table.report.findingsCount,
	updatedAt: table.report.updatedAt
};

export function get(reportId: number): ReportView | undefined {
	return getDb()
		.select(reportView)
		.from(table.report)
		.innerJoin(table.organ, eq(table.report.organId, table.organ.id))
		.where(eq(table.report.id, reportId))
		.get();
}

export function byOrganYear(organId: number, year: number): ReportView | undefined {
	return getDb()
		.select(reportView)
		.from(table.report)
		.innerJoin(table.organ, eq(table.report.organId, table.organ.id))
		.where(and(eq(table.report.organId, organId), eq(table.report.year, year)))
		.get();
}

export interface ListFilter {
	organId?: number;
	/** Restrict to these organs (a clerk's view). */
	organIds?: number[];
	year?: number;
}

export function list(filter: ListFilter = {}): ReportView[] {
	const where = [];
	if (filter.organId !== undefined) where.push(eq(table.report.organId, filter.organId));
	if (filter.organIds) where.push(inArray(table.report.organId, filter.organIds));
	if (filter.year !== undefined) where.push(eq(table.report.year, filter.year));
	return getDb()
		.select(reportView)
		.from(table.report)
		.innerJoin(table.organ, eq(table.report.organId, table.organ.id))
		.where(where.length ? and(...where) : undefined)
		.orderBy(asc(table.organ.name), desc(table.report.year))
		.all();
}

export interface RevisionInfo {
	id: number;
	reportId: number;
	sha256: string;
	fileName: string;
	format: string;
	encoding: string | null;
	filePath: string;
	fileSize: number;
	parserVersion: string;
	importedBy: string | null;
	importedByName: string | null;
	importedAt: number;
	current: boolean;
}

/** The revisions of a report, newest first, the current one marked. */
export function history(reportId: number): RevisionInfo[] {
	const db = getDb();
	const current = db.select({ id: table.report.currentRevisionId }).from(table.report).where(eq(table.report.id, reportId)).get();
	return db
		.select({
			id: table.revision.id,
			reportId: table.revision.reportId,
			sha256: table.revision.sha256,
			fileName: table.revision.fileName,
			format: table.revision.format,
			encoding: table.revision.encoding,
			filePath: table.revision.filePath,
			fileSize: table.revision.fileSize,
			parserVersion: table.revision.parserVersion,
			importedBy: table.revision.importedBy,
			importedByName: table.user.username,
			importedAt: table.revision.importedAt
		})
		.from(table.revision)
		.leftJoin(table.user, eq(table.revision.importedBy, table.user.id))
		.where(eq(table.revision.reportId, reportId))
		.orderBy(desc(table.revision.id))
		.all()
		.map((r) => ({ ...r, current: r.id === current?.id }));
}

/** One revision with its model exactly as the parser produced it (no corrections). */
export function getRevision(revisionId: number): (table.Revision & { model: Model; warnings: Model['warnings'] }) | undefined {
	const row = getDb().select().from(table.revision).where(eq(table.revision.id, revisionId)).get();
	if (!row) return undefined;
	return { ...row, model: JSON.parse(row.modelJson) as Model, warnings: JSON.parse(row.warningsJson) };
}

export function activeCorrections(reportId: number): ActiveCorrection[] {
	return stmts(getDb().$client).activeCorrections.all(reportId) as ActiveCorrection[];
}

// Revisions never change once written: parsed models are cached by id and hash (the hash guards against an id
// reused after a rolled-back transaction). A bulk import reads last year's model for Y1 on every file.
const modelCache = new Map<string, Model>();
const MODEL_CACHE_SIZE = 256;

function remember(key: string, model: Model): Model {
	if (modelCache.size >= MODEL_CACHE_SIZE) modelCache.delete(modelCache.keys().next().value!);
	modelCache.set(key, model);
	return model;
}

/** The effective model, possibly shared with the cache: internal callers only read it. */
function effective(reportId: number): Model | undefined {
	const s = stmts(getDb().$client);
	const row = s.currentRevision.get(reportId) as { rev: number; sha: string } | undefined;
	if (!row) return undefined;
	const key = `${row.rev}:${row.sha}`;
	let model = modelCache.get(key);
	if (!model) {
		const json = (s.revisionModel.get(row.rev) as { model_json: string } | undefined)?.model_json;
		if (json === undefined) return undefined;
		model = remember(key, JSON.parse(json) as Model);
	}
	return applyCorrections(model, activeCorrections(reportId));
}

/** The current revision's model with the active corrections applied: what the drill-down and the checks see. */
export function effectiveModel(reportId: number): Model | undefined {
	const eff = effective(reportId);
	return eff && structuredClone(eff);
}

export function findBySha(sha256: string): { revisionId: number; reportId: number } | undefined {
	return stmts(getDb().$client).bySha.get(sha256) as { revisionId: number; reportId: number } | undefined;
}

// ── Writing ─────────────────────────────────────────────────────────────────────────────────────────

interface Statements {
	activeCorrections: Database.Statement;
	revisionModel: Database.Statement;
	currentRevision: Database.Statement;
	bySha: Database.Statement;
	reportOf: Database.Statement;
	neighbour: Database.Statement;
	insertReport: Database.Statement;
	insertRevision: Database.Statement;
	setCurrent: Database.Statement;
	deleteFigures: Database.Statement;
	insertFigure: Database.Statement;
	deleteFindings: Database.Statement;
	insertFinding: Database.Statement;
	updateReport: Database.Statement;
	updateFindingsCount: Database.Statement;
}

const statements = new WeakMap<Database.Database, Statements>();

// Raw prepared statements on the hot path of a bulk import: ~35 figure rows per report.
function stmts(client: Database.Database): Statements {
	let s = statements.get(client);
	if (!s) {
		s = {
			activeCorrections: client.prepare(
				'SELECT cell_path AS cellPath, new_value AS newValue FROM correction WHERE report_id = ? AND undone_at IS NULL ORDER BY id'
			),
			revisionModel: client.prepare('SELECT model_json FROM revision WHERE id = ?'),
			currentRevision: client.prepare(
				'SELECT r.current_revision_id AS rev, v.sha256 AS sha FROM report r JOIN revision v ON v.id = r.current_revision_id WHERE r.id = ?'
			),
			bySha: client.prepare('SELECT id AS revisionId, report_id AS reportId FROM revision WHERE sha256 = ? LIMIT 1'),
			reportOf: client.prepare('SELECT r.organ_id AS organId, r.year, o.kind FROM report r JOIN organ o ON o.id = r.organ_id WHERE r.id = ?'),
			neighbour: client.prepare('SELECT id FROM report WHERE organ_id = ? AND year = ?'),
			insertReport: client.prepare('INSERT INTO report (organ_id, year) VALUES (?, ?)'),
			insertRevision: client.prepare(
				`INSERT INTO revision (report_id, sha256, file_name, format, encoding, file_path, file_size, parser_version, model_json, warnings_json, imported_by)
				 VALUES (@reportId, @sha256, @fileName, @format, @encoding, @filePath, @fileSize, @parserVersion, @modelJson, @warningsJson, @importedBy)`
			),
			setCurrent: client.prepare('UPDATE report SET current_revision_id = ? WHERE id = ?'),
			deleteFigures: client.prepare('DELETE FROM figure WHERE report_id = ?'),
			insertFigure: client.prepare(
				'INSERT INTO figure (report_id, section, row_key, c0, c1, c2, c3, c4, c5, c6) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
			),
			deleteFindings: client.prepare('DELETE FROM finding WHERE report_id = ?'),
			insertFinding: client.prepare('INSERT INTO finding (report_id, rule, severity, message, cells_json) VALUES (?, ?, ?, ?, ?)'),
			updateReport: client.prepare(
				"UPDATE report SET template = ?, published_on = ?, fee_yuan = ?, findings_count = ?, updated_at = (unixepoch('subsec') * 1000) WHERE id = ?"
			),
			updateFindingsCount: client.prepare('UPDATE report SET findings_count = ? WHERE id = ?')
		};
		statements.set(client, s);
	}
	return s;
}

const num = (v: Cell | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function writeFindings(s: Statements, reportId: number, findings: Finding[]): void {
	s.deleteFindings.run(reportId);
	for (const f of findings) s.insertFinding.run(reportId, f.rule, f.severity, f.message, JSON.stringify(f.cells ?? []));
}

function reportOf(reportId: number): { organId: number; year: number; kind: OrganKind } | undefined {
	return stmts(getDb().$client).reportOf.get(reportId) as { organId: number; year: number; kind: OrganKind } | undefined;
}

function neighbour(r: { organId: number; year: number }, offset: -1 | 0 | 1): number | undefined {
	return (stmts(getDb().$client).neighbour.get(r.organId, r.year + offset) as { id: number } | undefined)?.id;
}

/**
 * Writes a report's effective state: figure rows, findings, the denormalised columns. `eff` is the effective
 * model; `fresh` when its findings are the parser's, just computed on these very values.
 */
function writeEffective(reportId: number, eff: Model, fresh: boolean): Finding[] {
	const s = stmts(getDb().$client);
	s.deleteFigures.run(reportId);
	for (const row of figureRows(eff)) {
		const v = row.values;
		s.insertFigure.run(reportId, row.section, row.rowKey, num(v[0]), num(v[1]), num(v[2]), num(v[3]), num(v[4]), num(v[5]), num(v[6]));
	}
	const r = reportOf(reportId);
	const prevId = r && neighbour(r, -1);
	const previous = prevId === undefined ? null : (effective(prevId) ?? null);
	const findings = computeFindings(eff, previous, r?.kind ?? 'department', fresh);
	writeFindings(s, reportId, findings);
	s.updateReport.run(eff.template ?? null, eff.published_on ?? null, num(eff.fees?.info_processing_fee_yuan), findings.length, reportId);
	// After updateReport: the summary reads the report's template (行政事业性收费 is an amount only in 2021's).
	refreshReportSummary(getDb().$client, reportId);
	return findings;
}

/** Re-runs the findings of the next year's report, whose Y1/X3/X5 read this one. */
function refreshNextYear(reportId: number, eff: Model): void {
	const r = reportOf(reportId);
	const nextId = r && neighbour(r, 1);
	if (nextId === undefined) return;
	const next = effective(nextId);
	if (!next) return;
	const findings = computeFindings(next, eff, r!.kind, false);
	const s = stmts(getDb().$client);
	writeFindings(s, nextId, findings);
	s.updateFindingsCount.run(findings.length, nextId);
}

/**
 * Rebuilds a report's effective model (current revision + active corrections) into its figure rows, findings and
 * denormalised columns, and the next year's findings. Call after a correction, an undo, a restore or a merge.
 */
export function recompute(reportId: number): void {
	const db = getDb();
	db.$client.transaction(() => {
		const eff = effective(reportId);
		if (!eff) {
			const s = stmts(db.$client);
			s.deleteFigures.run(reportId);
			refreshReportSummary(db.$client, reportId);
			s.deleteFindings.run(reportId);
			s.updateFindingsCount.run(0, reportId);
			return;
		}
		writeEffective(reportId, eff, false);
		refreshNextYear(reportId, eff);
	}).immediate();
}

export interface NewRevision {
	organId: number;
	year: number;
	model: Model;
	sha256: string;
	fileName: string;
	format: string;
	encoding: string | null;
	filePath: string;
	fileSize: number;
	parserVersion: string;
	importedBy: string | null;
}

export interface StoredRevision {
	reportId: number;
	revisionId: number;
	/** True when the organ had no report for that year before. */
	created: boolean;
	findings: Finding[];
}

/**
 * Stores a parsed file as the new current revision of its organ × year report (creating the report), and
 * rewrites the effective state. Runs in one transaction (a savepoint when the caller already opened one).
 * The model is kept (cached) as given: do not change it afterwards.
 */
export function addRevision(input: NewRevision): StoredRevision {
	const db = getDb();
	const s = stmts(db.$client);
	return db.$client.transaction((): StoredRevision => {
		let reportId = neighbour({ organId: input.organId, year: input.year }, 0);
		const created = reportId === undefined;
		reportId ??= Number(s.insertReport.run(input.organId, input.year).lastInsertRowid);
		const modelJson = JSON.stringify(input.model);
		const revisionId = Number(
			s.insertRevision.run({
				reportId,
				sha256: input.sha256,
				fileName: input.fileName,
				format: input.format,
				encoding: input.encoding,
				filePath: input.filePath,
				fileSize: input.fileSize,
				parserVersion: input.parserVersion,
				modelJson,
				warningsJson: JSON.stringify(input.model.warnings ?? []),
				importedBy: input.importedBy
			}).lastInsertRowid
		);
		s.setCurrent.run(revisionId, reportId);
		remember(`${revisionId}:${input.sha256}`, input.model);
		const corrections = created ? [] : activeCorrections(reportId);
		const eff = applyCorrections(input.model, corrections);
		const findings = writeEffective(reportId, eff, corrections.length === 0);
		refreshNextYear(reportId, eff);
		return { reportId, revisionId, created, findings };
	}).immediate();
}

/** Makes an earlier revision current again (the later ones are kept) and rebuilds the effective state. */
export function restoreRevision(reportId: number, revisionId: number, actorId: string | null): void {
	const db = getDb();
	db.$client.transaction(() => {
		const rev = db
			.select({ id: table.revision.id })
			.from(table.revision)
			.where(and(eq(table.revision.id, revisionId), eq(table.revision.reportId, reportId)))
			.get();
		if (!rev) throw new Error(`修订版本 ${revisionId} 不属于报告 ${reportId}`);
		db.update(table.report).set({ currentRevisionId: revisionId }).where(eq(table.report.id, reportId)).run();
		recompute(reportId);
		db.insert(table.auditLog)
			.values({ userId: actorId, action: 'report.restore', detail: JSON.stringify({ reportId, revisionId }) })
			.run();
	}).immediate();
}
