// PDF rows with blank cells: the text layer drops a blank cell, so a row prints fewer figures than the table
// has columns. The columns' x positions, taken from the table's own complete rows, place each printed figure
// under its column; the positions left over are the blanks.
import type { Fig, ValueRow } from './rows';

/** Rows of one page with every figure printed, fewer than this: use the whole table's. */
const MIN_FULL_ROWS = 3;
/** A figure further from its column's x than this share of the gap between columns is not placed. */
const TOLERANCE = 0.4;

/** Column x (median of the complete rows' figure x) per page, and for the whole table under key -1. */
export function columnXs(rows: ValueRow[], cells: number): Map<number, number[]> {
	const full = rows.filter((r) => r.figs.length === cells && r.figs.every((f) => f.x !== undefined));
	const out = new Map<number, number[]>();
	const median = (rs: ValueRow[]) =>
		Array.from({ length: cells }, (_, c) => {
			const xs = rs.map((r) => r.figs[c].x!).sort((a, b) => a - b);
			return xs[xs.length >> 1];
		});
	const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]);
	if (full.length >= MIN_FULL_ROWS) {
		const all = median(full);
		if (increasing(all)) out.set(-1, all);
	}
	for (const page of new Set(full.map((r) => r.page ?? 0))) {
		const on = full.filter((r) => (r.page ?? 0) === page);
		if (on.length < MIN_FULL_ROWS) continue;
		const xs = median(on);
		if (increasing(xs)) out.set(page, xs);
	}
	return out;
}

/**
 * The row's figures placed under the columns by x: `cells` positions, a blank Fig where nothing was printed.
 * Null when a figure has no x, is not near a column, or two figures fall under one column.
 */
export function placeByX(row: ValueRow, figs: Fig[], cols: Map<number, number[]>, cells: number): Fig[] | null {
	const xs = cols.get(row.page ?? 0) ?? cols.get(-1);
	if (!xs || figs.length === 0 || figs.length >= cells || figs.some((f) => f.x === undefined)) return null;
	let gap = Infinity;
	for (let c = 1; c < xs.length; c++) gap = Math.min(gap, xs[c] - xs[c - 1]);
	const out: Fig[] = Array.from({ length: cells }, () => ({ value: null, line: figs[0].line, raw: '' }));
	let last = -1;
	for (const f of figs) {
		let best = -1;
		for (let c = 0; c < cells; c++) if (best < 0 || Math.abs(xs[c] - f.x!) < Math.abs(xs[best] - f.x!)) best = c;
		if (Math.abs(xs[best] - f.x!) > TOLERANCE * gap || best <= last) return null;
		out[best] = f;
		last = best;
	}
	return out;
}
