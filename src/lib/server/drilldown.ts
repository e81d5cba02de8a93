// What the drill-down pages read: the organ list, one organ's years side by side, and one report as corrected
// with everything an inspector needs beside it (provenance, findings, notes, corrections, revisions, last year's
// figures, the district median of each cell). Reads only; writes go through corrections.ts and annotations.ts.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from './db';
import * as table from './db/schema';
import * as reports from './reports';
import { proactiveFields } from './reports';
import { listCorrections, type CorrectionRecord } from './corrections';
import { listAnnotations, type AnnotationRecord } from './annotations';
import { hasOriginal } from './files';
import { normalizeOrganName } from '../report/organ';
import { figureCellPaths, getCell } from '../report/corrections';
import { diffModels, type ModelDiff } from '../report/diff';
import { median } from '../report/compare';
import { RULES } from '../report/checks';
import { otherLayoutOf } from '../report/checks/cells';
import type { Cell, Report as Model, Severity } from '../report/model';
import {
	APPLICANT_COLUMNS,
	APPLICATION_ROW_SHORT,
	REVIEW_COLUMNS,
	REVIEW_GROUP_LABELS,
	applicationRowKeys,
	proactiveItems
} from '../report/template';
import { applicationsTable, proactiveTable, reviewTable, type TableBlock } from '../generator/render/layout';

// ── The organ list ─────────────────────────────────────────────────────────────────────────────────

export interface OrganListRow {
	id: number;
	name: string;
	kind: string;
	aliases: string[];
	years: number[];
	latestYear: number | null;
	latestReportId: number | null;
	/** Findings of the latest report, and how many of them are errors. */
	latestFindings: number | null;
	latestErrors: number | null;
	/** Years from the organ's first report to the district's latest year that have no report. */
	missingYears: number[];
}

export interface OrganListFilter {
	/** Part of the name or an alias, any script or width. */
	q?: string;
	kind?: string;
	/** Only these organs (a clerk's view). */
	organIds?: number[];
}

/** The district's latest report year (null when nothing is loaded). */
export function latestDistrictYear(): number | null {
	return getDb().select({ y: sql<number | null>`max(${table.report.year})` }).from(table.report).get()?.y ?? null;
}

/** Years in [first, last] not in `years`. */
export function missingYears(years: number[], last: number | null): number[] {
	if (!years.length || last === null) return [];
	const have = new Set(years);
	const out: number[] = [];
	for (let y = Math.min(...years); y <= last; y++) if (!have.has(y)) out.push(y);
	return out;
}

function aliasesByOrgan(ids?: number[]): Map<number, string[]> {
	const q = getDb().select({ organId: table.organAlias.organId, alias: table.organAlias.alias }).from(table.organAlias);
	const rows = ids ? q.where(inArray(table.organAlias.organId, ids)).all() : q.all();
	const out = new Map<number, string[]>();
	for (const r of rows) out.set(r.organId, [...(out.get(r.organId) ?? []), r.alias]);
	return out;
}

export function organIndex(filter: OrganListFilter = {}): OrganListRow[] {
	const db = getDb();
	let organRows = db.select().from(table.organ).orderBy(asc(table.organ.name)).all();
	if (filter.organIds) organRows = organRows.filter((o) => filter.organIds!.includes(o.id));
	if (filter.kind) organRows = organRows.filter((o) => o.kind === filter.kind);
	const aliases = aliasesByOrgan();
	const q = filter.q ? normalizeOrganName(filter.q) : '';
	if (q)
		organRows = organRows.filter(
			(o) => o.normalizedName.includes(q) || (aliases.get(o.id) ?? []).some((a) => normalizeOrganName(a).includes(q))
		);
	const reportRows = db
		.select({ id: table.report.id, organId: table.report.organId, year: table.report.year, findings: table.report.findingsCount })
		.from(table.report)
		.orderBy(asc(table.report.year))
		.all();
	const errors = new Map(
		(
			db.$client.prepare("SELECT report_id AS id, COUNT(*) AS n FROM finding WHERE severity = 'error' GROUP BY report_id").all() as {
				id: number;
				n: number;
			}[]
		).map((r) => [r.id, r.n])
	);
	const byOrgan = new Map<number, typeof reportRows>();
	for (const r of reportRows) byOrgan.set(r.organId, [...(byOrgan.get(r.organId) ?? []), r]);
	const last = reportRows.length ? Math.max(...reportRows.map((r) => r.year)) : null;
	return organRows.map((o) => {
		const rs = byOrgan.get(o.id) ?? [];
		const latest = rs[rs.length - 1];
		const years = rs.map((r) => r.year);
		return {
			id: o.id,
			name: o.name,
			kind: o.kind,
			aliases: aliases.get(o.id) ?? [],
			years,
			latestYear: latest?.year ?? null,
			latestReportId: latest?.id ?? null,
			latestFindings: latest ? latest.findings : null,
			latestErrors: latest ? (errors.get(latest.id) ?? 0) : null,
			missingYears: missingYears(years, last)
		};
	});
}

