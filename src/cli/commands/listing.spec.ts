// The listing command end to end: the JSON contract on stdout, exit 2 with one line for a page that is not a listing,
// and a URL fetched from a local server (GBK page, robots.txt asked, our User-Agent).
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { localServerForSuite } from '../../../tests/helpers/local-server';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';

const FIX = 'tests/fixtures/listing';
const run = (args: string[]) =>
	new Promise<{ status: number; stdout: string; stderr: string }>((resolve) =>
		execFile(
			'npx',
			['tsx', 'src/cli/index.ts', 'listing', ...args],
			{ encoding: 'utf8', cwd: process.cwd() },
			(err, stdout, stderr) =>
				resolve({ status: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr })
		)
	);

const seen: { path: string; ua: string | undefined }[] = [];
const portal = localServerForSuite((req, res) => {
	seen.push({ path: req.url ?? '', ua: req.headers['user-agent'] });
	if (req.url === '/robots.txt') {
		res.writeHead(200, { 'content-type': 'text/plain' });
		res.end('User-agent: *\nDisallow: /secret/\n');
	} else if (req.url === '/xxgk/czj/fdzdgknr/index.html') {
		res.writeHead(200, { 'content-type': 'text/html' });
		res.end(iconv.encode(readFileSync(`${FIX}/table.html`, 'utf8'), 'gbk'));
	} else {
		res.writeHead(404);
		res.end();
	}
});

describe('cli listing', () => {
	it('--json prints organ, channel, items and next, links resolved against --base', async () => {
		const expected = JSON.parse(readFileSync(`${FIX}/trs-list.expected.json`, 'utf8'));
		const r = await run([`${FIX}/trs-list.html`, '--base', expected.url, '--json']);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(Object.keys(out)).toEqual(['organ', 'channel', 'items', 'next']);
		expect(out).toEqual({
			organ: expected.organ,
			channel: expected.channel,
			items: expected.items,
			next: expected.next
		});
	});

	it('exits 2 with one line naming the file and the reason when the page is not a listing', async () => {
		const r = await run([`${FIX}/article.html`, '--json']);
		expect(r.status).toBe(2);
		expect(r.stdout).toBe('');
		const lines = r.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^tests\/fixtures\/listing\/article\.html: 不是可识别的栏目列表页：/);
		const missing = await run(['no-such-page.html']);
		expect(missing.status).toBe(2);
		expect(missing.stderr.trim()).toBe('no-such-page.html: 文件不存在');
	});

	it('fetches a URL politely: robots.txt first, our User-Agent, links resolved against the page', async () => {
		seen.length = 0;
		const r = await run([`${portal.base}/xxgk/czj/fdzdgknr/index.html`, '--json']);
		expect(r.stderr).toBe('');
		const out = JSON.parse(r.stdout);
		expect(out.organ).toBe('南岭区财政局');
		expect(out.items[1]).toEqual({
			title: '关于下达2024年第一批区级财政衔接推进乡村振兴补助资金的通知',
			date: '2024-03-11',
			url: `${portal.base}/xxgk/czj/fdzdgknr/content/post_3300876.html`
		});
		expect(out.next).toBe(`${portal.base}/xxgk/czj/fdzdgknr/index_2.html`);
		expect(seen.map((s) => s.path)).toEqual(['/robots.txt', '/xxgk/czj/fdzdgknr/index.html']);
		expect(seen.every((s) => s.ua?.startsWith('DisclosureWatch/'))).toBe(true);

		const denied = await run([`${portal.base}/secret/list.html`]);
		expect(denied.status).toBe(2);
		expect(denied.stderr.trim()).toMatch(/robots\.txt 不允许/);
		expect(seen.some((s) => s.path.startsWith('/secret/'))).toBe(false);
	});
});
