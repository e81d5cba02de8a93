// The cross-report findings of one report as the report page and the API show them: each with its decision and
// the other side at hand (the other organ's text with the shared passages, the children's sums, the edits).
import { findingsOfReport, type FindingRow } from './review';
import { sharedEffectiveModel } from '../reports/read';
import type { Span } from '../../cross';

export interface CrossFindingView {
	key: string;
	rule: string;
	ruleName: string;
	severity: FindingRow['severity'];
	message: string;
	cells: string[];
	status: FindingRow['status'];
	reason: FindingRow['reason'];
	note: string;
	uncertain: boolean;
	/** The other report, one click away. */
	other: { organId: number; organName: string; year: number; href: string } | null;
	/** X6: both texts with the shared passages. */
	texts: { section: string; self: string; selfSpans: Span[]; other: string; otherSpans: Span[] }[];
	/** H1: per cell, this report's value and the children's sum; the children summed and those missing. */
	sums: { cell: string; value: number | null; children: number | null }[];
	children: { organId: number; organName: string; href: string }[];
	missingChildren: { organId: number; organName: string }[];
	/** D3: what the later revision changed. */
	changes: { path: string; before: number | null; after: number | null }[];
}

type Decided = Pick<FindingRow, 'rule' | 'severity' | 'message' | 'cells' | 'status' | 'reason' | 'note'>;

/** A finding as checked and decided, as the page's view and the API both give it. */
export function decided(f: Decided): Decided {
	return {
		rule: f.rule,
		severity: f.severity,
		message: f.message,
		cells: f.cells,
		status: f.status,
		reason: f.reason,
		note: f.note
	};
}

const href = (organId: number, year: number, cell?: string) =>
	`/organs/${organId}/${year}${cell ? `?cell=${encodeURIComponent(cell)}` : ''}`;

export function crossFindingsView(reportId: number): CrossFindingView[] {
	return findingsOfReport(reportId)
		.filter((f) => f.kind === 'cross' && f.detail)
		.map((f) => {
			const d = f.detail!;
			const other =
				d.other && f.otherOrganId !== null
					? {
							organId: f.otherOrganId,
							organName: d.other.organName,
							year: d.other.year,
							href: href(f.otherOrganId, d.other.year, d.other.cells[0])
						}
					: null;
			const texts: CrossFindingView['texts'] = [];
			if (d.passages && f.otherReportId !== null) {
				const mine = sharedEffectiveModel(reportId);
				const theirs = sharedEffectiveModel(f.otherReportId);
				for (const p of d.passages)
					texts.push({
						section: p.section,
						self: mine?.sections?.[p.section] ?? '',
						selfSpans: p.self,
						other: theirs?.sections?.[p.section] ?? '',
						otherSpans: p.other
					});
			}
			const sums =
				f.rule === 'H1'
					? f.cells.map((c) => ({ cell: c, value: num(d.values[c]), children: num(d.values[`children:${c}`]) }))
					: [];
			return {
				key: f.key,
				...decided(f),
				ruleName: f.ruleName,
				uncertain: !!d.uncertain,
				other,
				texts,
				sums,
				children: (d.children ?? []).map((c) => ({
					organId: Number(c.organ),
					organName: c.organName,
					href: href(Number(c.organ), f.year)
				})),
				missingChildren: (d.missingChildren ?? []).map((c) => ({ organId: Number(c.organ), organName: c.organName })),
				changes: d.changes ?? []
			};
		});
}

const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** Review status of a report's own findings, by finding id. */
export function ownReviewStatus(
	reportId: number
): Record<number, { status: FindingRow['status']; reason: FindingRow['reason']; note: string }> {
	const out: Record<number, { status: FindingRow['status']; reason: FindingRow['reason']; note: string }> = {};
	for (const f of findingsOfReport(reportId))
		if (f.kind === 'report') out[Number(f.key.slice(1))] = { status: f.status, reason: f.reason, note: f.note };
	return out;
}
