// What the listing reader returns.

export interface ListingItem {
	title: string;
	/** YYYY-MM-DD */
	date: string;
	url: string;
}

export interface Listing {
	organ: string | null;
	channel: string | null;
	items: ListingItem[];
	next: string | null;
	/** Which page shape the items came from (list, table, script, hanweb). */
	shape: Shape;
	/** Items seen but left out, with why (e.g. a short date whose year the page does not tell). */
	warnings: string[];
}

export type Shape = 'list' | 'table' | 'script' | 'hanweb';

export type ListingResult = { ok: true; listing: Listing } | { ok: false; reason: string };

/** An item as a shape extractor finds it, before the year of a short date is settled. */
export interface RawItem {
	title: string;
	url: string;
	/** A full date, or null when only a month and day were written. */
	date: string | null;
	short: { month: number; day: number } | null;
	/** The year of a heading above the item (“2024年”), for short dates. */
	headingYear: number | null;
}
