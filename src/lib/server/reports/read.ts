// Reading stored reports: a report row (organ × year) with its organ, its revisions (each parsed file, kept
// forever), its effective model (the current revision's model with the active corrections applied) and the
// findings stored for it. Writes live in write.ts.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { statement } from '../db/statement';
import { cachedRevisionModel } from './model-cache';
import { applyCorrections, type ActiveCorrection } from '../../report/effective';
import { RULES } from '../../report/checks';
import type { Report as Model, Severity } from '../../report/model';
import type { OrganKind } from '../../report/organ';

export interface ReportView {
	id: number;
	organId: number;
	organName: string;
	organKind: OrganKind;
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

/** The years an organ has a report for, in order (the report page's year switcher). */
export function yearsOf(organId: number): number[] {
	return getDb()
		.select({ year: table.report.year })
		.from(table.report)
		.where(eq(table.report.organId, organId))
		.orderBy(asc(table.report.year))
		.all()
		.map((r) => r.year);
}

/** The file a revision was parsed from, and who imported it. */
export interface RevisionFile {
	sha256: string;
	fileName: string;
	format: string;
	encoding: string | null;
	filePath: string;
	fileSize: number;
	parserVersion: string;
	importedBy: string | null;
}

export interface RevisionInfo extends RevisionFile {
	id: number;
	reportId: number;
	importedByName: string | null;
	importedAt: number;
	current: boolean;
}

/** The revisions of a report, newest first, the current one marked. */
export function history(reportId: number): RevisionInfo[] {
	const db = getDb();
	const current = db
		.select({ id: table.report.currentRevisionId })
		.from(table.report)
		.where(eq(table.report.id, reportId))
		.get();
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
export function getRevision(
	revisionId: number
): (table.Revision & { model: Model; warnings: Model['warnings'] }) | undefined {
	const row = getDb().select().from(table.revision).where(eq(table.revision.id, revisionId)).get();
	if (!row) return undefined;
	return { ...row, model: JSON.parse(row.modelJson) as Model, warnings: JSON.parse(row.warningsJson) };
}

/** The stored original of one revision of a report, for download; undefined when not this report's. */
export function revisionFile(organId: number, year: number, revisionId: number) {
	const report = byOrganYear(organId, year);
	if (!report) return undefined;
	return getDb()
		.select({ fileName: table.revision.fileName, filePath: table.revision.filePath, format: table.revision.format })
		.from(table.revision)
		.where(and(eq(table.revision.id, revisionId), eq(table.revision.reportId, report.id)))
		.get();
}

export function findBySha(sha256: string): { revisionId: number; reportId: number } | undefined {
	return statement('SELECT id AS revisionId, report_id AS reportId FROM revision WHERE sha256 = ? LIMIT 1').get(
		sha256
	) as { revisionId: number; reportId: number } | undefined;
}

export function activeCorrections(reportId: number): ActiveCorrection[] {
	return statement(
		'SELECT cell_path AS cellPath, new_value AS newValue FROM correction WHERE report_id = ? AND undone_at IS NULL ORDER BY id'
	).all(reportId) as ActiveCorrection[];
}

/** The effective model, possibly shared with the model cache: for the writers, which only read it. */
export function sharedEffectiveModel(reportId: number): Model | undefined {
	const row = statement(
		'SELECT r.current_revision_id AS rev, v.sha256 AS sha FROM report r JOIN revision v ON v.id = r.current_revision_id WHERE r.id = ?'
	).get(reportId) as { rev: number; sha: string } | undefined;
	if (!row) return undefined;
	const model = cachedRevisionModel(row.rev, row.sha);
	return model && applyCorrections(model, activeCorrections(reportId));
}

/** The current revision's model with the active corrections applied: what the drill-down and the checks see. */
export function effectiveModel(reportId: number): Model | undefined {
	const eff = sharedEffectiveModel(reportId);
	return eff && structuredClone(eff);
}

export interface FindingView {
	id: number;
	rule: string;
	ruleName: string | null;
	severity: Severity;
	message: string;
	cells: string[];
}

/** The findings stored for a report, in the order they were found. */
export function findingsOf(reportId: number): FindingView[] {
	return getDb()
		.select()
		.from(table.finding)
		.where(eq(table.finding.reportId, reportId))
		.orderBy(asc(table.finding.id))
		.all()
		.map((f) => ({
			id: f.id,
			rule: f.rule,
			ruleName: (RULES as Record<string, { name: string }>)[f.rule]?.name ?? null,
			severity: f.severity,
			message: f.message,
			cells: JSON.parse(f.cellsJson) as string[]
		}));
}
