// A crawl job: each enabled source's column followed page by page (up to its depth and date, within the run's page
// cap), its items stored in the publication log, and the run recorded per source. One job at a time per process.
import { getDb } from '../db';
import { storeOrganPublications } from '../publication-log';
import { readListing } from '../../listing';
import { fetchPage, FetchContext } from './fetch-page';
import type { CrawlConfig } from './config';
import * as sources from './sources';

export interface PageError {
	url: string;
	reason: string;
}

export interface SourceOutcome {
	sourceId: number;
	/** broken: the column's first page could not be read (fetch error, robots.txt, not a listing). */
	status: 'ok' | 'broken';
	/** Listing pages fetched (a 304 counts: it was asked). */
	pages: number;
	notModified: number;
	/** Pages read by the listing reader. */
	parsed: number;
	added: number;
	duplicates: number;
	errors: PageError[];
}

export interface RunOutcome {
	runId: number;
	pages: number;
	added: number;
	errors: number;
	sources: SourceOutcome[];
}

export class CrawlBusy extends Error {
	constructor() {
		super('已有抓取任务在运行，请等它结束');
	}
}

let running: Promise<RunOutcome> | null = null;

export function isRunning(): boolean {
	return running !== null;
}

/**
 * Runs the crawl of the given sources (default: every enabled one) now. Throws CrawlBusy when a job is running;
 * resolves when the run is recorded.
 */
export function runCrawl(options: {
	trigger: 'manual' | 'schedule' | 'cli';
	actorId?: string | null;
	sourceIds?: number[];
	config?: CrawlConfig;
}): Promise<RunOutcome> {
	if (running) throw new CrawlBusy();
	const job = doRun(options).finally(() => {
		running = null;
	});
	running = job;
	return job;
}

async function doRun(options: {
	trigger: string;
	actorId?: string | null;
	sourceIds?: number[];
	config?: CrawlConfig;
}): Promise<RunOutcome> {
	const c = getDb().$client;
	const ctx = new FetchContext(options.config);
	const runId = Number(
		c
			.prepare("INSERT INTO crawl_run (trigger, status, started_at, started_by) VALUES (?, 'running', ?, ?)")
			.run(options.trigger, Date.now(), options.actorId ?? null).lastInsertRowid
	);
	const todo = sources.list().filter((s) => (options.sourceIds ? options.sourceIds.includes(s.id) : s.enabled));
	const outcome: RunOutcome = { runId, pages: 0, added: 0, errors: 0, sources: [] };
	try {
		for (const source of todo) {
			const budget = ctx.config.maxPagesPerRun - outcome.pages;
			if (budget <= 0) break;
			let result: SourceOutcome;
			try {
				result = await crawlSource(source, ctx, budget, options.actorId ?? null);
			} catch (e) {
				// A failure of ours (the database) is that source's error; the run goes on with the next one.
				result = {
					sourceId: source.id,
					status: 'broken',
					pages: 0,
					notModified: 0,
					parsed: 0,
					added: 0,
					duplicates: 0,
					errors: [{ url: source.startUrl, reason: `内部错误：${e instanceof Error ? e.message : String(e)}` }]
				};
			}
			outcome.sources.push(result);
			outcome.pages += result.pages;
			outcome.added += result.added;
			outcome.errors += result.errors.length;
			c.transaction(() => {
				c.prepare(
					'INSERT INTO crawl_run_source (run_id, source_id, status, pages, not_modified, added, duplicates, errors_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
				).run(
					runId,
					source.id,
					result.status,
					result.pages,
					result.notModified,
					result.added,
					result.duplicates,
					JSON.stringify(result.errors)
				);
				c.prepare('UPDATE crawl_source SET last_status = ?, last_error = ?, last_run_at = ? WHERE id = ?').run(
					result.status,
					result.errors[0]?.reason ?? null,
					Date.now(),
					source.id
				);
				c.prepare('UPDATE crawl_run SET pages = ?, added = ?, errors = ? WHERE id = ?').run(
					outcome.pages,
					outcome.added,
					outcome.errors,
					runId
				);
			}).immediate();
		}
	} finally {
		c.prepare(
			"UPDATE crawl_run SET status = 'done', finished_at = ?, pages = ?, added = ?, errors = ? WHERE id = ?"
		).run(Date.now(), outcome.pages, outcome.added, outcome.errors, runId);
	}
	return outcome;
}

