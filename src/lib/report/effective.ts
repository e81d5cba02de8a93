// The effective model of a report: the parsed model of its current revision with the active corrections applied.
// The parsed model itself is never changed (it stays in the revision); corrections apply to a copy.
import type { Cell, Report as Model } from './model';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS } from './template';

export interface ActiveCorrection {
	cellPath: string;
	newValue: Cell;
}

/**
 * Sets one cell of a model by its path (the provenance paths: `applications.rows.granted.total`,
 * `review.reconsideration.pending`, `proactive.rules.issued`, `fees.info_processing_fee_yuan`). A row the report
 * did not print is created blank around the corrected cell. Returns false for a path that names no cell.
 */
export function setCell(model: Model, path: string, value: Cell): boolean {
	if (path === 'fees.info_processing_fee_yuan') {
		model.fees = { ...model.fees, info_processing_fee_yuan: value };
		return true;
	}
	const parts = path.split('.');
	const last = parts[parts.length - 1];
	if (parts[0] === 'applications' && parts[1] === 'rows' && parts.length >= 4) {
		const key = parts.slice(2, -1).join('.');
		const col = columnIndex(last, APPLICANT_COLUMNS);
		if (col < 0) return false;
		const rows = (model.applications.rows ??= {}) as Record<string, Cell[]>;
		rows[key] ??= Array(7).fill(null);
		rows[key][col] = value;
		return true;
	}
	if (parts[0] === 'review' && parts.length === 3) {
		const col = columnIndex(last, REVIEW_COLUMNS);
		if (col < 0) return false;
		const groups = (model.review ??= {}) as Record<string, Cell[]>;
		groups[parts[1]] ??= Array(5).fill(null);
		groups[parts[1]][col] = value;
		return true;
	}
	if (parts[0] === 'proactive' && parts.length === 3) {
		const items = (model.proactive ??= {});
		items[parts[1]] = { ...(items[parts[1]] ?? {}), [last]: value };
		return true;
	}
	return false;
}

function columnIndex(name: string, columns: readonly string[]): number {
	if (/^\d+$/.test(name)) return Number(name) < columns.length ? Number(name) : -1;
	return columns.indexOf(name);
}

/** A copy of the model with the corrections applied in order (later ones win); the model itself when there are none. */
export function applyCorrections(model: Model, corrections: ActiveCorrection[]): Model {
	if (!corrections.length) return model;
	const copy = structuredClone(model);
	for (const c of corrections) setCell(copy, c.cellPath, c.newValue);
	return copy;
}
