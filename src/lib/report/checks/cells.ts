// Cell access and naming shared by the rules: cells by row and column index (their paths are ../cell-path's)
// and the Chinese names messages use.
import type { Cell, Report } from '../model';
import {
	APPLICANT_COLUMNS,
	APPLICANT_COLUMN_LABELS,
	APPLICATION_ROW_SHORT,
	REVIEW_COLUMNS,
	REVIEW_COLUMN_LABELS,
	REVIEW_GROUP_LABELS,
	type ApplicantColumn,
	type ApplicationRowKey,
	type ReviewColumn,
	type ReviewGroup,
	type TemplateVersion
} from '../template';

export const TOTAL_COL = APPLICANT_COLUMNS.length - 1;

export const colName = (col: number) => APPLICANT_COLUMN_LABELS[APPLICANT_COLUMNS[col] as ApplicantColumn];
export const rowName = (key: string) => APPLICATION_ROW_SHORT[key as ApplicationRowKey] ?? key;
export const reviewColName = (col: number) => REVIEW_COLUMN_LABELS[REVIEW_COLUMNS[col] as ReviewColumn];
export const groupName = (g: string) => REVIEW_GROUP_LABELS[g as ReviewGroup] ?? g;

/** A cell of section 3: a number, null (blank), or undefined (row absent / malformed). */
export function appCell(report: Report, key: string, col: number): Cell | undefined {
	const row = (report.applications?.rows as Record<string, Cell[] | undefined> | undefined)?.[key];
	if (!Array.isArray(row) || row.length !== APPLICANT_COLUMNS.length) return undefined;
	return row[col];
}

export function reviewCell(report: Report, group: string, col: number): Cell | undefined {
	const row = (report.review as Record<string, Cell[] | undefined> | undefined)?.[group];
	if (!Array.isArray(row) || row.length !== REVIEW_COLUMNS.length) return undefined;
	return row[col];
}

export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Layout of section 3 row （六）: as the parser recorded it, else from the rows present, else from the template. */
export function otherLayoutOf(report: Report): TemplateVersion {
	if (report.other_layout === '2019' || report.other_layout === '2021') return report.other_layout;
	const keys = Object.keys(report.applications?.rows ?? {});
	if (keys.some((k) => k.startsWith('other.'))) return '2021';
	if (keys.includes('other')) return '2019';
	return report.template === '2019' ? '2019' : '2021';
}

/** Section 2 layout: the report's template (free → none). */
export function proactiveLayoutOf(report: Report): TemplateVersion | null {
	return report.template === '2019' || report.template === '2021' ? report.template : null;
}

/** Format a number for a message (decimals as printed, no exponent). */
export const fmt = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toFixed(6))));

/** Names blank or absent cells for a message: 予以公开（自然人）、… (at most `max`, then "等N个"). */
export function listNames(names: string[], max = 8): string {
	if (names.length <= max) return names.join('、');
	return `${names.slice(0, max).join('、')}等${names.length}个`;
}

export type { ReviewGroup };
