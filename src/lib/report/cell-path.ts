// The path of a figure cell in a report model, the one place such a path is built or read:
//   applications.rows.<row key>.<applicant column>   (section 3; a row key may hold a dot: refused.state_secret)
//   review.<group>.<review column>                    (section 4)
//   proactive.<item>.<field>                          (section 2)
//   fees.info_processing_fee_yuan                     (section 6)
// Row-level paths (`applications.rows.<key>`, `review.<group>`, `proactive.<item>`) name a whole row in
// findings and warnings. A column may be written as its index ("6"); the canonical form uses its name.
import {
	APPLICANT_COLUMNS,
	APPLICANT_COLUMN_LABELS,
	APPLICATION_ROW_BY_KEY,
	FEE_CELL_LABEL,
	REVIEW_COLUMNS,
	REVIEW_COLUMN_LABELS,
	REVIEW_GROUP_LABELS,
	REVIEW_GROUPS,
	TABLE_NAMES,
	TEMPLATE_VERSIONS,
	proactiveItems,
	type ApplicantColumn,
	type ApplicationRowKey,
	type ReviewColumn,
	type ReviewGroup
} from './template';

export type CellPath =
	| { section: 'applications'; row: string; col: number }
	| { section: 'review'; group: string; col: number }
	| { section: 'proactive'; item: string; field: string }
	| { section: 'fees' };

export const FEE_PATH = 'fees.info_processing_fee_yuan';

const APPLICATIONS_ROWS = 'applications.rows';

/** A column by name or by index ("6"); -1 when the table has no such column. */
export function columnIndex(name: string, columns: readonly string[]): number {
	if (/^\d+$/.test(name)) return Number(name) < columns.length ? Number(name) : -1;
	return columns.indexOf(name);
}

// The same few hundred paths recur in every report: each is built once, so provenance keys are not fresh
// strings to hash per report. Keys come from the template; each level is bounded anyway.
const interned = new Map<string, Map<string, Map<string, string>>>();

function join3(a: string, b: string, c: string): string {
	let mb = interned.get(a);
	if (!mb) interned.set(a, (mb = new Map()));
	let mc = mb.get(b);
	if (!mc) mb.set(b, (mc = new Map()));
	let p = mc.get(c);
	if (p === undefined) {
		p = `${a}.${b}.${c}`;
		if (mc.size < 100) mc.set(c, p);
	}
	return p;
}

const columnName = (columns: readonly string[], col: number | string) => (typeof col === 'number' ? columns[col] : col);

/** `applications.rows.<row>.<column>`; the column by index or name. */
export const applicationPath = (row: string, col: number | ApplicantColumn) =>
	typeof col === 'number' && col >= 0 && col < APPLICANT_COLUMNS.length
		? applicationPathAt(row, col)
		: join3(APPLICATIONS_ROWS, row, columnName(APPLICANT_COLUMNS, col));

// The checks ask for section 3 paths by row and column index hundreds of times a report: one lookup by row.
const byRow = new Map<string, string[]>();

function applicationPathAt(row: string, col: number): string {
	let paths = byRow.get(row);
	if (!paths) {
		if (byRow.size >= 100) byRow.clear();
		byRow.set(row, (paths = []));
	}
	return (paths[col] ??= join3(APPLICATIONS_ROWS, row, APPLICANT_COLUMNS[col]));
}
/** `review.<group>.<column>`; the column by index or name. */
export const reviewPath = (group: string, col: number | ReviewColumn) =>
	join3('review', group, columnName(REVIEW_COLUMNS, col));
/** `proactive.<item>.<field>`. */
export const proactivePath = (item: string, field: string) => join3('proactive', item, field);

/** A whole section 3 row: `applications.rows.<row>`. */
export const applicationRowPath = (row: string) => `${APPLICATIONS_ROWS}.${row}`;
/** A whole section 4 group: `review.<group>`. */
export const reviewGroupPath = (group: string) => `review.${group}`;
/** A whole section 2 item: `proactive.<item>`. */
export const proactiveItemPath = (item: string) => `proactive.${item}`;

