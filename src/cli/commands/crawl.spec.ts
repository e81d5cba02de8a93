// `cli crawl` end to end: a child process runs one crawl against a local portal and records it in the database.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { localServerForSuite } from '../../../tests/helpers/local-server';
import { tempDatabaseForSuite } from '../../../tests/helpers/temp-db';
import { closeDb, getDb } from '../../lib/server/db';
import * as sources from '../../lib/server/crawl/sources';

const run = (args: string[]) =>
	new Promise<{ status: number; stdout: string; stderr: string }>((resolve) =>
		execFile(
			'npx',
			['tsx', 'src/cli/index.ts', 'crawl', ...args],
			{ encoding: 'utf8', cwd: process.cwd(), env: process.env },
			(err, stdout, stderr) =>
				resolve({ status: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr })
		)
	);

const portal = localServerForSuite((req, res) => {
	if (req.url === '/tzgg/index.html') {
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.end(
			'<ul><li><a href="./a1.html">区统计局关于开展经济普查的通告</a><span>2024-06-03</span></li><li><a href="./a2.html">统计开放日活动通知</a><span>2024-05-20</span></li></ul>'
		);
	} else {
		res.writeHead(404);
		res.end();
	}
});
tempDatabaseForSuite('dw-cli-crawl-');
describe('cli crawl', () => {
	it('runs the crawl once, prints each source, exits 1 when one is broken', async () => {
		sources.upsert({ organ: '区统计局', channel: '通知公告', startUrl: `${portal.base}/tzgg/index.html` });
		sources.upsert({ organ: '区统计局', channel: '统计数据', startUrl: `${portal.base}/tjsj/index.html` });
		closeDb();
		const r = await run([]);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(1);
		expect(r.stdout).toContain('区统计局 · 通知公告: 正常 · 1 页（未变 0）· 新增 2 · 已有 0');
		expect(r.stdout).toContain('区统计局 · 统计数据: 来源故障');
		expect(r.stdout).toContain('HTTP 404：页面不存在（栏目地址可能已变更）');
		const runs = getDb().$client.prepare('SELECT trigger, status, pages, added, errors FROM crawl_run').all();
		expect(runs).toEqual([{ trigger: 'cli', status: 'done', pages: 2, added: 2, errors: 1 }]);
		closeDb();
		const unknown = await run(['--source', '99']);
		expect(unknown.status).toBe(2);
		expect(unknown.stderr.trim()).toBe('crawl: 没有编号为 99 的来源');
	});
});
