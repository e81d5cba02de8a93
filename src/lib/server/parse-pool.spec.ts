import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { createParsePool, parseHere } from './parse-pool';
import { REAL } from '../../../tests/helpers/fixtures';

const sample = new Uint8Array(readFileSync(`${REAL}/samples/tianyuan-kegongxin-2022.txt`));

describe('parse pool', () => {
	it('parses on worker threads exactly as in this thread, refusals included', async () => {
		const pool = createParsePool(2);
		expect(pool).not.toBeNull();
		try {
			const [a, b, bad] = await Promise.all([
				pool!.parse(sample, 'tianyuan.txt'),
				pool!.parse(sample, 'tianyuan.txt'),
				pool!.parse(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'x.png')
			]);
			const here = await parseHere(sample, 'tianyuan.txt');
			expect(a).toEqual(here);
			expect(b).toEqual(here);
			expect('model' in a && a.model.organ).toBe('株洲市天元区科工信局');
			expect(bad).toEqual(
				await parseHere(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'x.png')
			);
			expect('refusal' in bad).toBe(true);
		} finally {
			await pool!.close();
		}
	});

	const big = new TextEncoder().encode(new TextDecoder().decode(sample).repeat(1500)); // 11.5 MB: over a second of parsing on an idle machine (2.3 MB took 0.26 s)

	it('terminates a worker over its time limit, refuses that file with the reason, and goes on with a new worker', async () => {
		const pool = createParsePool(1, { timeoutMs: 300 })!;
		try {
			const t0 = performance.now();
			const slow = await pool.parse(big, 'big.txt');
			expect(slow).toEqual({ refusal: expect.stringContaining('解析超时（超过 0.3 秒）：文件“big.txt”') });
			expect(performance.now() - t0).toBeLessThan(10_000);
			expect(pool.stats().replaced).toBe(1);
			expect(await pool.parse(sample, 'ok.txt')).toHaveProperty('model');
		} finally {
			await pool.close();
		}
	});

	it('terminates a worker over its memory limit (resourceLimits), refuses that file, and replaces the worker', async () => {
		const pool = createParsePool(1, { memoryMb: 32, timeoutMs: 60_000 })!;
		try {
			const rss0 = process.memoryUsage().rss;
			expect(await pool.parse(big, 'big.txt')).toEqual({
				refusal: expect.stringContaining('内存超过上限（32 MB）：文件“big.txt”')
			});
			expect(pool.stats().replaced).toBe(1);
			expect(process.memoryUsage().rss - rss0).toBeLessThan(200 * 1024 * 1024);
			const again = await pool.parse(sample, 'ok.txt');
			expect('model' in again && again.model.organ).toBe('株洲市天元区科工信局');
		} finally {
			await pool.close();
		}
	});

	it('refuses at once, as busy, what does not fit in its queue', async () => {
		const pool = createParsePool(1, { maxQueue: 2 })!;
		try {
			const all = await Promise.all([1, 2, 3, 4, 5].map(() => pool.parse(sample, 'x.txt')));
			const busy = all.filter((o) => 'refusal' in o && o.refusal.includes('服务器正忙'));
			expect(busy.length).toBeGreaterThanOrEqual(1);
			expect(all.filter((o) => 'model' in o).length).toBeGreaterThanOrEqual(2);
		} finally {
			await pool.close();
		}
	});

	it.runIf(existsSync('/proc/self/task'))(
		"runs its workers' threads at a lower priority than the thread answering requests",
		async () => {
			const nices = () =>
				readdirSync('/proc/self/task').map((t) => {
					try {
						// Field 19 of /proc/…/stat, counted after the parenthesised command name.
						return Number(readFileSync(`/proc/self/task/${t}/stat`, 'utf8').split(') ')[1].split(' ')[16]);
					} catch {
						return NaN; // a thread that ended meanwhile
					}
				});
			const own = getPriority(0);
			const low = Math.min(19, own + 10);
			const before = nices().filter((n) => n >= low).length;
			const pool = createParsePool(1)!;
			try {
				expect(await pool.parse(sample, 'ok.txt')).toHaveProperty('model');
				expect(nices().filter((n) => n >= low).length).toBe(before + 1);
				expect(getPriority(0)).toBe(own);
			} finally {
				await pool.close();
			}
		}
	);

	it('is not created for size 0', () => {
		expect(createParsePool(0)).toBeNull();
	});
});
