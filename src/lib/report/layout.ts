// The printed form of a report as format-neutral blocks: a title, headings, paragraphs and tables whose merged
// cells follow the national templates (docs/templates/2021-blank-form.rows.tsv; the 2019 layout for 2019-2020).
// Every renderer (text, HTML, DOCX, PDF) draws these same blocks, so all formats carry the same table shape.
import {
	APPLICANT_COLUMNS,
	APPLICANT_COLUMN_LABELS,
	APPLICATION_ROWS,
	OUTCOME_BLOCK_LABEL,
	REVIEW_COLUMNS,
	REVIEW_COLUMN_LABELS,
	REVIEW_GROUPS,
	REVIEW_GROUP_LABELS,
	SECTION3_HEADER_NOTE,
	SECTIONS,
	proactiveItems,
	type ApplicationRowDef
} from './template';
import type { Cell, Report } from './model';
import { applicationPath, proactivePath, reviewPath } from './cell-path';

export interface GridCell {
	text: string;
	colSpan?: number;
	rowSpan?: number;
	/** A label or header cell (rendered bold / shaded in rich formats). */
	header?: boolean;
	/** The model path of a figure cell, e.g. `applications.rows.new.total`. */
	path?: string;
}

export interface TableBlock {
	kind: 'table';
	section: '2' | '3' | '4';
	/** Width of the grid in columns. */
	columns: number;
	/** Only the cells that start at their position; positions covered by a span are omitted. */
	rows: GridCell[][];
}

export type Block =
	| { kind: 'title'; text: string }
	| { kind: 'heading'; text: string; section: string }
	| { kind: 'paragraph'; text: string }
	| TableBlock
	| { kind: 'signature'; text: string }
	| { kind: 'date'; text: string };

export interface ExpandedCell {
	cell: GridCell;
	/** True at the top-left position of the cell, false at positions it covers by a span. */
	origin: boolean;
}

/** Formats a figure as printed: blank for null (the model's "left blank"). */
export function formatCell(v: Cell | undefined): string {
	if (v === null || v === undefined) return '';
	return String(v);
}

export function formatDate(iso: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) return iso;
	return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

export function reportTitle(report: Pick<Report, 'title' | 'organ' | 'year'>): string {
	return report.title || `${report.organ}${report.year}年政府信息公开工作年度报告`;
}

export function sectionHeading(id: string): string {
	const s = SECTIONS.find((x) => x.id === id)!;
	return `${s.ordinal}、${s.title}`;
}

/** The report as blocks. A section is printed only when its key is present in `report.sections`. */
export function layoutReport(report: Report): Block[] {
	const blocks: Block[] = [{ kind: 'title', text: reportTitle(report) }];
	for (const s of SECTIONS) {
		const text = report.sections[s.id];
		if (text === undefined) continue;
		blocks.push({ kind: 'heading', text: sectionHeading(s.id), section: s.id });
		if (s.id === '2') blocks.push(proactiveTable(report));
		else if (s.id === '3') blocks.push(applicationsTable(report));
		else if (s.id === '4') blocks.push(reviewTable(report));
		else for (const p of paragraphs(text)) blocks.push({ kind: 'paragraph', text: p });
	}
	if (report.published_on) {
		blocks.push({ kind: 'signature', text: report.organ });
		blocks.push({ kind: 'date', text: formatDate(report.published_on) });
	}
	return blocks;
}

export function paragraphs(text: string): string[] {
	return text
		.split(/\n+/)
		.map((p) => p.trim())
		.filter((p) => p.length > 0);
}

const h = (text: string, extra: Partial<GridCell> = {}): GridCell => ({ text, header: true, ...extra });

export function proactiveTable(report: Report): TableBlock {
	const layout = report.template === '2019' ? '2019' : '2021';
	const items = proactiveItems(layout);
	const rows: GridCell[][] = [];
	let article = '';
	for (const item of items) {
		const values = report.proactive[item.key];
		if (item.article !== article) {
			article = item.article;
			rows.push([h(item.article, { colSpan: 4 })]);
			rows.push([h('信息内容'), ...spread(item.fieldLabels.map((l) => h(l)))]);
		}
		if (!values) continue;
		const cells = item.fields.map((f) => ({ text: formatCell(values[f]), path: proactivePath(item.key, f) }));
		rows.push([h(item.label), ...spread(cells)]);
	}
	return { kind: 'table', section: '2', columns: 4, rows };
}