/** For GET /api/organs: id, name, kind, aliases. */
export function apiOrgans(organIds?: number[]): { id: number; name: string; kind: string; aliases: string[] }[] {
	const q = getDb().select({ id: table.organ.id, name: table.organ.name, kind: table.organ.kind }).from(table.organ);
	const rows = (organIds ? q.where(inArray(table.organ.id, organIds)) : q).orderBy(asc(table.organ.name)).all();
	const aliases = aliasesByOrgan(organIds);
	return rows.map((o) => ({ ...o, aliases: aliases.get(o.id) ?? [] }));
}

// ── One organ across years ─────────────────────────────────────────────────────────────────────────

/** The figures shown per year on the organ page: a section, a row, a column, and its label from the template. */
export const KEY_FIGURES = [
	{ section: 'applications', rowKey: 'new', col: 6, label: APPLICATION_ROW_SHORT.new },
	{ section: 'applications', rowKey: 'carried_over', col: 6, label: APPLICATION_ROW_SHORT.carried_over },
	{ section: 'applications', rowKey: 'granted', col: 6, label: APPLICATION_ROW_SHORT.granted },
	{ section: 'applications', rowKey: 'partial', col: 6, label: APPLICATION_ROW_SHORT.partial },
	{ section: 'applications', rowKey: 'results_total', col: 6, label: APPLICATION_ROW_SHORT.results_total },
	{ section: 'applications', rowKey: 'carried_forward', col: 6, label: APPLICATION_ROW_SHORT.carried_forward },
	{ section: 'review', rowKey: 'reconsideration', col: 4, label: `${REVIEW_GROUP_LABELS.reconsideration}总计` },
	{ section: 'review', rowKey: 'litigation_direct', col: 4, label: `${REVIEW_GROUP_LABELS.litigation_direct}总计` },
	{ section: 'review', rowKey: 'litigation_after_reconsideration', col: 4, label: `${REVIEW_GROUP_LABELS.litigation_after_reconsideration}总计` }
] as const;

export interface YearSummary {
	reportId: number;
	year: number;
	template: string | null;
	publishedOn: string | null;
	feeYuan: number | null;
	/** Key figures in KEY_FIGURES order; undefined: the row is absent. */
	figures: (number | null | undefined)[];
	findings: { rule: string; severity: Severity; message: string }[];
	counts: Record<Severity, number>;
	revisions: number;
	lastImportedAt: number | null;
	corrections: number;
	annotations: number;
}

export interface MonthlyRhythm {
	year: number;
	months: number[];
	total: number;
}

export interface PublicationRhythm {
	years: MonthlyRhythm[];
	total: number;
	first: string | null;
	last: string | null;
	/** Longest run of days with no publication between two publications, and where it started. */
	longestGapDays: number | null;
	longestGapFrom: string | null;
}

const DAY = 86_400_000;

