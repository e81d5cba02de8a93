// Arrow-key movement between the figures of a template table (merged cells included), for the report page's
// roving tabindex: the table is one tab stop, the arrows walk its figures as they are printed.
import { expandGrid, type GridCell, type TableBlock } from './layout';

export type TableKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

const KEYS = new Set<string>(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);
export const isTableKey = (key: string): key is TableKey => KEYS.has(key);

/** The figure paths of a table in reading order (row by row, left to right). */
export function figurePaths(table: TableBlock): string[] {
	return table.rows.flatMap((row) => row.flatMap((c) => (c.path ? [c.path] : [])));
}

/**
 * The figure the key moves to from `path`: the next figure in that direction along the current figure's top row
 * or left column (headers and the figure's own span skipped); Home/End: the row's first/last figure, or with
 * `ctrl` the table's. Null when there is none that way.
 */
export function moveInTable(table: TableBlock, path: string, key: TableKey, ctrl = false): string | null {
	const grid = expandGrid(table);
	let r0 = -1;
	let c0 = -1;
	find: for (let r = 0; r < grid.length; r++)
		for (let c = 0; c < grid[r].length; c++)
			if (grid[r][c].origin && grid[r][c].cell.path === path) {
				r0 = r;
				c0 = c;
				break find;
			}
	if (r0 < 0) return null;
	const self = grid[r0][c0].cell;
	const figure = (cell: GridCell) => (cell !== self && cell.path ? cell.path : null);
	const scan = (positions: [number, number][]) => {
		for (const [r, c] of positions) {
			const hit = figure(grid[r][c].cell);
			if (hit) return hit;
		}
		return null;
	};
	/** from, from+step, … up to and including `to` (nothing when `from` is already past it). */
	const range = (from: number, to: number, step: 1 | -1) => {
		const out: number[] = [];
		for (let i = from; step > 0 ? i <= to : i >= to; i += step) out.push(i);
		return out;
	};
	const cols = grid[r0].length;
	if (ctrl && (key === 'Home' || key === 'End')) {
		const all = figurePaths(table);
		return (key === 'Home' ? all[0] : all[all.length - 1]) ?? null;
	}
	switch (key) {
		case 'ArrowRight':
			return scan(range(c0 + 1, cols - 1, 1).map((c) => [r0, c]));
		case 'ArrowLeft':
			return scan(range(c0 - 1, 0, -1).map((c) => [r0, c]));
		case 'ArrowDown':
			return scan(range(r0 + 1, grid.length - 1, 1).map((r) => [r, c0]));
		case 'ArrowUp':
			return scan(range(r0 - 1, 0, -1).map((r) => [r, c0]));
		case 'Home':
			return scan(range(0, c0 - 1, 1).map((c) => [r0, c]));
		case 'End':
			return scan(range(cols - 1, c0 + 1, -1).map((c) => [r0, c]));
	}
}
