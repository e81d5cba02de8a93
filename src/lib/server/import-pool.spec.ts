// The web import on the worker pool (issue 15): a file over the time limit is refused with that reason, naming it,
// while the rest of the upload goes on; a full queue refuses at once with a Chinese message; the pool is sized to
// the cores. A real migrated SQLite file per test, real worker threads.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { freshDatabaseEachTest } from '../../../tests/helpers/db-per-test';
import { districtFiles } from '../../../tests/helpers/report-files';
import { REAL } from '../../../tests/helpers/fixtures';
import { getDb } from './db';
import { importFiles } from './import';
import { createParsePool, defaultPoolSize } from './parse-pool';
import type { Actor } from '../auth/actor';

freshDatabaseEachTest('dw-import-pool-');

const admin: Actor = { id: null, role: 'admin', organId: null };
const reportCount = () => (getDb().$client.prepare('SELECT count(*) n FROM report').get() as { n: number }).n;
const sample = readFileSync(`${REAL}/samples/tianyuan-kegongxin-2022.txt`, 'utf8');
// 11.5 MB of report text: over a second of parsing on an idle machine, under the 20 MB file limit.
const slowFile = new TextEncoder().encode(sample.repeat(1500));

describe('the import on the parse pool', () => {
	it('refuses a file that parses longer than the limit, naming it, and imports the files before and after it', async () => {
		const files = districtFiles({ organs: 2, years: [2022, 2023], seed: 'pool-timeout' });
		const inputs = [files[0], files[1], { name: '慢/超大报告.txt', bytes: slowFile }, files[2], files[3]];
		const pool = createParsePool(1, { timeoutMs: 500 })!;
		try {
			const results = await importFiles(inputs, admin, undefined, { pool });
			expect(results.map((r) => r.file)).toEqual(inputs.map((f) => f.name));
			expect(results[2].status).toBe('refused');
			expect(results[2].reason).toMatch(/^解析超时（超过 0\.5 秒）：文件“超大报告\.txt”/);
			expect(results.filter((_, i) => i !== 2).map((r) => r.status.startsWith('imported'))).toEqual(
				Array(4).fill(true)
			);
			expect(reportCount()).toBe(4);
			expect(pool.stats().replaced).toBe(1);
		} finally {
			await pool.close();
		}
	}, 30_000);

	it('refuses, as busy, the files that find the queue full, and imports the others whole', async () => {
		// Two uploads at once on one worker whose queue holds 4: each reads ahead, so together they overflow it.
		const a = districtFiles({ organs: 6, years: [2022, 2023], seed: 'pool-busy-a' });
		const b = districtFiles({ organs: 6, years: [2020, 2021], seed: 'pool-busy-b' });
		const pool = createParsePool(1, { maxQueue: 4 })!;
		try {
			const [ra, rb] = await Promise.all([
				importFiles(a, admin, undefined, { pool }),
				importFiles(b, admin, undefined, { pool })
			]);
			const all = [...ra, ...rb];
			expect(all).toHaveLength(24);
			const busy = all.filter((r) => r.status === 'refused');
			expect(busy.length).toBeGreaterThan(0);
			for (const r of busy) expect(r.reason).toBe('服务器正忙（待解析文件过多），请稍后再导入此文件');
			const imported = all.filter((r) => r.status.startsWith('imported'));
			expect(imported.length).toBeGreaterThanOrEqual(4);
			expect(imported.length + busy.length).toBe(24);
			expect(reportCount()).toBe(imported.length);
			expect(pool.stats().queued).toBe(0);
		} finally {
			await pool.close();
		}
	}, 30_000);

	it('is sized to the cores: one worker per core but one, at least one; PARSE_WORKERS overrides', async () => {
		const before = process.env.PARSE_WORKERS;
		try {
			delete process.env.PARSE_WORKERS;
			expect(defaultPoolSize()).toBe(Math.max(1, availableParallelism() - 1));
			process.env.PARSE_WORKERS = '3';
			expect(defaultPoolSize()).toBe(3);
		} finally {
			if (before === undefined) delete process.env.PARSE_WORKERS;
			else process.env.PARSE_WORKERS = before;
		}
		// Under more files than workers, it grows to its size and no further.
		const size = 2;
		const pool = createParsePool(size)!;
		try {
			let most = 0;
			const bytes = new TextEncoder().encode(sample);
			await Promise.all(
				Array.from({ length: 8 }, (_, i) =>
					pool.parse(bytes, `${i}.txt`).then(() => (most = Math.max(most, pool.stats().workers)))
				)
			);
			expect(most).toBe(size);
		} finally {
			await pool.close();
		}
	}, 30_000);
});
