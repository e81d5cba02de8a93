// Comparing a figure with last year's and with the district: the change, and the median across reports.
import type { Cell } from './model';

/** Median of the numbers (nulls and blanks skipped); null when there are none. */
export function median(values: readonly (number | null | undefined)[]): number | null {
	const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
	if (!xs.length) return null;
	const mid = xs.length >> 1;
	return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** Change from last year: the difference and the ratio (null when either is not a number, ratio null on a 0 base). */
export function change(
	previous: Cell | undefined,
	current: Cell | undefined
): { delta: number; ratio: number | null } | null {
	if (typeof previous !== 'number' || typeof current !== 'number') return null;
	return { delta: current - previous, ratio: previous === 0 ? null : (current - previous) / previous };
}
