// Writing reports: a parsed file stored as a new revision, an earlier revision restored, and the effective state
// rebuilt after any of those or a correction: the figure rows the charts sum, the findings, the denormalised
// columns of the report row, the dashboard summary, the next year's findings (its Y1 reads this year), and the
// cross-report findings the change affects (src/lib/server/findings/cross.ts).
import { and, eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { statement } from '../db/statement';
import { audit } from '../audit';
import { refreshReportSummary } from '../summaries';
import { rememberModel } from './model-cache';
import { activeCorrections, sharedEffectiveModel, type RevisionFile } from './read';
import { applyCorrections } from '../../report/effective';
import { computeFindings } from '../../report/effective-findings';
import { figureRows } from '../../report/figure-rows';
import type { Cell, Finding, Report as Model } from '../../report/model';
import type { OrganKind } from '../../report/organ';
import { reportFindingFingerprint } from '../../cross/fingerprint';
import { refreshCrossFor } from '../findings/cross';
import { localDeadline } from '../findings/config';
import type { LocalDeadline } from '../../cross/local-deadline';

// Raw prepared statements on the hot path of a bulk import: ~35 figure rows per report.
const SQL = {
	reportOf:
		'SELECT r.organ_id AS organId, r.year, o.kind FROM report r JOIN organ o ON o.id = r.organ_id WHERE r.id = ?',
	neighbour: 'SELECT id FROM report WHERE organ_id = ? AND year = ?',
	insertReport: 'INSERT INTO report (organ_id, year) VALUES (?, ?)',
	insertRevision: `INSERT INTO revision (report_id, sha256, file_name, format, encoding, file_path, file_size, parser_version, model_json, warnings_json, imported_by)
		VALUES (@reportId, @sha256, @fileName, @format, @encoding, @filePath, @fileSize, @parserVersion, @modelJson, @warningsJson, @importedBy)`,
	setCurrent: 'UPDATE report SET current_revision_id = ? WHERE id = ?',
	deleteFigures: 'DELETE FROM figure WHERE report_id = ?',
	insertFigure:
		'INSERT INTO figure (report_id, section, row_key, c0, c1, c2, c3, c4, c5, c6) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
	deleteFindings: 'DELETE FROM finding WHERE report_id = ?',
	insertFinding:
		'INSERT INTO finding (report_id, rule, severity, message, cells_json, fingerprint) VALUES (?, ?, ?, ?, ?, ?)',
	updateReport:
		"UPDATE report SET template = ?, published_on = ?, fee_yuan = ?, findings_count = ?, updated_at = (unixepoch('subsec') * 1000) WHERE id = ?",
	updateFindingsCount: 'UPDATE report SET findings_count = ? WHERE id = ?',
	filedOn: 'SELECT filed_on AS d FROM filing WHERE report_id = ?'
} as const;

/**
 * D2's filing date (src/lib/server/filings.ts keeps the records): undefined when the district sets no filing
 * deadline (not checked), null when it does and none is recorded for this report.
 */
function filedOn(reportId: number, local: LocalDeadline): string | null | undefined {
	if (!local.filing) return undefined;
	return (statement(SQL.filedOn).get(reportId) as { d: string } | undefined)?.d ?? null;
}

const num = (v: Cell | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Stores a report's findings, each with its fingerprint (rule, organ, year, cells, the values of this and last year's model). */
function writeFindings(
	reportId: number,
	findings: Finding[],
	r: { organId: number; year: number } | undefined,
	eff: Model,
	previous: Model | null
): void {
	statement(SQL.deleteFindings).run(reportId);
	const insert = statement(SQL.insertFinding);
	const organ = String(r?.organId ?? '');
	const year = r?.year ?? eff.year ?? 0;
	for (const f of findings)
		insert.run(
			reportId,
			f.rule,
			f.severity,
			f.message,
			JSON.stringify(f.cells ?? []),
			reportFindingFingerprint(f, organ, year, eff, previous)
		);
}

function reportOf(reportId: number): { organId: number; year: number; kind: OrganKind } | undefined {
	return statement(SQL.reportOf).get(reportId) as { organId: number; year: number; kind: OrganKind } | undefined;
}

function neighbour(r: { organId: number; year: number }, offset: -1 | 0 | 1): number | undefined {
	return (statement(SQL.neighbour).get(r.organId, r.year + offset) as { id: number } | undefined)?.id;
}

/**
 * Writes a report's effective state: figure rows, findings, the denormalised columns. `eff` is the effective
 * model; `fresh` when its findings are the parser's, just computed on these very values.
 */
function writeEffective(reportId: number, eff: Model, fresh: boolean): Finding[] {
	statement(SQL.deleteFigures).run(reportId);
	const insert = statement(SQL.insertFigure);
	for (const row of figureRows(eff)) {
		const v = row.values;
		insert.run(
			reportId,
			row.section,
			row.rowKey,
			num(v[0]),
			num(v[1]),
			num(v[2]),
			num(v[3]),
			num(v[4]),
			num(v[5]),
			num(v[6])
		);
	}
	const r = reportOf(reportId);
	const prevId = r && neighbour(r, -1);
	const previous = prevId === undefined ? null : (sharedEffectiveModel(prevId) ?? null);
	const local = localDeadline();
	const findings = computeFindings(eff, previous, r?.kind ?? 'department', fresh, local, filedOn(reportId, local));
	writeFindings(reportId, findings, r, eff, previous);
	statement(SQL.updateReport).run(
		eff.template ?? null,
		eff.published_on ?? null,
		num(eff.fees?.info_processing_fee_yuan),
		findings.length,
		reportId
	);
	// After updateReport: the summary reads the report's template (行政事业性收费 is an amount only in 2021's).
	refreshReportSummary(getDb().$client, reportId);
	return findings;
}

/** Re-runs the findings of the next year's report, whose Y1/X3/X5 read this one. */
function refreshNextYear(reportId: number, eff: Model): void {
	const r = reportOf(reportId);
	const nextId = r && neighbour(r, 1);
	if (nextId === undefined) return;
	const next = sharedEffectiveModel(nextId);
	if (!next) return;
	const local = localDeadline();
	const findings = computeFindings(next, eff, r!.kind, false, local, filedOn(nextId, local));
	writeFindings(nextId, findings, { organId: r!.organId, year: r!.year + 1 }, next, eff);
	statement(SQL.updateFindingsCount).run(findings.length, nextId);
}

/**
 * Rebuilds a report's effective model (current revision + active corrections) into its figure rows, findings and
 * denormalised columns, and the next year's findings. Call after a correction, an undo, a restore or a merge.
 */
export function recompute(reportId: number): void {
	const db = getDb();
	db.$client
		.transaction(() => {
			const eff = sharedEffectiveModel(reportId);
			if (!eff) {
				statement(SQL.deleteFigures).run(reportId);
				refreshReportSummary(db.$client, reportId);
				statement(SQL.deleteFindings).run(reportId);
				statement(SQL.updateFindingsCount).run(0, reportId);
				refreshCrossFor(reportId);
				return;
			}
			writeEffective(reportId, eff, false);
			refreshNextYear(reportId, eff);
			refreshCrossFor(reportId);
		})
		.immediate();
}

export interface NewRevision extends RevisionFile {
	organId: number;
	year: number;
	model: Model;
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
	return db.$client
		.transaction((): StoredRevision => {
			let reportId = neighbour({ organId: input.organId, year: input.year }, 0);
			const created = reportId === undefined;
			reportId ??= Number(statement(SQL.insertReport).run(input.organId, input.year).lastInsertRowid);
			const modelJson = JSON.stringify(input.model);
			const revisionId = Number(
				statement(SQL.insertRevision).run({
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
			statement(SQL.setCurrent).run(revisionId, reportId);
			rememberModel(revisionId, input.sha256, input.model);
			const corrections = created ? [] : activeCorrections(reportId);
			const eff = applyCorrections(input.model, corrections);
			const findings = writeEffective(reportId, eff, corrections.length === 0);
			refreshNextYear(reportId, eff);
			refreshCrossFor(reportId);
			return { reportId, revisionId, created, findings };
		})
		.immediate();
}

/** Makes an earlier revision current again (the later ones are kept) and rebuilds the effective state. */
export function restoreRevision(reportId: number, revisionId: number, actorId: string | null): void {
	const db = getDb();
	db.$client
		.transaction(() => {
			const rev = db
				.select({ id: table.revision.id })
				.from(table.revision)
				.where(and(eq(table.revision.id, revisionId), eq(table.revision.reportId, reportId)))
				.get();
			if (!rev) throw new Error(`修订版本 ${revisionId} 不属于报告 ${reportId}`);
			db.update(table.report).set({ currentRevisionId: revisionId }).where(eq(table.report.id, reportId)).run();
			recompute(reportId);
			audit(actorId, 'report.restore', { reportId, revisionId });
		})
		.immediate();
}
