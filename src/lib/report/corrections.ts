// Pure helpers for correcting figures: reading a cell by its path (the provenance paths the parser writes),
// listing a model's figure cells, naming a cell in Chinese, and reading an inspector's typed value.
// Writing a cell (setCell / applyCorrections) lives in effective.ts.
import type { Cell, Report } from './model';
import {
	APPLICANT_COLUMNS,
	APPLICANT_COLUMN_LABELS,
	APPLICATION_ROW_BY_KEY,
	REVIEW_COLUMNS,
	REVIEW_COLUMN_LABELS,
	REVIEW_GROUP_LABELS,
	REVIEW_GROUPS,
	proactiveItems,
	type ApplicantColumn,
	type ApplicationRowKey,
	type ReviewColumn,
	type ReviewGroup
} from './template';

export const FEE_PATH = 'fees.info_processing_fee_yuan';

export type CellRef =
	| { section: 'applications'; row: string; col: number }
	| { section: 'review'; group: string; col: number }
	| { section: 'proactive'; item: string; field: string }
	| { section: 'fees' };

function columnIndex(name: string, columns: readonly string[]): number {
	if (/^\d+$/.test(name)) return Number(name) < columns.length ? Number(name) : -1;
	return columns.indexOf(name);
}

/** The parts of a cell path, or null when the path names no figure cell. */
export function parseCellPath(path: string): CellRef | null {
	if (path === FEE_PATH) return { section: 'fees' };
	const parts = path.split('.');
	const last = parts[parts.length - 1];
	if (parts[0] === 'applications' && parts[1] === 'rows' && parts.length >= 4) {
		const col = columnIndex(last, APPLICANT_COLUMNS);
		const row = parts.slice(2, -1).join('.');
		if (col < 0 || !(row in APPLICATION_ROW_BY_KEY)) return null;
		return { section: 'applications', row, col };
	}
	if (parts[0] === 'review' && parts.length === 3) {
		const col = columnIndex(last, REVIEW_COLUMNS);
		if (col < 0 || !(REVIEW_GROUPS as readonly string[]).includes(parts[1])) return null;
		return { section: 'review', group: parts[1], col };
	}
	if (parts[0] === 'proactive' && parts.length === 3) {
		const known = [...proactiveItems('2021'), ...proactiveItems('2019')].some(
			(d) => d.key === parts[1] && (d.fields as readonly string[]).includes(last)
		);
		return known ? { section: 'proactive', item: parts[1], field: last } : null;
	}
	return null;
}

/** The canonical spelling of a cell path (column names, not indexes), or null when it names no figure cell. */
export function canonicalPath(path: string): string | null {
	const ref = parseCellPath(path);
	if (!ref) return null;
	switch (ref.section) {
		case 'fees':
			return FEE_PATH;
		case 'applications':
			return `applications.rows.${ref.row}.${APPLICANT_COLUMNS[ref.col]}`;
		case 'review':
			return `review.${ref.group}.${REVIEW_COLUMNS[ref.col]}`;
		case 'proactive':
			return `proactive.${ref.item}.${ref.field}`;
	}
}

/**
 * A cell's value: a number, null (printed blank, "—" or "/"), or undefined (the row or item is absent from the
 * report, or the path names no cell).
 */
export function getCell(model: Pick<Report, 'applications' | 'review' | 'proactive' | 'fees'>, path: string): Cell | undefined {
	const ref = parseCellPath(path);
	if (!ref) return undefined;
	switch (ref.section) {
		case 'fees':
			return model.fees ? model.fees.info_processing_fee_yuan : undefined;
		case 'applications': {
			const row = (model.applications?.rows as Record<string, Cell[] | undefined> | undefined)?.[ref.row];
			return Array.isArray(row) ? row[ref.col] : undefined;
		}
		case 'review': {
			const row = (model.review as Record<string, Cell[] | undefined> | undefined)?.[ref.group];
			return Array.isArray(row) ? row[ref.col] : undefined;
		}
		case 'proactive': {
			const item = model.proactive?.[ref.item];
			return item && ref.field in item ? item[ref.field] : undefined;
		}
	}
}

