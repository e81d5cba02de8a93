// The crawler against a local portal on 127.0.0.1 (node:http): pace, robots.txt, errors, pagination cap, re-runs,
// conditional GETs. Never the internet.
import { describe, expect, it } from 'vitest';
import http from 'node:http';
import { localServerForSuite } from '../../../../tests/helpers/local-server';
import { tempDatabaseForSuite } from '../../../../tests/helpers/temp-db';
import { getDb } from '../db';
import { crawlConfig, userAgent, type CrawlConfig } from './config';
import { runCrawl, recentRuns, CrawlBusy } from './job';
import * as sources from './sources';
import { updates } from '../metrics/updates';

interface Hit {
	path: string;
	at: number;
	headers: http.IncomingHttpHeaders;
}

const hits: Hit[] = [];
/** Items per column page; page 0 can gain items between runs. */
const pages: { title: string; date: string; href: string }[][] = [0, 1, 2, 3].map((p) =>
	[0, 1, 2].map((i) => {
		const day = 28 - p * 7 - i;
		return {
			title: `区政府第${p * 3 + i + 1}号通知关于做好有关工作`,
			date: `2024-02-${String(day).padStart(2, '0')}`,
			href: `./202402/t202402${String(day).padStart(2, '0')}_${p}${i}.html`
		};
	})
);
let version = 1;

function listingPage(p: number): string {
	const items = pages[p]
		.map(
			(it) => `<li><a href="${it.href}" title="${it.title}" target="_blank">${it.title}</a><span>${it.date}</span></li>`
		)
		.join('\n');
	return `<html><head><meta charset="utf-8"><title>通知公告_测试区教育局</title></head><body>
<div class="header"><span>2024-03-06</span></div>
<div class="dqwz">当前位置：首页 &gt; 信息公开 &gt; 测试区教育局 &gt; 通知公告</div>
<div class="list"><ul>${items}</ul></div>
<div class="page"><script>createPageHTML(4, ${p}, "index", "html");</script></div>
<div class="footer">更新时间：2024-03-06</div></body></html>`;
}

const LAST_MODIFIED = 'Tue, 05 Mar 2024 08:00:00 GMT';

const portal = localServerForSuite((req, res) => {
	const path = req.url ?? '/';
	hits.push({ path, at: Date.now(), headers: req.headers });
	if (path === '/robots.txt') {
		res.writeHead(200, { 'content-type': 'text/plain' });
		res.end('User-agent: *\nDisallow: /private/\n');
		return;
	}
	const col = path.match(/^\/col\/index(?:_(\d))?\.html$/);
	if (col) {
		const p = Number(col[1] ?? 0);
		if (p === 0) {
			// Page 0 carries an ETag that changes with its content.
			const etag = `"p0-v${version}"`;
			if (req.headers['if-none-match'] === etag) {
				res.writeHead(304, { etag });
				res.end();
				return;
			}
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag });
		} else {
			// The later pages only a Last-Modified.
			if (req.headers['if-modified-since'] === LAST_MODIFIED) {
				res.writeHead(304);
				res.end();
				return;
			}
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'last-modified': LAST_MODIFIED });
		}
		res.end(listingPage(p));
		return;
	}
	if (path === '/moved/index.html') {
		res.writeHead(301, { location: '/col/index.html' });
		res.end();
		return;
	}
	if (path.startsWith('/broken/')) {
		res.writeHead(500);
		res.end('oops');
		return;
	}
	if (path.startsWith('/slow/')) {
		setTimeout(() => {
			if (!res.writableEnded) res.end('late');
		}, 3000).unref();
		return;
	}
	res.writeHead(404);
	res.end('not found');
});

const config = (over: Partial<CrawlConfig> = {}): CrawlConfig => ({ ...crawlConfig(), timeoutMs: 800, ...over });
/** A column source on the local portal (`path` on it); returns its id. */
const addSource = (organ: string, channel: string, path: string, more: { maxPages?: number; since?: string } = {}) =>
	sources.upsert({ organ, channel, startUrl: `${portal.base}${path}`, ...more }).id;
