// Dates as listing pages write them: 2024-03-05, 2024/3/5, 2024年3月5日, 2024.03.05, and the short [03-05] whose
// year comes from elsewhere (the item's URL, a year heading). Pure; returns null rather than guessing.

/** A full date found in the text, as YYYY-MM-DD. */
export function fullDate(text: string): string | null {
	const m = fold(text).match(
		/(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)/
	);
	if (!m) return null;
	return ymd(Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5]));
}

/** A month and day without a year (03-05, [3/5], 3月5日, 03.05), or null. */
export function shortDate(text: string): { month: number; day: number } | null {
	const t = fold(text);
	const m =
		t.match(/^\s*[[(（【]?\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[\])）】]?\s*$/) ??
		t.match(/[[(（【]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[\])）】]/) ??
		t.match(/(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日/) ??
		// “发布时间：03-05”: two-digit month and day standing apart from other digits.
		t.match(/(?<![\d./-])(\d{2})-(\d{2})(?![\d./-])/);
	if (!m) return null;
	const month = Number(m[1]);
	const day = Number(m[2]);
	if (month < 1 || month > 12 || day < 1 || day > 31) return null;
	return { month, day };
}

/** YYYY-MM-DD when the day exists (no 2024-02-30), else null. */
export function ymd(y: number, m: number, d: number): string | null {
	if (!(y >= 1990 && y <= 2100)) return null;
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
	return date.toISOString().slice(0, 10);
}

/**
 * The year a short date belongs to, from the item's URL: TRS writes documents as `./202403/t20240305_123.html`,
 * others `/2024/03/05/…` or `/2024-03/…`. Only a URL whose month agrees with the item's month counts.
 */
export function yearFromUrl(url: string, month: number): number | null {
	const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '');
	const patterns = [/(?:^|\D)((?:19|20)\d{2})(\d{2})(\d{2})?(?:\D|$)/g, /\/((?:19|20)\d{2})[-/_](\d{1,2})(?:\D|$)/g];
	for (const re of patterns) for (const m of path.matchAll(re)) if (Number(m[2]) === month) return Number(m[1]);
	return null;
}

/** A heading such as “2024年” or “2024年度” standing alone: the year of the short dates below it. */
export function headingYear(text: string): number | null {
	const m = fold(text).match(/^\s*((?:19|20)\d{2})\s*年?度?\s*$/);
	return m ? Number(m[1]) : null;
}

/** Full-width digits and punctuation to ASCII, so one set of patterns reads both. */
function fold(s: string): string {
	return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