/** A section's text: `sections.<id>`. */
export const sectionPath = (id: string) => `sections.${id}`;
/** The id of the section a `sections.<id>` path names, or null for any other path. */
export const parseSectionPath = (path: string): string | null => /^sections\.(\d)$/.exec(path)?.[1] ?? null;
/** Is `path` the row, item or section `where` names, or a cell within it (`review.reconsideration` holds its cells)? */
export const isWithin = (path: string, where: string) => path === where || path.startsWith(where + '.');
/** A cell or section of last year's report, as the cross-year rules name it: `previous.<path>`. */
export const previousPath = (path: string) => `previous.${path}`;

/** The canonical path of a cell. */
export function buildCellPath(ref: CellPath): string {
	switch (ref.section) {
		case 'fees':
			return FEE_PATH;
		case 'applications':
			return applicationPath(ref.row, ref.col);
		case 'review':
			return reviewPath(ref.group, ref.col);
		case 'proactive':
			return proactivePath(ref.item, ref.field);
	}
}

/**
 * The parts of a cell path by its shape alone (the row, group or item need not be the template's), or null when
 * it has no cell's shape or names a column the table lacks.
 */
export function readCellPath(path: string): CellPath | null {
	if (path === FEE_PATH) return { section: 'fees' };
	const parts = path.split('.');
	const last = parts[parts.length - 1];
	if (parts[0] === 'applications' && parts[1] === 'rows' && parts.length >= 4) {
		const col = columnIndex(last, APPLICANT_COLUMNS);
		return col < 0 ? null : { section: 'applications', row: parts.slice(2, -1).join('.'), col };
	}
	if (parts[0] === 'review' && parts.length === 3) {
		const col = columnIndex(last, REVIEW_COLUMNS);
		return col < 0 ? null : { section: 'review', group: parts[1], col };
	}
	if (parts[0] === 'proactive' && parts.length === 3) return { section: 'proactive', item: parts[1], field: last };
	return null;
}

/** The parts of a cell path, or null when the path names no figure cell of either template. */
export function parseCellPath(path: string): CellPath | null {
	const ref = readCellPath(path);
	if (!ref) return null;
	switch (ref.section) {
		case 'fees':
			return ref;
		case 'applications':
			return ref.row in APPLICATION_ROW_BY_KEY ? ref : null;
		case 'review':
			return (REVIEW_GROUPS as readonly string[]).includes(ref.group) ? ref : null;
		case 'proactive':
			return TEMPLATE_VERSIONS.some((v) =>
				proactiveItems(v).some((d) => d.key === ref.item && (d.fields as readonly string[]).includes(ref.field))
			)
				? ref
				: null;
	}
}

/** The canonical spelling of a cell path (column names, not indexes), or null when it names no figure cell. */
export function canonicalPath(path: string): string | null {
	const ref = parseCellPath(path);
	return ref ? buildCellPath(ref) : null;
}

/** The Chinese name of a cell for logs and lists: 表三 予以公开 · 自然人; 表四 行政复议 · 结果纠正; 表二 规章 · 本年制发件数. */
export function cellLabel(path: string): string {
	const ref = parseCellPath(path);
	if (!ref) return path;
	switch (ref.section) {
		case 'fees':
			return FEE_CELL_LABEL;
		case 'applications': {
			const def = APPLICATION_ROW_BY_KEY[ref.row as ApplicationRowKey];
			const group = def.group ? `${def.group.number}${def.group.label} ` : '';
			return `${TABLE_NAMES['3']} ${group}${def.number}${shortLabel(def.label)} · ${APPLICANT_COLUMN_LABELS[APPLICANT_COLUMNS[ref.col] as ApplicantColumn]}`;
		}
		case 'review':
			return `${TABLE_NAMES['4']} ${REVIEW_GROUP_LABELS[ref.group as ReviewGroup]} · ${REVIEW_COLUMN_LABELS[REVIEW_COLUMNS[ref.col] as ReviewColumn]}`;
		case 'proactive': {
			for (const layout of ['2021', '2019'] as const) {
				const def = proactiveItems(layout).find(
					(d) => d.key === ref.item && (d.fields as readonly string[]).includes(ref.field)
				);
				if (def) return `${TABLE_NAMES['2']} ${def.label} · ${def.fieldLabels[def.fields.indexOf(ref.field)]}`;
			}
			return path;
		}
	}
}

/** A row label without its parenthesised note: 部分公开（区分处理的…） → 部分公开. */
function shortLabel(label: string): string {
	return label.replace(/（[^）]*）$/, '');
}
