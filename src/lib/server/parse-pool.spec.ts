import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
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
			expect(bad).toEqual(await parseHere(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'x.png'));
			expect('refusal' in bad).toBe(true);
		} finally {
			await pool!.close();
		}
	});

	it('is not created for size 0', () => {
		expect(createParsePool(0)).toBeNull();
	});
});
