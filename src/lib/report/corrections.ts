// Pure helpers for correcting figures: reading a cell by its path (./cell-path), listing a model's figure cells,
// and reading an inspector's typed value. Writing a cell (setCell / applyCorrections) lives in effective.ts.
import type { Cell, Report } from './model';
import { FEE_PATH, applicationPath, parseCellPath, proactivePath, reviewPath } from './cell-path';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, TEMPLATE_VERSIONS, proactiveItems } from './template';

/**
 * A cell's value: a number, null (printed blank, "—" or "/"), or undefined (the row or item is absent from the
 * report, or the path names no cell).
 */
export function getCell(
	model: Pick<Report, 'applications' | 'review' | 'proactive' | 'fees'>,
	path: string
): Cell | undefined {
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
		for (const f of Object.keys(fields ?? {})) out.push(proactivePath(item, f));
	for (const [row, cells] of Object.entries(model.applications?.rows ?? {}))
		if (Array.isArray(cells))
			APPLICANT_COLUMNS.forEach((c, i) => i < cells.length && out.push(applicationPath(row, c)));
	for (const [group, cells] of Object.entries(model.review ?? {}))
		if (Array.isArray(cells)) REVIEW_COLUMNS.forEach((c, i) => i < cells.length && out.push(reviewPath(group, c)));
	if (model.fees && model.fees.info_processing_fee_yuan !== undefined) out.push(FEE_PATH);
	return out;
}

/** May this cell hold decimals (money) or negative numbers (2019's 本年增/减)? */
export function cellKind(path: string): { decimal: boolean; signed: boolean } {
	const ref = parseCellPath(path);
	if (!ref) return { decimal: false, signed: false };
	if (ref.section === 'fees') return { decimal: true, signed: false };
	if (ref.section !== 'proactive') return { decimal: false, signed: false };
	let decimal = false;
	let signed = false;
	for (const layout of TEMPLATE_VERSIONS) {
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
	if (!/^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(text))
		return { ok: false, message: `“${input.trim()}”不是数字：请填写数字，空白单元格填“—”` };
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
