// Lines of a table region → value rows: the label printed for a row and the figures after it, each figure with
// the line it was printed on. Works on cell lines (pipes, tabs, HTML, PDF gaps) and on plain text alike, and
// gathers one-value-per-line tables and PDF labels printed above or below their numbers.
import type { Doc } from '../extract/doc';
import { readValue } from './values';

export interface Fig {
	value: number | null;
	/** 0-based line index in the document. */
	line: number;
	raw: string;
	note?: string;
	/** PDF: x of the cell. */
	x?: number;
}

export interface ValueRow {
	/** 0-based index of the (first) line holding figures. */
	line: number;
	/** Label fragments printed with the row: group cells first, the row's own label last. */
	label: string[];
	/** Label-only lines above the row since the previous row (group headings of a flattened block): weak. */
	context: string[];
	/** PDF: label fragments wrapped above or below the row's figures, top to bottom. */
	near: string[];
	figs: Fig[];
	page?: number;
	/** Figures came from a full-grid line: surplus blanks sit before the figures, not after. */
	grid?: boolean;
	/** Plain text, each figure on a line of its own with nothing else (a one-value-per-line table). */
	oneALine?: boolean;
	/** Blank cells skipped before the figures of a row without a label (taken for merged label cells). */
	lead?: number;
	/** A table row printed with its label and every cell blank (only with `CollectOptions.blankRows`). */
	blank?: boolean;
}

interface Parsed {
	label: string[];
	figs: Fig[];
	hasNumber: boolean;
	lead?: number;
}

function parseLine(doc: Doc, i: number, norm: string, keepLeadingBlanks = false): Parsed {
	const l = doc.lines[i];
	const label: string[] = [];
	const figs: Fig[] = [];
	let hasNumber = false;
	if (l.cells) {
		let k = 0;
		while (k < l.cells.length && l.cells[k].trim() === '') k++;
		// Label cells: leading cells that are text.
		while (k < l.cells.length && readValue(l.cells[k]).kind === 'text') label.push(l.cells[k++]);
		// Leading blank cells are merged label cells left empty, not data — unless the line is exactly the table's
		// width of figures with no label (section 4's one row of fifteen): then they are blank figures.
		if (label.length === 0 && keepLeadingBlanks) k = 0;
		const lead = label.length === 0 ? k : 0;
		for (; k < l.cells.length; k++) {
			const v = readValue(l.cells[k]);
			if (v.kind === 'text') {
				// Text after figures: a label fragment of a PDF row printed to the right, or a note column.
				if (figs.length === 0) label.push(l.cells[k]);
				else break;
				continue;
			}
			if (v.kind === 'number') hasNumber = true;
			figs.push({
				value: v.kind === 'number' ? v.value : null,
				line: i,
				raw: v.raw,
				note: v.kind === 'number' ? v.note : undefined,
				x: l.xs?.[k]
			});
		}
		return { label, figs, hasNumber, lead };
	}
	const tokens = norm.trim().split(/\s+/).filter(Boolean);
	let last = -1;
	const kinds = tokens.map((t) => readValue(t));
	for (let k = 0; k < tokens.length; k++) if (kinds[k].kind === 'text') last = k;
	if (last >= 0) label.push(tokens.slice(0, last + 1).join(' '));
	for (let k = last + 1; k < tokens.length; k++) {
		const v = kinds[k];
		if (v.kind === 'number') hasNumber = true;
		figs.push({
			value: v.kind === 'number' ? v.value : null,
			line: i,
			raw: v.raw,
			note: v.kind === 'number' ? v.note : undefined
		});
	}
	return { label, figs, hasNumber };
}

/**
 * Value rows of lines [from, to). `want` is the number of figures a row of this table has (7 in section 3):
 * figure-only lines continue an open row until it has them (one-value-per-line tables).
 */
export interface CollectOptions {
	/**
	 * Labels detached from their figures (PDF-to-Markdown): a label-only line is not the next row's label, and a
	 * lone number on a line of its own before a table row is a page footer (its line goes to `footers`).
	 */
	detached?: { footers: number[] };
	/**
	 * Also return a cell line with a label and at least `want` cells all blank as a row of blanks (`blank`), the
	 * line still counting as label text for the rows after it: the caller keeps it only where its label names a row.
	 */
	blankRows?: boolean;
	/** A label-less cell line of exactly `want` cells keeps its leading blank cells as blank figures. */
	keepLeadingBlanks?: boolean;
}