/** Every figure cell the model holds (present rows only), in table order: section 2, 3, 4, then the fee. */
export function figureCellPaths(model: Pick<Report, 'applications' | 'review' | 'proactive' | 'fees'>): string[] {
	const out: string[] = [];
	for (const [item, fields] of Object.entries(model.proactive ?? {}))
		for (const f of Object.keys(fields ?? {})) out.push(`proactive.${item}.${f}`);
	for (const [row, cells] of Object.entries(model.applications?.rows ?? {}))
		if (Array.isArray(cells)) APPLICANT_COLUMNS.forEach((c, i) => i < cells.length && out.push(`applications.rows.${row}.${c}`));
	for (const [group, cells] of Object.entries(model.review ?? {}))
		if (Array.isArray(cells)) REVIEW_COLUMNS.forEach((c, i) => i < cells.length && out.push(`review.${group}.${c}`));
	if (model.fees && model.fees.info_processing_fee_yuan !== undefined) out.push(FEE_PATH);
	return out;
}

/** The Chinese name of a cell for logs and lists: 表三 予以公开 · 自然人; 表四 行政复议 · 结果纠正; 表二 规章 · 本年制发件数. */
export function cellLabel(path: string): string {
	const ref = parseCellPath(path);
	if (!ref) return path;
	switch (ref.section) {
		case 'fees':
			return '第六部分 信息处理费（元）';
		case 'applications': {
			const def = APPLICATION_ROW_BY_KEY[ref.row as ApplicationRowKey];
			const group = def.group ? `${def.group.number}${def.group.label} ` : '';
			return `表三 ${group}${def.number}${shortLabel(def.label)} · ${APPLICANT_COLUMN_LABELS[APPLICANT_COLUMNS[ref.col] as ApplicantColumn]}`;
		}
		case 'review':
			return `表四 ${REVIEW_GROUP_LABELS[ref.group as ReviewGroup]} · ${REVIEW_COLUMN_LABELS[REVIEW_COLUMNS[ref.col] as ReviewColumn]}`;
		case 'proactive': {
			for (const layout of ['2021', '2019'] as const) {
				const def = proactiveItems(layout).find((d) => d.key === ref.item && (d.fields as readonly string[]).includes(ref.field));
				if (def) return `表二 ${def.label} · ${def.fieldLabels[def.fields.indexOf(ref.field)]}`;
			}
			return path;
		}
	}
}

/** A row label without its parenthesised note: 部分公开（区分处理的…） → 部分公开. */
function shortLabel(label: string): string {
	return label.replace(/（[^）]*）$/, '');
}

/** May this cell hold decimals (money) or negative numbers (2019's 本年增/减)? */
export function cellKind(path: string): { decimal: boolean; signed: boolean } {
	const ref = parseCellPath(path);
	if (!ref) return { decimal: false, signed: false };
	if (ref.section === 'fees') return { decimal: true, signed: false };
	if (ref.section !== 'proactive') return { decimal: false, signed: false };
	let decimal = false;
	let signed = false;
	for (const layout of ['2021', '2019'] as const) {
		const def = proactiveItems(layout).find((d) => d.key === ref.item);
		if (!def) continue;
		if ((def.decimalFields as readonly string[] | undefined)?.includes(ref.field)) decimal = true;
		if ((def.signedFields as readonly string[] | undefined)?.includes(ref.field)) signed = true;
	}
	return { decimal, signed };
}

export type ValueReading = { ok: true; value: Cell } | { ok: false; message: string };

const BLANK = /^(?:|—+|-|–|\/|／|无)$/;

/**
 * Reads the value an inspector typed for a cell: blank, "—", "-" or "/" is a blank cell (null); digits may be
 * full-width or carry thousands separators. Counts must be whole and not negative; money may have decimals; only
 * 本年增/减 may be negative. Messages are for the user, in Chinese.
 */
export function readCorrectionValue(path: string, input: string): ValueReading {
	const text = input
		.normalize('NFKC')
		.replace(/[\s,，]/g, '')
		.trim();
	if (BLANK.test(text)) return { ok: true, value: null };
	if (!/^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(text)) return { ok: false, message: `“${input.trim()}”不是数字：请填写数字，空白单元格填“—”` };
	const value = Number(text);
	const kind = cellKind(path);
	if (value < 0 && !kind.signed) return { ok: false, message: '此单元格不能为负数' };
	if (!Number.isInteger(value) && !kind.decimal) return { ok: false, message: '件数应为整数' };
	return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** How a cell's value reads on the page: "—" for blank, "（缺）" for a row the report did not print. */
export function formatValue(v: Cell | undefined): string {
	if (v === undefined) return '（缺）';
	if (v === null) return '—';
	return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4)));
}
