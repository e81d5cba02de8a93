// The annual reports an organ owes: every year from its first report on file to the district's latest year.

/** Years in [first of `years`, last] not in `years`; none when the organ has no report or the district none. */
export function missingYears(years: number[], last: number | null): number[] {
	if (!years.length || last === null) return [];
	const have = new Set(years);
	const out: number[] = [];
	for (let y = Math.min(...years); y <= last; y++) if (!have.has(y)) out.push(y);
	return out;
}
