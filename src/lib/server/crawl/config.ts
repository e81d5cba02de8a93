// How politely the crawler fetches: one place for the User-Agent, the pace, the timeout and the caps.

export interface CrawlConfig {
	/** Sent with every request: names the app, so a portal's webmaster knows who is asking. */
	userAgent: string;
	/** At least this long between two requests to one host (robots.txt's Crawl-delay may ask for more). */
	minIntervalMs: number;
	/** Per request, headers and body. */
	timeoutMs: number;
	maxRedirects: number;
	/** A listing page larger than this is refused unread. */
	maxBytes: number;
	/** Listing pages fetched in one run, over all sources. */
	maxPagesPerRun: number;
}

/** The slowest the pace may be set to from the environment: one request per second per host. */
export const MIN_INTERVAL_FLOOR_MS = 1000;
/** A Crawl-delay above this is taken as this (a column of 10 pages should not take hours). */
export const MAX_CRAWL_DELAY_MS = 30_000;

export function userAgent(): string {
	// Header values are Latin-1: the app's name in ASCII, and the operator's contact (CRAWL_CONTACT) when set.
	const contact = process.env.CRAWL_CONTACT?.replace(/[^\x20-\x7e]/g, '').trim();
	return `DisclosureWatch/0.1 (government disclosure column crawler${contact ? `; ${contact}` : ''})`;
}

/** From the environment (CRAWL_INTERVAL_MS, CRAWL_TIMEOUT_MS, CRAWL_MAX_PAGES), never faster than the floor. */
export function crawlConfig(): CrawlConfig {
	const env = (k: string, d: number) => (Number(process.env[k]) > 0 ? Number(process.env[k]) : d);
	return {
		userAgent: userAgent(),
		minIntervalMs: Math.max(MIN_INTERVAL_FLOOR_MS, env('CRAWL_INTERVAL_MS', MIN_INTERVAL_FLOOR_MS)),
		timeoutMs: env('CRAWL_TIMEOUT_MS', 15_000),
		maxRedirects: 5,
		maxBytes: 5 * 1024 * 1024,
		maxPagesPerRun: env('CRAWL_MAX_PAGES', 500)
	};
}