const publications = () =>
	getDb()
		.$client.prepare('SELECT title, published_on, channel, url FROM publication ORDER BY published_on DESC')
		.all() as { url: string }[];

tempDatabaseForSuite('dw-crawl-');
describe('crawler', () => {
	it('follows the pagination to the cap, one request per second per host, with its own User-Agent', async () => {
		const id = addSource('测试区教育局', '通知公告', '/col/index.html', { maxPages: 3 });
		hits.length = 0;
		const run = await runCrawl({ trigger: 'manual', sourceIds: [id], config: config() });
		const paths = hits.map((h) => h.path);
		expect(paths).toEqual(['/robots.txt', '/col/index.html', '/col/index_1.html', '/col/index_2.html']);
		for (let i = 1; i < hits.length; i++) expect(hits[i].at - hits[i - 1].at).toBeGreaterThanOrEqual(990);
		for (const h of hits) expect(h.headers['user-agent']).toBe(userAgent());
		expect(userAgent()).toMatch(/^DisclosureWatch\//);
		expect(run.sources[0]).toMatchObject({ status: 'ok', pages: 3, parsed: 3, added: 9, duplicates: 0, errors: [] });
		const stored = publications();
		expect(stored).toHaveLength(9);
		expect(stored[0]).toEqual({
			title: pages[0][0].title,
			published_on: '2024-02-28',
			channel: '通知公告',
			url: `${portal.base}/col/202402/t20240228_00.html`
		});
		expect(stored.some((s) => s.url.includes('_3'))).toBe(false);
		expect(sources.get(id)?.lastStatus).toBe('ok');
	}, 20_000);

	it('re-runs add only the new items, and an unchanged page answered 304 is not parsed', async () => {
		const id = sources.list()[0].id;
		pages[0].unshift({ title: '区政府关于新学期工作的通知', date: '2024-03-01', href: './202403/t20240301_new.html' });
		version++;
		hits.length = 0;
		const second = await runCrawl({ trigger: 'manual', sourceIds: [id], config: config({ minIntervalMs: 50 }) });
		// Page 0 changed (new ETag): read again, one new item; page 1 unchanged since (If-Modified-Since): 304, stop.
		expect(second.sources[0]).toMatchObject({
			status: 'ok',
			pages: 2,
			parsed: 1,
			notModified: 1,
			added: 1,
			duplicates: 3
		});
		expect(hits.find((h) => h.path === '/col/index_1.html')?.headers['if-modified-since']).toBe(LAST_MODIFIED);
		expect(publications()).toHaveLength(10);

		hits.length = 0;
		const third = await runCrawl({ trigger: 'manual', sourceIds: [id], config: config({ minIntervalMs: 50 }) });
		expect(hits.map((h) => h.path)).toEqual(['/robots.txt', '/col/index.html']);
		expect(hits[1].headers['if-none-match']).toBe(`"p0-v${version}"`);
		expect(third.sources[0]).toMatchObject({ status: 'ok', pages: 1, parsed: 0, notModified: 1, added: 0 });
		expect(publications()).toHaveLength(10);
	});

	it("stops at the configured date (older items not stored) and at the run's page cap", async () => {
		const dated = addSource('测试区档案馆', '通知公告', '/col/index.html', { maxPages: 5, since: '2024-02-18' });
		hits.length = 0;
		const run = await runCrawl({ trigger: 'manual', sourceIds: [dated], config: config({ minIntervalMs: 50 }) });
		// Page 2 holds only items before 18 February: read, nothing kept, and the pagination stops there.
		expect(hits.map((h) => h.path)).toEqual([
			'/robots.txt',
			'/col/index.html',
			'/col/index_1.html',
			'/col/index_2.html'
		]);
		expect(run.sources[0]).toMatchObject({ status: 'ok', pages: 3, added: 7 });
		const kept = getDb()
			.$client.prepare(
				"SELECT MIN(p.published_on) AS d, COUNT(*) AS n FROM publication p JOIN organ o ON o.id = p.organ_id WHERE o.name = '测试区档案馆'"
			)
			.get();
		expect(kept).toEqual({ d: '2024-02-19', n: 7 });

		const capped = addSource('测试区统计局', '通知公告', '/col/index.html', { maxPages: 5 });
		const second = await runCrawl({
			trigger: 'manual',
			sourceIds: [capped],
			config: config({ minIntervalMs: 50, maxPagesPerRun: 2 })
		});
		expect(second.pages).toBe(2);
		expect(second.sources[0]).toMatchObject({ status: 'ok', pages: 2, added: 7 });
	});

	it('respects robots.txt and records a 404, a 500 and a timeout as errors: those sources are broken', async () => {
		const ids = [
			addSource('测试区财政局', '财政预决算', '/private/index.html'),
			addSource('测试区财政局', '通知公告', '/gone/index.html'),
			addSource('测试区民政局', '工作动态', '/broken/index.html'),
			addSource('测试区民政局', '人事信息', '/slow/index.html')
		];
		hits.length = 0;
		const stored = publications().length;
		const run = await runCrawl({
			trigger: 'manual',
			sourceIds: ids,
			config: config({ minIntervalMs: 50, timeoutMs: 500 })
		});
		expect(hits.some((h) => h.path.startsWith('/private/'))).toBe(false);
		const reasons = ids
			.map((id) => run.sources.find((s) => s.sourceId === id)!)
			.map((s) => s.errors.map((e) => e.reason).join());
		expect(reasons[0]).toMatch(/robots\.txt 不允许/);
		expect(reasons[1]).toBe('HTTP 404：页面不存在（栏目地址可能已变更）');
		expect(reasons[2]).toBe('HTTP 500：网站服务器内部错误');
		expect(reasons[3]).toMatch(/超时/);
		expect(run.sources.map((s) => s.status)).toEqual(['broken', 'broken', 'broken', 'broken']);
		expect(run.errors).toBe(4);
		const recorded = recentRuns(1)[0];
		expect(recorded).toMatchObject({ id: run.runId, status: 'done', errors: 4, pages: 3 });
		expect(recorded.sources.map((s) => s.errors[0].reason).sort()).toEqual([...reasons].sort());
		expect(sources.brokenByOrgan().size).toBe(2);
		expect(publications()).toHaveLength(stored);
	}, 20_000);

	it('follows a redirect, and runs one job at a time', async () => {
		const id = addSource('测试区卫健委', '通知公告', '/moved/index.html', { maxPages: 1 });
		const job = runCrawl({ trigger: 'manual', sourceIds: [id], config: config({ minIntervalMs: 50 }) });
		expect(() => runCrawl({ trigger: 'manual', config: config() })).toThrow(CrawlBusy);
		const run = await job;
		expect(run.sources[0]).toMatchObject({ status: 'ok', pages: 1, added: 4 });
	});

	it('shows broken sources in the update-frequency data, apart from silences', async () => {
		const f = { fromYear: 2024, toYear: 2024, kind: null, organId: null };
		const before = updates(f);
		expect(before.broken.map((b) => `${b.organ.name}/${b.channel}`)).toEqual([
			'测试区民政局/人事信息',
			'测试区民政局/工作动态',
			'测试区财政局/财政预决算',
			'测试区财政局/通知公告'
		]);
		expect(before.broken.find((b) => b.channel === '工作动态')?.reason).toBe('HTTP 500：网站服务器内部错误');
		// Organs whose only columns are broken have no postings: unknown, so not among the silent.
		expect(before.silences.some((s) => s.organ.name === '测试区财政局' || s.organ.name === '测试区民政局')).toBe(false);
		const edu = before.silences.find((s) => s.organ.name === '测试区教育局');
		expect(edu).toBeDefined();
		expect(edu?.broken).toBeUndefined();

		const id = addSource('测试区教育局', '政策文件', '/gone/zcwj.html');
		await runCrawl({ trigger: 'manual', sourceIds: [id], config: config({ minIntervalMs: 50 }) });
		const after = updates(f);
		expect(after.silences.find((s) => s.organ.name === '测试区教育局')?.broken).toBe(true);
		expect(after.broken).toHaveLength(5);
	});
});
