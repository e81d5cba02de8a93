// The JSON payloads of the read API: GET /api/organs and GET /api/organs/[id]/reports/[year]. The keys are the
// API's contract (snake_case), not the pages' shapes.
import { asc, inArray } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import * as reports from '../reports/read';
import { listCorrections } from '../corrections';
import { aliasesByOrgan } from './aliases';
import type { OrganKind } from '../../report/organ';
import { crossFindingsView, decided, ownReviewStatus } from '../findings/view';

/** For GET /api/organs: id, name, kind, status (district | pending | outside), aliases. */
export function apiOrgans(
	organIds?: number[]
): { id: number; name: string; kind: OrganKind; status: string; aliases: string[] }[] {
	const q = getDb()
		.select({ id: table.organ.id, name: table.organ.name, kind: table.organ.kind, status: table.organ.status })
		.from(table.organ);
	const rows = (organIds ? q.where(inArray(table.organ.id, organIds)) : q).orderBy(asc(table.organ.name)).all();
	const aliases = aliasesByOrgan(organIds);
	return rows.map((o) => ({ ...o, aliases: aliases.get(o.id) ?? [] }));
}

/**
 * For GET /api/organs/[id]/reports/[year]: the model as corrected, its findings (incl. Y1, T1) with their review
 * status, the cross-report findings (X6, H1, D3) with the other side, and corrections. `crossReport`: false for a
 * clerk, who may not see other organs' reports.
 */
export function apiReport(organId: number, year: number, crossReport = true) {
	const report = reports.byOrganYear(organId, year);
	if (!report) return undefined;
	const model = reports.effectiveModel(report.id);
	if (!model) return undefined;
	const findings = reports.findingsOf(report.id);
	const reviews = ownReviewStatus(report.id);
	return {
		report: { id: report.id, organ_id: organId, organ: report.organName, year, revision_id: report.currentRevisionId },
		model: {
			...model,
			findings: findings.map(({ rule, severity, message, cells }) => ({ rule, severity, message, cells }))
		},
		reviews: findings.map((f) => ({
			rule: f.rule,
			cells: f.cells,
			status: reviews[f.id]?.status ?? 'open',
			reason: reviews[f.id]?.reason ?? null,
			note: reviews[f.id]?.note ?? ''
		})),
		cross_findings: crossReport
			? crossFindingsView(report.id).map((f) => ({
					...decided(f),
					uncertain: f.uncertain,
					other: f.other && {
						organ_id: f.other.organId,
						organ: f.other.organName,
						year: f.other.year,
						url: `/api/organs/${f.other.organId}/reports/${f.other.year}`
					},
					texts: f.texts.map((t) => ({
						section: t.section,
						other_text: t.other,
						shared: t.selfSpans,
						other_shared: t.otherSpans
					})),
					sums: f.sums.map((s) => ({ cell: s.cell, value: s.value, children_sum: s.children })),
					children: f.children.map((c) => ({ organ_id: c.organId, organ: c.organName })),
					missing_children: f.missingChildren.map((c) => ({ organ_id: c.organId, organ: c.organName })),
					changes: f.changes
				}))
			: [],
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
