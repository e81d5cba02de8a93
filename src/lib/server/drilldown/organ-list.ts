// The organ list page (/organs): every organ with its years on file, its latest report's findings and the years
// it owes, searchable by name or alias.
import { asc, sql } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { statement } from '../db/statement';
import { aliasesByOrgan } from './aliases';
import { normalizeOrganName, type OrganKind } from '../../report/organ';
import { missingYears } from '../../report/missing-years';
import { isMember } from '../../organs/roster';

export interface OrganListRow {
	id: number;
	name: string;
	kind: OrganKind;
	/** district | pending | outside (lib/organs/roster.ts). */
	status: string;
	aliases: string[];
	years: number[];
	/** Per year on file: its findings and errors (the year chips' colour). */
	yearFindings: { year: number; findings: number; errors: number }[];
	latestYear: number | null;
	latestReportId: number | null;
	/** Findings of the latest report, and how many of them are errors. */
	latestFindings: number | null;
	latestErrors: number | null;
	/** Years from the organ's first report to the district's latest year that have no report, while on the roster. */
	missingYears: number[];
}

export interface OrganListFilter {
	/** Part of the name or an alias, any script or width. */
	q?: string;
	kind?: OrganKind;
	/** Any of these kinds (the dashboard's kind filter: 街道、乡镇 together). */
	kinds?: readonly string[];
	/** Only these organs (a clerk's view). */
	organIds?: number[];
}

/** The district's latest report year (null when nothing is loaded). */
export function latestDistrictYear(): number | null {
	return (
		getDb()
			.select({ y: sql<number | null>`max(${table.report.year})` })
			.from(table.report)
			.get()?.y ?? null
	);
}

export function organIndex(filter: OrganListFilter = {}): OrganListRow[] {
	const db = getDb();
	let organRows = db.select().from(table.organ).orderBy(asc(table.organ.name)).all();
	if (filter.organIds) organRows = organRows.filter((o) => filter.organIds!.includes(o.id));
	if (filter.kind) organRows = organRows.filter((o) => o.kind === filter.kind);
	if (filter.kinds) organRows = organRows.filter((o) => filter.kinds!.includes(o.kind));
	const aliases = aliasesByOrgan();
	const q = filter.q ? normalizeOrganName(filter.q) : '';
	if (q)
		organRows = organRows.filter(
			(o) => o.normalizedName.includes(q) || (aliases.get(o.id) ?? []).some((a) => normalizeOrganName(a).includes(q))
		);
	const reportRows = db
		.select({
			id: table.report.id,
			organId: table.report.organId,
			year: table.report.year,
			findings: table.report.findingsCount
		})
		.from(table.report)
		.orderBy(asc(table.report.year))
		.all();
	const errorRows = statement(
		"SELECT report_id AS id, COUNT(*) AS n FROM finding WHERE severity = 'error' GROUP BY report_id"
	).all() as {
		id: number;
		n: number;
	}[];
	const errors = new Map(errorRows.map((r) => [r.id, r.n]));
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
			status: o.status,
			aliases: aliases.get(o.id) ?? [],
			years,
			yearFindings: rs.map((r) => ({ year: r.year, findings: r.findings, errors: errors.get(r.id) ?? 0 })),
			latestYear: latest?.year ?? null,
			latestReportId: latest?.id ?? null,
			latestFindings: latest ? latest.findings : null,
			latestErrors: latest ? (errors.get(latest.id) ?? 0) : null,
			// An organ owes nothing for a year it is not on the roster (abolished, outside, not yet decided).
			missingYears: missingYears(years, last).filter((y) =>
				isMember({ status: o.status, from: o.rosterFrom, to: o.rosterTo }, y)
			)
		};
	});
}

export const ORGAN_SORTS = ['name', 'findings', 'missing'] as const;
export type OrganSort = (typeof ORGAN_SORTS)[number];

// Names in pinyin order (教育局 before 财政局 by code point, after it in pinyin): the locale's collation.
const collator = new Intl.Collator('zh-CN');

/** The list by name (pinyin), by the latest report's findings (errors first) or by missing years, most first. */
export function sortOrgans(rows: OrganListRow[], sort: OrganSort): OrganListRow[] {
	const byName = (a: OrganListRow, b: OrganListRow) => collator.compare(a.name, b.name);
	const out = [...rows];
	if (sort === 'findings')
		out.sort(
			(a, b) =>
				(b.latestErrors ?? -1) - (a.latestErrors ?? -1) ||
				(b.latestFindings ?? -1) - (a.latestFindings ?? -1) ||
				byName(a, b)
		);
	else if (sort === 'missing') out.sort((a, b) => b.missingYears.length - a.missingYears.length || byName(a, b));
	else out.sort(byName);
	return out;
}

/** An organ with a problem: errors in its latest report, or a year it owes. */
export const hasProblem = (r: OrganListRow): boolean => (r.latestErrors ?? 0) > 0 || r.missingYears.length > 0;