/** Three value columns: one field spans all three, two fields give the last one two columns (as the forms do). */
function spread(cells: GridCell[]): GridCell[] {
	if (cells.length === 1) return [{ ...cells[0], colSpan: 3 }];
	if (cells.length === 2) return [cells[0], { ...cells[1], colSpan: 2 }];
	return cells;
}

export function applicationsTable(report: Report): TableBlock {
	const layout = report.other_layout ?? (report.template === '2019' ? '2019' : '2021');
	const defs = (APPLICATION_ROWS as readonly ApplicationRowDef[]).filter((r) =>
		(r.templates as readonly string[]).includes(layout)
	);
	const present = defs.filter((d) => report.applications.rows[d.key as keyof typeof report.applications.rows]);
	const rows: GridCell[][] = [
		[h(SECTION3_HEADER_NOTE, { colSpan: 3, rowSpan: 3 }), h('申请人情况', { colSpan: 7 })],
		[
			h(APPLICANT_COLUMN_LABELS.natural_person, { rowSpan: 2 }),
			h('法人或其他组织', { colSpan: 5 }),
			h(APPLICANT_COLUMN_LABELS.total, { rowSpan: 2 })
		],
		APPLICANT_COLUMNS.slice(1, 6).map((c) => h(APPLICANT_COLUMN_LABELS[c]))
	];
	const outcomeCount = present.filter((d) => d.kind === 'outcome' || d.kind === 'total').length;
	let outcomeStarted = false;
	let group = '';
	for (const d of present) {
		const values = report.applications.rows[d.key as keyof typeof report.applications.rows]!;
		const figures: GridCell[] = APPLICANT_COLUMNS.map((c, i) => ({
			text: formatCell(values[i]),
			path: applicationPath(d.key, c)
		}));
		const row: GridCell[] = [];
		if (d.kind === 'intake' || d.kind === 'forward') {
			row.push(h(d.number + d.label, { colSpan: 3 }));
		} else {
			if (!outcomeStarted) {
				outcomeStarted = true;
				row.push(h('三、' + OUTCOME_BLOCK_LABEL, { rowSpan: outcomeCount }));
			}
			if (d.group) {
				if (d.group.label !== group) {
					group = d.group.label;
					const size = present.filter((x) => x.group?.label === group).length;
					row.push(h(d.group.number + d.group.label, { rowSpan: size }));
				}
				row.push(h(d.number + d.label));
			} else {
				group = '';
				row.push(h(d.number + d.label, { colSpan: 2 }));
			}
		}
		rows.push([...row, ...figures]);
	}
	return { kind: 'table', section: '3', columns: 10, rows };
}

export function reviewTable(report: Report): TableBlock {
	const cols = REVIEW_COLUMNS.map((c) => REVIEW_COLUMN_LABELS[c]);
	const rows: GridCell[][] = [
		[h(REVIEW_GROUP_LABELS.reconsideration, { colSpan: 5 }), h('行政诉讼', { colSpan: 10 })],
		[
			...cols.map((c) => h(c, { rowSpan: 2 })),
			h(REVIEW_GROUP_LABELS.litigation_direct, { colSpan: 5 }),
			h(REVIEW_GROUP_LABELS.litigation_after_reconsideration, { colSpan: 5 })
		],
		[...cols, ...cols].map((c) => h(c))
	];
	const values: GridCell[] = [];
	for (const g of REVIEW_GROUPS) {
		const arr = report.review[g];
		REVIEW_COLUMNS.forEach((c, i) => values.push({ text: formatCell(arr ? arr[i] : null), path: reviewPath(g, c) }));
	}
	rows.push(values);
	return { kind: 'table', section: '4', columns: 15, rows };
}

/** The table as a full matrix: every position holds the cell covering it, marked origin or not. */
export function expandGrid(table: TableBlock): ExpandedCell[][] {
	const grid: (ExpandedCell | undefined)[][] = table.rows.map(() => new Array(table.columns).fill(undefined));
	table.rows.forEach((row, r) => {
		let c = 0;
		for (const cell of row) {
			while (c < table.columns && grid[r][c]) c++;
			const rs = cell.rowSpan ?? 1;
			const cs = cell.colSpan ?? 1;
			for (let dr = 0; dr < rs && r + dr < grid.length; dr++)
				for (let dc = 0; dc < cs && c + dc < table.columns; dc++)
					grid[r + dr][c + dc] = { cell, origin: dr === 0 && dc === 0 };
			c += cs;
		}
	});
	return grid.map((row) => row.map((x) => x ?? { cell: { text: '' }, origin: true }));
}