export function collectRows(
	doc: Doc,
	norm: string[],
	from: number,
	to: number,
	want: number,
	opts: CollectOptions = {}
): ValueRow[] {
	const rows: ValueRow[] = [];
	const detached = opts.detached;
	const labelOnly: { line: number; text: string }[] = [];
	const isPdf = doc.lines.some((l) => l.y !== undefined);
	let pending: string[] = [];
	let open: ValueRow | null = null;
	for (let i = from; i < to; i++) {
		const cells = doc.lines[i].cells;
		const p = parseLine(doc, i, norm[i], !!opts.keepLeadingBlanks && cells !== null && cells.length === want);
		if (!p.hasNumber) {
			const text = doc.lines[i].cells ? doc.lines[i].cells!.filter((c) => c.trim()).join(' ') : norm[i].trim();
			if (text && !/^[|\-:\s=]+$/.test(text)) {
				if (opts.blankRows && !isPdf && p.label.length > 0 && p.figs.length >= want)
					rows.push({ line: i, label: p.label, context: [], near: [], figs: p.figs, blank: true });
				labelOnly.push({ line: i, text });
				pending.push(text);
				open = null;
			}
			continue;
		}
		// One value a line: a figure-only line continues the open row until the next label, even past `want`
		// figures (a number broken over two lines makes one more; section3.ts reads the row by its sums).
		const single = !doc.lines[i].cells && p.figs.length === 1;
		if (detached && single && p.label.length === 0 && nextIsCellLine(doc, i, to)) {
			detached.footers.push(i);
			continue;
		}
		if (p.label.length === 0 && open && (open.figs.length < want || (single && open.oneALine)) && !isPdf) {
			open.figs.push(...p.figs);
			if (!single) open.oneALine = false;
			continue;
		}
		const row: ValueRow = {
			line: i,
			label: p.label,
			context: [],
			near: [],
			figs: p.figs,
			page: doc.lines[i].page,
			grid: doc.lines[i].grid
		};
		if (p.lead) row.lead = p.lead;
		if (single && p.label.length === 0 && !isPdf) row.oneALine = true;
		if (!isPdf && !detached) {
			if (row.label.length === 0) row.label = pending;
			else row.context = pending;
		}
		pending = [];
		rows.push(row);
		open = row;
	}
	if (isPdf) attachByHeight(doc, rows, labelOnly);
	return rows;
}

/** The next non-blank line after line i (within the range) is a table row with cells. */
function nextIsCellLine(doc: Doc, i: number, to: number): boolean {
	for (let k = i + 1; k < to; k++) {
		const l = doc.lines[k];
		if (l.text.trim() === '') continue;
		return l.cells !== null && l.cells.length >= 3;
	}
	return false;
}

/** PDF: a label-only line belongs to the nearest row of figures on the same page (labels wrap above/below). */
function attachByHeight(doc: Doc, rows: ValueRow[], labels: { line: number; text: string }[]): void {
	const adds = new Map<ValueRow, { y: number; text: string }[]>();
	for (const lab of labels) {
		const ll = doc.lines[lab.line];
		let best: ValueRow | null = null;
		let bestDy = 20;
		for (const r of rows) {
			const rl = doc.lines[r.line];
			if (rl.page !== ll.page || rl.y === undefined || ll.y === undefined) continue;
			const dy = Math.abs(rl.y - ll.y);
			if (dy < bestDy) {
				bestDy = dy;
				best = r;
			}
		}
		if (best) {
			if (!adds.has(best)) adds.set(best, []);
			adds.get(best)!.push({ y: ll.y!, text: lab.text });
		}
	}
	for (const [row, list] of adds) {
		const y = doc.lines[row.line].y!;
		const above = list
			.filter((a) => a.y > y)
			.sort((a, b) => b.y - a.y)
			.map((a) => a.text);
		const below = list
			.filter((a) => a.y <= y)
			.sort((a, b) => b.y - a.y)
			.map((a) => a.text);
		// The row's own label may wrap around its numbers: read it top to bottom.
		if (row.label.length === 0) row.label = [[...above, ...below].join('')];
		row.near = [...above, ...row.label, ...below];
	}
}
