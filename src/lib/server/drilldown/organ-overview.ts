// The organ page (/organs/[id]): the organ's years side by side (key figures, findings, revisions, corrections,
// notes), the years it owes, and the rhythm of its publication log.
import { asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { statement } from '../db/statement';
import * as reports from '../reports/read';
import { aliasesByOrgan } from './aliases';
import { latestDistrictYear } from './organ-list';
import { missingYears } from '../../report/missing-years';
import { publicationRhythm, type PublicationRhythm } from '../../report/rhythm';
import type { Severity } from '../../report/model';
import type { OrganKind } from '../../report/organ';
import { APPLICATION_ROW_SHORT, REVIEW_GROUP_LABELS } from '../../report/template';

/** The figures shown per year on the organ page: a section, a row, a column, and its label from the template. */
const KEY_FIGURES = [
	{ section: 'applications', rowKey: 'new', col: 6, label: APPLICATION_ROW_SHORT.new },
	{ section: 'applications', rowKey: 'carried_over', col: 6, label: APPLICATION_ROW_SHORT.carried_over },
	{ section: 'applications', rowKey: 'granted', col: 6, label: APPLICATION_ROW_SHORT.granted },
	{ section: 'applications', rowKey: 'partial', col: 6, label: APPLICATION_ROW_SHORT.partial },
	{ section: 'applications', rowKey: 'results_total', col: 6, label: APPLICATION_ROW_SHORT.results_total },
	{ section: 'applications', rowKey: 'carried_forward', col: 6, label: APPLICATION_ROW_SHORT.carried_forward },
	{ section: 'review', rowKey: 'reconsideration', col: 4, label: `${REVIEW_GROUP_LABELS.reconsideration}总计` },
	{ section: 'review', rowKey: 'litigation_direct', col: 4, label: `${REVIEW_GROUP_LABELS.litigation_direct}总计` },
	{
		section: 'review',
		rowKey: 'litigation_after_reconsideration',
		col: 4,
		label: `${REVIEW_GROUP_LABELS.litigation_after_reconsideration}总计`
	}
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

export interface OrganOverview {
	organ: { id: number; name: string; kind: OrganKind; aliases: string[] };
	years: YearSummary[];
	missingYears: number[];
	keyFigures: { label: string }[];
	rhythm: PublicationRhythm;
}

// Per report of one organ: each query reads the organ's reports only (report_organ_year_uq, then the child table's
// report_id index).
const SQL = {
	figures: `SELECT g.report_id AS id, g.section, g.row_key AS rowKey, g.c0, g.c1, g.c2, g.c3, g.c4, g.c5, g.c6
		FROM report r JOIN figure g ON g.report_id = r.id WHERE r.organ_id = ?`,
	revisions: `SELECT v.report_id AS id, COUNT(*) AS n, MAX(v.imported_at) AS last
		FROM report r JOIN revision v ON v.report_id = r.id WHERE r.organ_id = ? GROUP BY v.report_id`,
	corrections: `SELECT c.report_id AS id, COUNT(*) AS n
		FROM report r JOIN correction c ON c.report_id = r.id WHERE r.organ_id = ? AND c.undone_at IS NULL GROUP BY c.report_id`,
	annotations: `SELECT a.report_id AS id, COUNT(*) AS n
		FROM report r JOIN annotation a ON a.report_id = r.id WHERE r.organ_id = ? GROUP BY a.report_id`
} as const;

type FigureRow = { id: number; section: string; rowKey: string; [column: string]: unknown };
type PerReport = { id: number; n: number; last?: number | null };

function perReport(sql: string, organId: number): Map<number, PerReport> {
	return new Map((statement(sql).all(organId) as PerReport[]).map((r) => [r.id, r]));
}

export function organOverview(organId: number): OrganOverview | undefined {
	const db = getDb();
	const organ = db.select().from(table.organ).where(eq(table.organ.id, organId)).get();
	if (!organ) return undefined;
	const rows = reports.list({ organId }).sort((a, b) => a.year - b.year);
	const ids = rows.map((r) => r.id);
	const figureRows = statement(SQL.figures).all(organId) as FigureRow[];
	const findingRows = ids.length
		? db
				.select({
					reportId: table.finding.reportId,
					rule: table.finding.rule,
					severity: table.finding.severity,
					message: table.finding.message
				})
				.from(table.finding)
				.where(inArray(table.finding.reportId, ids))
				.orderBy(asc(table.finding.id))
				.all()
		: [];
	const revs = perReport(SQL.revisions, organId);
	const corrs = perReport(SQL.corrections, organId);
	const notes = perReport(SQL.annotations, organId);
	const years: YearSummary[] = rows.map((r) => {
		const mine = figureRows.filter((f) => f.id === r.id);
		const figures = KEY_FIGURES.map((k) => {
			const row = mine.find((f) => f.section === k.section && f.rowKey === k.rowKey);
			return row ? ((row[`c${k.col}`] as number | null) ?? null) : undefined;
		});
		const findings = findingRows
			.filter((f) => f.reportId === r.id)
			.map(({ rule, severity, message }) => ({ rule, severity, message }));
		const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
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
