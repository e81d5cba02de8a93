// What changed between two revisions of a report (two parsed models of the same organ and year): the figures, the
// heading facts, which sections' text changed, which findings came or went. For the revision history.
import type { Cell, Finding, Report } from './model';
import { figureCellPaths, getCell } from './corrections';

export interface CellChange {
	path: string;
	/** undefined: the row was absent in that revision. */
	before: Cell | undefined;
	after: Cell | undefined;
}

export interface FieldChange {
	field: 'organ' | 'year' | 'template' | 'title' | 'published_on' | 'other_layout';
	before: string | number | null;
	after: string | number | null;
}

export interface ModelDiff {
	fields: FieldChange[];
	cells: CellChange[];
	/** Section ids ('1'…'6') added or dropped, or whose prose (parts 1, 5, 6) differs. */
	sections: string[];
	findingsAdded: Finding[];
	findingsRemoved: Finding[];
	/** True when nothing above differs. */
	same: boolean;
}

type Diffable = Pick<
	Report,
	| 'organ'
	| 'year'
	| 'template'
	| 'title'
	| 'published_on'
	| 'sections'
	| 'applications'
	| 'review'
	| 'proactive'
	| 'fees'
	| 'findings'
> & { other_layout?: Report['other_layout'] };

const FIELDS: FieldChange['field'][] = ['organ', 'year', 'template', 'title', 'published_on', 'other_layout'];

// A finding is the same when it is the same rule on the same cells (its message carries numbers that may change).
const findingKey = (f: Finding) => `${f.rule}\u0000${f.cells?.length ? [...f.cells].sort().join(',') : f.message}`;

/** Compares two models cell by cell (every cell either holds). Treats a missing value and null as different. */
export function diffModels(before: Diffable, after: Diffable): ModelDiff {
	const fields: FieldChange[] = [];
	for (const field of FIELDS) {
		const a = (before[field] ?? null) as string | number | null;
		const b = (after[field] ?? null) as string | number | null;
		if (a !== b) fields.push({ field, before: a, after: b });
	}
	const paths = [...new Set([...figureCellPaths(before), ...figureCellPaths(after)])];
	const cells: CellChange[] = [];
	for (const path of paths) {
		const a = getCell(before, path);
		const b = getCell(after, path);
		if (a !== b) cells.push({ path, before: a, after: b });
	}
	const sections: string[] = [];
	for (const id of ['1', '2', '3', '4', '5', '6'] as const) {
		const a = before.sections?.[id];
		const b = after.sections?.[id];
		// Parts 2-4 are tables whose changes are listed cell by cell: only their coming or going counts here.
		const prose = id === '1' || id === '5' || id === '6';
		if ((a === undefined) !== (b === undefined) || (prose && (a ?? '').trim() !== (b ?? '').trim())) sections.push(id);
	}
	const beforeKeys = new Set((before.findings ?? []).map(findingKey));
	const afterKeys = new Set((after.findings ?? []).map(findingKey));
	const findingsAdded = (after.findings ?? []).filter((f) => !beforeKeys.has(findingKey(f)));
	const findingsRemoved = (before.findings ?? []).filter((f) => !afterKeys.has(findingKey(f)));
	return {
		fields,
		cells,
		sections,
		findingsAdded,
		findingsRemoved,
		same: !fields.length && !cells.length && !sections.length && !findingsAdded.length && !findingsRemoved.length
	};
}
