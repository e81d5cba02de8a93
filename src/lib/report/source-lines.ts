// Figures and the source lines they were read from, both ways: the report page and the draft page mark a figure's
// line in the source text, and a click on a line selects its figures in turn.
import { parseCellPath } from './cell-path';
import type { Provenance } from './model';
import { groupPairs } from '../util/group';

type ProvenanceMap = Partial<Record<string, Provenance>> | undefined;

/** Each source line holding figure cells, and those cells in provenance order. */
export function figuresByLine(provenance: ProvenanceMap): Map<number, string[]> {
	return groupPairs(
		Object.entries(provenance ?? {}).flatMap(([path, p]) =>
			parseCellPath(path) !== null && p?.line ? [[p.line, path] as const] : []
		)
	);
}

/** The figure a click on `line` selects: the one after `selected` on that line, wrapping; null for no figures. */
export function nextFigureOnLine(byLine: Map<number, string[]>, line: number, selected: string | null): string | null {
	const paths = byLine.get(line) ?? [];
	if (!paths.length) return null;
	return paths[(paths.indexOf(selected ?? '') + 1) % paths.length];
}

/** The source lines the given cells were read from. */
export function linesOfCells(cells: Iterable<string>, provenance: ProvenanceMap): Set<number> {
	const out = new Set<number>();
	for (const c of cells) {
		const line = provenance?.[c]?.line;
		if (typeof line === 'number') out.add(line);
	}
	return out;
}
