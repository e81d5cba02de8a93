// Quarters as the assessment names them: `2025Q1`, 2025年第一季度, 1 January – 31 March 2025.

export interface Quarter {
	year: number;
	q: 1 | 2 | 3 | 4;
}

const NUMERALS = ['一', '二', '三', '四'] as const;

/** `2025Q1` (case-insensitive) → a quarter; null for anything else, including years outside 2000–2099. */
export function parseQuarter(text: string | null | undefined): Quarter | null {
	const m = /^(\d{4})[qQ]([1-4])$/.exec((text ?? '').trim());
	if (!m) return null;
	const year = Number(m[1]);
	if (year < 2000 || year > 2099) return null;
	return { year, q: Number(m[2]) as Quarter['q'] };
}

export function quarterKey(q: Quarter): string {
	return `${q.year}Q${q.q}`;
}

/** 2025年第一季度 */
export function quarterLabel(q: Quarter): string {
	return `${q.year}年第${NUMERALS[q.q - 1]}季度`;
}

const BOUNDS = [
	['01-01', '03-31'],
	['04-01', '06-30'],
	['07-01', '09-30'],
	['10-01', '12-31']
] as const;

/** First and last day of the quarter, ISO dates (quarters end on fixed days: no leap-year case). */
export function quarterRange(q: Quarter): { from: string; to: string } {
	const [from, to] = BOUNDS[q.q - 1];
	return { from: `${q.year}-${from}`, to: `${q.year}-${to}` };
}

export function previousQuarter(q: Quarter): Quarter {
	return q.q === 1 ? { year: q.year - 1, q: 4 } : { year: q.year, q: (q.q - 1) as Quarter['q'] };
}

/** The quarter holding an ISO date. */
export function quarterOf(date: string): Quarter {
	const year = Number(date.slice(0, 4));
	const month = Number(date.slice(5, 7));
	return { year, q: (Math.floor((month - 1) / 3) + 1) as Quarter['q'] };
}

export function compareQuarters(a: Quarter, b: Quarter): number {
	return a.year - b.year || a.q - b.q;
}

/** Whole days from ISO date a to ISO date b (b − a). */
export function daysBetween(a: string, b: string): number {
	return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86_400_000);
}