/** One column: its pages from the start URL, following `next`, until the depth, the date, the budget or the end. */
export async function crawlSource(
	source: sources.SourceRow,
	ctx: FetchContext,
	budget: number,
	actorId: string | null
): Promise<SourceOutcome> {
	const c = getDb().$client;
	const out: SourceOutcome = {
		sourceId: source.id,
		status: 'ok',
		pages: 0,
		notModified: 0,
		parsed: 0,
		added: 0,
		duplicates: 0,
		errors: []
	};
	const getValidators = c.prepare(
		'SELECT etag, last_modified AS lastModified FROM crawl_page WHERE source_id = ? AND url = ?'
	);
	const saveValidators = c.prepare(
		`INSERT INTO crawl_page (source_id, url, etag, last_modified, fetched_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (source_id, url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at`
	);
	const seen = new Set<string>();
	let url: string | null = source.startUrl;
	let readable = 0;
	while (url && out.pages < Math.min(source.maxPages, budget) && !seen.has(url)) {
		seen.add(url);
		const validators = getValidators.get(source.id, url) as
			{ etag: string | null; lastModified: string | null } | undefined;
		const page = await fetchPage(url, ctx, validators);
		if (!(page.kind === 'error' && page.disallowed)) out.pages++;
		if (page.kind === 'error') {
			out.errors.push({ url: page.url, reason: page.reason });
			break;
		}
		if (page.kind === 'not_modified') {
			// Unchanged since the last run: new items would have shown on it, so the pages after it are unchanged too.
			out.notModified++;
			readable++;
			break;
		}
		const res = readListing(page.html, { url: page.url });
		out.parsed++;
		if (!res.ok) {
			out.errors.push({ url: page.url, reason: `不是可识别的栏目列表页：${res.reason}` });
			break;
		}
		readable++;
		const { items, next } = res.listing;
		const kept = source.since ? items.filter((i) => i.date >= source.since!) : items;
		if (kept.length) {
			const stored = storeOrganPublications(
				source.organId,
				kept.map((i) => ({ publishedOn: i.date, title: i.title, channel: source.channel, url: i.url })),
				{ userId: actorId, action: 'publication.crawl', detail: { sourceId: source.id, page: page.url } }
			);
			out.added += stored.added;
			out.duplicates += stored.duplicates;
		}
		// Validators saved only once the page's items are stored: a failed store must fetch the page again.
		saveValidators.run(source.id, url, page.validators.etag, page.validators.lastModified, Date.now());
		if (source.since && kept.length < items.length) break;
		url = next;
	}
	if (readable === 0) out.status = 'broken';
	return out;
}

/** A run left 'running' by a process that stopped (a restart): marked interrupted so the list says so. */
export function markInterruptedRuns(): number {
	return getDb()
		.$client.prepare("UPDATE crawl_run SET status = 'interrupted', finished_at = ? WHERE status = 'running'")
		.run(Date.now()).changes;
}

export interface RunRow {
	id: number;
	trigger: string;
	status: string;
	startedAt: number;
	finishedAt: number | null;
	pages: number;
	added: number;
	errors: number;
	sources: {
		sourceId: number;
		organName: string;
		channel: string;
		status: string;
		pages: number;
		notModified: number;
		added: number;
		duplicates: number;
		errors: PageError[];
	}[];
}

export function recentRuns(limit = 20): RunRow[] {
	const c = getDb().$client;
	const runs = c
		.prepare(
			'SELECT id, trigger, status, started_at AS startedAt, finished_at AS finishedAt, pages, added, errors FROM crawl_run ORDER BY id DESC LIMIT ?'
		)
		.all(limit) as Omit<RunRow, 'sources'>[];
	const per = c.prepare(
		`SELECT r.source_id AS sourceId, o.name AS organName, s.channel, r.status, r.pages, r.not_modified AS notModified, r.added, r.duplicates, r.errors_json AS errorsJson
		FROM crawl_run_source r JOIN crawl_source s ON s.id = r.source_id JOIN organ o ON o.id = s.organ_id WHERE r.run_id = ? ORDER BY o.name, s.channel`
	);
	return runs.map((r) => ({
		...r,
		sources: (per.all(r.id) as (RunRow['sources'][number] & { errorsJson: string })[]).map(({ errorsJson, ...s }) => ({
			...s,
			errors: JSON.parse(errorsJson)
		}))
	}));
}
