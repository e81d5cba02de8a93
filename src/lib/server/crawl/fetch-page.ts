// One polite GET of a listing page: robots.txt asked first (for every redirect hop too), the host's pace kept, our
// User-Agent sent, the last validators sent back (a 304 costs no download and no parse), redirects and size bounded,
// a timeout on the whole exchange.
import { decodeText } from '../../report/decode';
import { crawlConfig, MAX_CRAWL_DELAY_MS, type CrawlConfig } from './config';
import { describeFetchError, RobotsCache } from './robots';
import { HostThrottle } from './throttle';
import { httpStatusReason } from '../../listing/http-status';
import { readStreamCapped } from '../http/read-capped';

export interface Validators {
	etag: string | null;
	lastModified: string | null;
}

export type PageFetch =
	| { kind: 'page'; url: string; html: string; validators: Validators }
	| { kind: 'not_modified'; url: string }
	| { kind: 'error'; url: string; reason: string; status?: number; disallowed?: boolean };

/** What one crawl (or one CLI call) shares: the pace per host and the robots.txt per origin. */
export class FetchContext {
	readonly throttle = new HostThrottle();
	readonly robots: RobotsCache;
	constructor(readonly config: CrawlConfig = crawlConfig()) {
		this.robots = new RobotsCache(this.config, this.throttle);
	}
}

export async function fetchPage(
	startUrl: string,
	ctx: FetchContext,
	validators?: Validators | null
): Promise<PageFetch> {
	const { config } = ctx;
	let url = startUrl;
	for (let hop = 0; hop <= config.maxRedirects; hop++) {
		let parsed: URL;
		try {
			parsed = new URL(url);
		} catch {
			return { kind: 'error', url, reason: `网址无效：${url}` };
		}
		if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
			return { kind: 'error', url, reason: `只抓取 http/https 网址：${url}` };
		const rules = await ctx.robots.rulesFor(url);
		if (rules.refusal) return { kind: 'error', url, reason: rules.refusal, disallowed: true };
		if (!rules.allowed(url))
			return { kind: 'error', url, reason: `robots.txt 不允许抓取此网址：${url}`, disallowed: true };
		const interval = Math.max(config.minIntervalMs, Math.min(rules.delayMs ?? 0, MAX_CRAWL_DELAY_MS));
		await ctx.throttle.wait(parsed.host, interval);
		const headers: Record<string, string> = {
			'user-agent': config.userAgent,
			accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
			'accept-language': 'zh-CN,zh;q=0.9'
		};
		// Validators belong to the page asked for, not to where it may redirect.
		if (hop === 0 && validators?.etag) headers['if-none-match'] = validators.etag;
		if (hop === 0 && validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
		let res: Response;
		try {
			res = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(config.timeoutMs) });
		} catch (e) {
			ctx.throttle.done(parsed.host, interval);
			return { kind: 'error', url, reason: describeFetchError(e, config.timeoutMs) };
		}
		ctx.throttle.done(parsed.host, interval);
		if (res.status === 304) {
			await res.body?.cancel();
			return { kind: 'not_modified', url };
		}
		const location = res.headers.get('location');
		if (res.status >= 300 && res.status < 400) {
			await res.body?.cancel();
			if (!location)
				return { kind: 'error', url, status: res.status, reason: `HTTP ${res.status}：重定向缺少目标地址` };
			url = new URL(location, url).href;
			continue;
		}
		if (res.status !== 200) {
			await res.body?.cancel();
			return {
				kind: 'error',
				url,
				status: res.status,
				reason: httpStatusReason(res.status)
			};
		}
		const length = Number(res.headers.get('content-length') ?? 0);
		if (length > config.maxBytes) {
			await res.body?.cancel();
			return {
				kind: 'error',
				url,
				status: 200,
				reason: `页面超过上限 ${Math.round(config.maxBytes / 1048576)} MB，未读取`
			};
		}
		let bytes: Uint8Array;
		try {
			bytes = await readCapped(res, config.maxBytes);
		} catch (e) {
			if (e instanceof TooLarge)
				return {
					kind: 'error',
					url,
					status: 200,
					reason: `页面超过上限 ${Math.round(config.maxBytes / 1048576)} MB，未读取`
				};
			return { kind: 'error', url, reason: describeFetchError(e, config.timeoutMs) };
		}
		return {
			kind: 'page',
			url,
			html: decodeText(bytes, true).text,
			validators: { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') }
		};
	}
	return { kind: 'error', url, reason: `重定向超过 ${config.maxRedirects} 次` };
}

class TooLarge extends Error {}

async function readCapped(res: Response, max: number): Promise<Uint8Array> {
	if (!res.body) return new Uint8Array(0);
	const bytes = await readStreamCapped(res.body, max);
	if (!bytes) throw new TooLarge();
	return bytes;
}
