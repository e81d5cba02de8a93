// robots.txt per origin, read once per run with the crawler's own User-Agent and parsed by `robots-parser`.
// RFC 9309: a 4xx robots.txt means no rules (crawl); a 5xx or no answer means "unreachable" (do not crawl).
import type { CrawlConfig } from './config';
import type { HostThrottle } from './throttle';

export interface RobotsRules {
	allowed(url: string): boolean;
	/** Crawl-delay in ms, when the file sets one for us. */
	delayMs: number | null;
	/** Why the origin is off limits as a whole (robots.txt unreachable), or null. */
	refusal: string | null;
}

type Parser = (
	url: string,
	body: string
) => {
	isAllowed(url: string, ua?: string): boolean | undefined;
	getCrawlDelay(ua?: string): number | undefined;
};

let parser: Promise<Parser> | undefined;
/** Loaded on first use: pages that never crawl (the admin list, the CLI on a file) do not need it. */
function loadParser(): Promise<Parser> {
	parser ??= import('robots-parser').then((m) => (m.default ?? m) as Parser);
	return parser;
}

export class RobotsCache {
	private byOrigin = new Map<string, Promise<RobotsRules>>();
	constructor(
		private config: CrawlConfig,
		private throttle: HostThrottle
	) {}

	rulesFor(url: string): Promise<RobotsRules> {
		const origin = new URL(url).origin;
		let rules = this.byOrigin.get(origin);
		if (!rules) this.byOrigin.set(origin, (rules = this.load(origin)));
		return rules;
	}

	private async load(origin: string): Promise<RobotsRules> {
		const robotsUrl = `${origin}/robots.txt`;
		const ua = this.config.userAgent;
		const token = ua.split('/')[0];
		const none = (refusal: string | null): RobotsRules => ({ allowed: () => refusal === null, delayMs: null, refusal });
		let url = robotsUrl;
		for (let hop = 0; hop <= this.config.maxRedirects; hop++) {
			const host = new URL(url).host;
			await this.throttle.wait(host, this.config.minIntervalMs);
			let res: Response;
			try {
				res = await fetch(url, {
					headers: { 'user-agent': ua },
					redirect: 'manual',
					signal: AbortSignal.timeout(this.config.timeoutMs)
				});
			} catch (e) {
				this.throttle.done(host, this.config.minIntervalMs);
				return none(`robots.txt 无法获取（${describeFetchError(e, this.config.timeoutMs)}），按规范暂不抓取该网站`);
			}
			this.throttle.done(host, this.config.minIntervalMs);
			const location = res.headers.get('location');
			if (res.status >= 300 && res.status < 400 && location) {
				await res.body?.cancel();
				url = new URL(location, url).href;
				continue;
			}
			if (res.status >= 400 && res.status < 500) {
				await res.body?.cancel();
				return none(null);
			}
			if (res.status >= 500) {
				await res.body?.cancel();
				return none(`robots.txt 无法获取（HTTP ${res.status}），按规范暂不抓取该网站`);
			}
			const body = (await res.text()).slice(0, 500_000);
			const robots = (await loadParser())(robotsUrl, body);
			const delay = robots.getCrawlDelay(token);
			return {
				// Rules for another origin (a redirect elsewhere) say nothing of this one: isAllowed → undefined → allowed.
				allowed: (u) => robots.isAllowed(u, token) !== false,
				delayMs: typeof delay === 'number' && delay > 0 ? delay * 1000 : null,
				refusal: null
			};
		}
		return none(`robots.txt 重定向次数过多，按规范暂不抓取该网站`);
	}
}

export function describeFetchError(e: unknown, timeoutMs: number): string {
	const err = e as { name?: string; cause?: { code?: string; message?: string }; message?: string };
	if (err?.name === 'TimeoutError' || err?.name === 'AbortError')
		return `超时：${Math.round(timeoutMs / 1000)} 秒内没有完整应答`;
	const code = err?.cause?.code;
	if (code === 'ECONNREFUSED') return '连接被拒绝';
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return '域名无法解析';
	if (code === 'ECONNRESET') return '连接被重置';
	return `网络错误：${err?.cause?.message ?? err?.message ?? String(e)}`;
}
