// The report page (/organs/[id]/[year]): one report as corrected, with everything an inspector needs beside it
// (provenance, findings, notes, corrections, revisions and their diffs, last year's figures, the district median of
// each cell, the national template's tables). Reads only; writes go through corrections.ts and annotations.ts.
import * as reports from '../reports/read';
import { listCorrections, type CorrectionRecord } from '../corrections';
import { listAnnotations, type AnnotationRecord } from '../annotations';
import { hasOriginal } from '../files';
import { MEDIAN_MIN_REPORTS, districtMedians, type MedianCell } from './medians';
import { figureCellPaths, getCell } from '../../report/corrections';
import { diffModels, type ModelDiff } from '../../report/diff';
import { otherLayoutOf } from '../../report/checks/cells';
import type { Cell, Report as Model } from '../../report/model';
import type { OrganKind } from '../../report/organ';
import { applicationRowKeys, proactiveItems } from '../../report/template';
import { applicationsTable, proactiveTable, reviewTable, type TableBlock } from '../../report/layout';
import { pendingSideBySide, type PendingRow } from '../../cross/pending-cases';
import { crossFindingsView, ownReviewStatus, type CrossFindingView } from '../findings/view';
import { filingOf, type FilingRecord } from '../filings';
import { localDeadline } from '../findings/config';

/** The model with every template row and item present (blank where the report printed none), for the table layout. */
function filledForLayout(model: Model): Model {
	const m = structuredClone({ ...model, source_lines: undefined, provenance: {} }) as Model;
	const layout = otherLayoutOf(model);
	m.other_layout = layout;
	const rows = (m.applications.rows ??= {}) as Record<string, Cell[]>;
	for (const key of applicationRowKeys(layout)) rows[key] ??= new Array(7).fill(null);
	for (const item of proactiveItems(model.template === '2019' ? '2019' : '2021'))
		m.proactive[item.key] = {
			...Object.fromEntries(item.fields.map((f) => [f, null])),
			...(m.proactive[item.key] ?? {})
		};
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
	organ: { id: number; name: string; kind: OrganKind };
	report: reports.ReportView;
	/** The organ's years on file, for the year switcher. */
	years: number[];
	/** The effective model (corrections applied), with provenance and source lines. */
	model: Model;
	findings: reports.FindingView[];
	corrections: CorrectionRecord[];
	annotations: AnnotationRecord[];
	revisions: RevisionView[];
	previous: { year: number; reportId: number; cells: Record<string, Cell> } | null;
	/** Among the roster organs of the same kind (MEDIAN_MIN_REPORTS at least, else the median is null). */
	medians: Record<string, MedianCell>;
	medianMinReports: number;
	tables: TableBlock[];
	/** X6, H1, D3: findings that compare this report with others, the other side at hand. */
	crossFindings: CrossFindingView[];
	/** The review decision of each own finding, by finding id. */
	reviews: ReturnType<typeof ownReviewStatus>;
	/** X2: last year's 尚未审结 beside this year's section 4 (a view, not a check). */
	pending: PendingRow[];
	/** D2: when the report was filed with the district office (recorded by an inspector), if recorded. */
	filing: FilingRecord | null;
	/** D2: the district's own filing deadline for this year (YYYY-MM-DD), null when none is set. */
	filingDeadline: string | null;
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
			? {
					year: year - 1,
					reportId: prev.id,
					cells: Object.fromEntries(figureCellPaths(prevModel).map((p) => [p, getCell(prevModel, p) ?? null]))
				}
			: null;
	return {
		organ: { id: organId, name: report.organName, kind: report.organKind },
		report,
		years: reports.yearsOf(organId),
		model,
		findings: reports.findingsOf(report.id),
		corrections: listCorrections(report.id),
		annotations: listAnnotations(report.id),
		revisions: revisionsOf(report.id),
		previous,
		medians: districtMedians(year, report.organKind),
		medianMinReports: MEDIAN_MIN_REPORTS,
		tables: templateTables(model),
		crossFindings: crossFindingsView(report.id),
		reviews: ownReviewStatus(report.id),
		pending: pendingSideBySide(prevModel ?? null, model),
		filing: filingOf(report.id) ?? null,
		filingDeadline: localDeadline().filing ? `${year + 1}-${localDeadline().filing}` : null
	};
}