/** Publications per month of each year, and the longest silence between two of them. */
export function publicationRhythm(dates: string[]): PublicationRhythm {
	const ok = dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
	const byYear = new Map<number, number[]>();
	for (const d of ok) {
		const y = Number(d.slice(0, 4));
		const months = byYear.get(y) ?? new Array(12).fill(0);
		months[Number(d.slice(5, 7)) - 1]++;
		byYear.set(y, months);
	}
	let longestGapDays: number | null = null;
	let longestGapFrom: string | null = null;
	for (let i = 1; i < ok.length; i++) {
		const gap = Math.round((Date.parse(ok[i]) - Date.parse(ok[i - 1])) / DAY);
		if (longestGapDays === null || gap > longestGapDays) {
			longestGapDays = gap;
			longestGapFrom = ok[i - 1];
		}
	}
	const years = [...byYear.keys()].sort((a, b) => a - b);
	const all: MonthlyRhythm[] = [];
	if (years.length)
		for (let y = years[0]; y <= years[years.length - 1]; y++) {
			const months = byYear.get(y) ?? new Array(12).fill(0);
			all.push({ year: y, months, total: months.reduce((a, b) => a + b, 0) });
		}
	return { years: all, total: ok.length, first: ok[0] ?? null, last: ok[ok.length - 1] ?? null, longestGapDays, longestGapFrom };
}

export interface OrganOverview {
	organ: { id: number; name: string; kind: string; aliases: string[] };
	years: YearSummary[];
	missingYears: number[];
	keyFigures: { label: string }[];
	rhythm: PublicationRhythm;
}

export function organOverview(organId: number): OrganOverview | undefined {
	const db = getDb();
	const organ = db.select().from(table.organ).where(eq(table.organ.id, organId)).get();
	if (!organ) return undefined;
	const rows = reports.list({ organId }).sort((a, b) => a.year - b.year);
	const ids = rows.map((r) => r.id);
	const c = db.$client;
	const inIds = ids.map(() => '?').join(', ') || 'NULL';
	const figureRows = ids.length
		? (c.prepare(`SELECT report_id AS id, section, row_key AS rowKey, c0, c1, c2, c3, c4, c5, c6 FROM figure WHERE report_id IN (${inIds})`).all(...ids) as {
				id: number;
				section: string;
				rowKey: string;
				[k: string]: unknown;
			}[])
		: [];
	const findingRows = ids.length
		? db
				.select({ reportId: table.finding.reportId, rule: table.finding.rule, severity: table.finding.severity, message: table.finding.message })
				.from(table.finding)
				.where(inArray(table.finding.reportId, ids))
				.orderBy(asc(table.finding.id))
				.all()
		: [];
	const perReport = (sqlText: string) =>
		new Map((ids.length ? (c.prepare(sqlText.replace('$IDS', inIds)).all(...ids) as { id: number; n: number; last: number | null }[]) : []).map((r) => [r.id, r]));
	const revs = perReport('SELECT report_id AS id, COUNT(*) AS n, MAX(imported_at) AS last FROM revision WHERE report_id IN ($IDS) GROUP BY report_id');
	const corrs = perReport('SELECT report_id AS id, COUNT(*) AS n FROM correction WHERE report_id IN ($IDS) AND undone_at IS NULL GROUP BY report_id');
	const notes = perReport('SELECT report_id AS id, COUNT(*) AS n FROM annotation WHERE report_id IN ($IDS) GROUP BY report_id');
	const years: YearSummary[] = rows.map((r) => {
		const mine = figureRows.filter((f) => f.id === r.id);
		const figures = KEY_FIGURES.map((k) => {
			const row = mine.find((f) => f.section === k.section && f.rowKey === k.rowKey);
			return row ? ((row[`c${k.col}`] as number | null) ?? null) : undefined;
		});
		const findings = findingRows.filter((f) => f.reportId === r.id).map(({ rule, severity, message }) => ({ rule, severity: severity as Severity, message }));
		const counts = { error: 0, warning: 0, info: 0 } as Record<Severity, number>;
		for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
		return {
			reportId: r.id,
			year: r.year,
			template: r.template,
			publishedOn: r.publishedOn,
			feeYuan: r.feeYuan,
			figures,
			findings,
			counts,
			revisions: revs.get(r.id)?.n ?? 0,
			lastImportedAt: revs.get(r.id)?.last ?? null,
			corrections: corrs.get(r.id)?.n ?? 0,
			annotations: notes.get(r.id)?.n ?? 0
		};
	});
	const dates = db
		.select({ d: table.publication.publishedOn })
		.from(table.publication)
		.where(eq(table.publication.organId, organId))
		.all()
		.map((p) => p.d);
	return {
		organ: { id: organ.id, name: organ.name, kind: organ.kind, aliases: aliasesByOrgan([organId]).get(organId) ?? [] },
		years,
		missingYears: missingYears(
			years.map((y) => y.year),
			latestDistrictYear()
		),
		keyFigures: KEY_FIGURES.map((k) => ({ label: k.label })),
		rhythm: publicationRhythm(dates)
	};
}

