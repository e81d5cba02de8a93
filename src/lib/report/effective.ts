// The effective model of a report: the parsed model of its current revision with the active corrections applied.
// The parsed model itself is never changed (it stays in the revision); corrections apply to a copy.
import type { Cell, Report as Model } from './model';
import { readCellPath } from './cell-path';

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
	const ref = readCellPath(path);
	if (!ref) return false;
	switch (ref.section) {
		case 'fees':
			model.fees = { ...model.fees, info_processing_fee_yuan: value };
			return true;
		case 'applications': {
			const rows = (model.applications.rows ??= {}) as Record<string, Cell[]>;
			rows[ref.row] ??= Array(7).fill(null);
			rows[ref.row][ref.col] = value;
			return true;
		}
		case 'review': {
			const groups = (model.review ??= {}) as Record<string, Cell[]>;
			groups[ref.group] ??= Array(5).fill(null);
			groups[ref.group][ref.col] = value;
			return true;
		}
		case 'proactive': {
			const items = (model.proactive ??= {});
			items[ref.item] = { ...(items[ref.item] ?? {}), [ref.field]: value };
			return true;
		}
	}
}

/** A copy of the model with the corrections applied in order (later ones win); the model itself when there are none. */
export function applyCorrections(model: Model, corrections: ActiveCorrection[]): Model {
	if (!corrections.length) return model;
	const copy = structuredClone(model);
	for (const c of corrections) setCell(copy, c.cellPath, c.newValue);
	return copy;
}
