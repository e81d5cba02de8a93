// The publication rhythm of an organ from its publication log: how many items per month of each year, and the
// longest silence between two publications.

export interface MonthlyRhythm {
	year: number;
	months: number[];
	total: number;
}

export interface PublicationRhythm {
	years: MonthlyRhythm[];
	total: number;
	first: string | null;
	last: string | null;
	/** Longest run of days with no publication between two publications, and where it started. */
	longestGapDays: number | null;
	longestGapFrom: string | null;
}

const DAY = 86_400_000;

/** Publications per month of each year (every year from the first to the last, empty ones too), and the longest
 * silence between two of them. Dates not of the form YYYY-MM-DD are left out. */
export function publicationRhythm(dates: string[]): PublicationRhythm {
	const ok = dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
	const byYear = new Map<number, number[]>();
	for (const d of ok) {
		const y = Number(d.slice(0, 4));
		const months = byYear.get(y) ?? new Array(12).fill(0);
		months[Number(d.slice(5, 7)) - 1]++;
		byYear.set(y, months);
	}
	let longestGapDays: number | null = null;
	let longestGapFrom: string | null = null;
	for (let i = 1; i < ok.length; i++) {
		const gap = Math.round((Date.parse(ok[i]) - Date.parse(ok[i - 1])) / DAY);
		if (longestGapDays === null || gap > longestGapDays) {
			longestGapDays = gap;
			longestGapFrom = ok[i - 1];
		}
	}
	const years = [...byYear.keys()].sort((a, b) => a - b);
	const all: MonthlyRhythm[] = [];
	if (years.length)
		for (let y = years[0]; y <= years[years.length - 1]; y++) {
			const months = byYear.get(y) ?? new Array(12).fill(0);
			all.push({ year: y, months, total: months.reduce((a, b) => a + b, 0) });
		}
	return {
		years: all,
		total: ok.length,
		first: ok[0] ?? null,
		last: ok[ok.length - 1] ?? null,
		longestGapDays,
		longestGapFrom
	};
}