// ── One report ─────────────────────────────────────────────────────────────────────────────────────

export interface FindingView {
	id: number;
	rule: string;
	ruleName: string | null;
	severity: Severity;
	message: string;
	cells: string[];
}

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
			severity: f.severity as Severity,
			message: f.message,
			cells: JSON.parse(f.cellsJson) as string[]
		}));
}

export interface MedianCell {
	median: number | null;
	/** Reports of that year with a number in the cell. */
	n: number;
}

// Medians are recomputed only when a report of that year changed (an import, a correction, a restore all touch
// report.updated_at): a page view at 10,000 reports would otherwise sort ~50,000 figure rows.
const medianCache = new Map<string, Record<string, MedianCell>>();

/** The district median of every figure cell for a year, across all organs' reports (blank cells skipped). */
export function districtMedians(year: number): Record<string, MedianCell> {
	const stamp = getDb()
		.$client.prepare('SELECT COUNT(*) AS n, MAX(updated_at) AS t, MAX(id) AS m FROM report WHERE year = ?')
		.get(year) as { n: number; t: number | null; m: number | null };
	const key = `${getDb().$client.name}:${year}:${stamp.n}:${stamp.t}:${stamp.m}`;
	const hit = medianCache.get(key);
	if (hit) return hit;
	const result = computeMedians(year);
	if (medianCache.size >= 16) medianCache.delete(medianCache.keys().next().value!);
	medianCache.set(key, result);
	return result;
}

function computeMedians(year: number): Record<string, MedianCell> {
	const rows = getDb()
		.$client.prepare(
			`SELECT r.template AS template, g.section AS section, g.row_key AS rowKey, g.c0, g.c1, g.c2, g.c3, g.c4, g.c5, g.c6
			FROM figure g JOIN report r ON r.id = g.report_id WHERE r.year = ?`
		)
		.all(year) as { template: string | null; section: string; rowKey: string; [k: string]: unknown }[];
	const values = new Map<string, number[]>();
	const add = (path: string, v: unknown) => {
		if (typeof v !== 'number') return;
		let xs = values.get(path);
		if (!xs) values.set(path, (xs = []));
		xs.push(v);
	};
	for (const r of rows) {
		if (r.section === 'applications') APPLICANT_COLUMNS.forEach((c, i) => add(`applications.rows.${r.rowKey}.${c}`, r[`c${i}`]));
		else if (r.section === 'review') REVIEW_COLUMNS.forEach((c, i) => add(`review.${r.rowKey}.${c}`, r[`c${i}`]));
		else if (r.section === 'proactive')
			proactiveFields(r.template ?? '2021', r.rowKey).forEach((f, i) => add(`proactive.${r.rowKey}.${f}`, r[`c${i}`]));
	}
	const fees = getDb().$client.prepare('SELECT fee_yuan AS v FROM report WHERE year = ?').all(year) as { v: number | null }[];
	for (const f of fees) add('fees.info_processing_fee_yuan', f.v);
	return Object.fromEntries([...values].map(([path, xs]) => [path, { median: median(xs), n: xs.length }]));
}

/** The model with every template row and item present (blank where the report printed none), for the table layout. */
function filledForLayout(model: Model): Model {
	const m = structuredClone({ ...model, source_lines: undefined, provenance: {} }) as Model;
	const layout = otherLayoutOf(model);
	m.other_layout = layout;
	const rows = (m.applications.rows ??= {}) as Record<string, Cell[]>;
	for (const key of applicationRowKeys(layout)) rows[key] ??= new Array(7).fill(null);
	for (const item of proactiveItems(model.template === '2019' ? '2019' : '2021'))
		m.proactive[item.key] = { ...Object.fromEntries(item.fields.map((f) => [f, null])), ...(m.proactive[item.key] ?? {}) };
	return m;
}

/** Sections 2, 3 and 4 as the national template's tables (merged cells as the form has them). */
export function templateTables(model: Model): TableBlock[] {
	if (model.template === 'free' && !figureCellPaths(model).length) return [];
	const m = filledForLayout(model);
	return [proactiveTable(m), applicationsTable(m), reviewTable(m)];
}

export interface RevisionView extends reports.RevisionInfo {
	/** What changed from the revision before it (null for the first). */
	diff: ModelDiff | null;
	template: string;
	downloadable: boolean;
}

function revisionsOf(reportId: number): RevisionView[] {
	const hist = reports.history(reportId);
	const models = hist.map((h) => reports.getRevision(h.id)!.model);
	return hist.map((h, i) => ({
		...h,
		template: models[i].template,
		diff: i + 1 < hist.length ? diffModels(models[i + 1], models[i]) : null,
		downloadable: hasOriginal(h.filePath)
	}));
}

export interface ReportPage {
	organ: { id: number; name: string; kind: string };
	report: reports.ReportView;
	/** The organ's years on file, for the year switcher. */
	years: number[];
	/** The effective model (corrections applied), with provenance and source lines. */
	model: Model;
	findings: FindingView[];
	corrections: CorrectionRecord[];
	annotations: AnnotationRecord[];
	revisions: RevisionView[];
	previous: { year: number; reportId: number; cells: Record<string, Cell> } | null;
	medians: Record<string, MedianCell>;
	tables: TableBlock[];
}

export function reportPage(organId: number, year: number): ReportPage | undefined {
	const report = reports.byOrganYear(organId, year);
	if (!report) return undefined;
	const model = reports.effectiveModel(report.id);
	if (!model) return undefined;
	const prev = reports.byOrganYear(organId, year - 1);
	const prevModel = prev ? reports.effectiveModel(prev.id) : undefined;
	const previous =
		prev && prevModel
			? { year: year - 1, reportId: prev.id, cells: Object.fromEntries(figureCellPaths(prevModel).map((p) => [p, getCell(prevModel, p) ?? null])) }
			: null;
	const years = getDb()
		.select({ year: table.report.year })
		.from(table.report)
		.where(eq(table.report.organId, organId))
		.orderBy(asc(table.report.year))
		.all()
		.map((r) => r.year);
	return {
		organ: { id: organId, name: report.organName, kind: report.organKind },
		report,
		years,
		model,
		findings: findingsOf(report.id),
		corrections: listCorrections(report.id),
		annotations: listAnnotations(report.id),
		revisions: revisionsOf(report.id),
		previous,
		medians: districtMedians(year),
		tables: templateTables(model)
	};
}

/** For GET /api/organs/[id]/reports/[year]: the model as corrected, its findings (incl. Y1, T1) and corrections. */
export function apiReport(organId: number, year: number) {
	const report = reports.byOrganYear(organId, year);
	if (!report) return undefined;
	const model = reports.effectiveModel(report.id);
	if (!model) return undefined;
	const findings = findingsOf(report.id);
	return {
		report: { id: report.id, organ_id: organId, organ: report.organName, year, revision_id: report.currentRevisionId },
		model: { ...model, findings: findings.map(({ rule, severity, message, cells }) => ({ rule, severity, message, cells })) },
		corrections: listCorrections(report.id).map((c) => ({
			id: c.id,
			cell: c.cellPath,
			label: c.label,
			parsed_value: c.parsedValue ?? null,
			old_value: c.oldValue,
			new_value: c.newValue,
			reason: c.reason,
			author: c.authorName,
			created_at: new Date(c.createdAt).toISOString(),
			undone_at: c.undoneAt === null ? null : new Date(c.undoneAt).toISOString(),
			active: c.undoneAt === null
		}))
	};
}

/** The stored original of one revision of a report, for download; undefined when not this report's. */
export function revisionFile(organId: number, year: number, revisionId: number) {
	const report = reports.byOrganYear(organId, year);
	if (!report) return undefined;
	const rev = getDb()
		.select({ fileName: table.revision.fileName, filePath: table.revision.filePath, format: table.revision.format })
		.from(table.revision)
		.where(and(eq(table.revision.id, revisionId), eq(table.revision.reportId, report.id)))
		.get();
	return rev;
}
