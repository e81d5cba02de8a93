import { describe, expect, it } from 'vitest';
import { memo } from './memo';

describe('memo', () => {
	it('computes once per key and serves the stored value after', () => {
		const cache = new Map<string, number>();
		let calls = 0;
		const len = (s: string) => (calls++, s.length);
		expect(memo(cache, 'abc', 10, len, 'abc')).toBe(3);
		expect(memo(cache, 'abc', 10, len, 'abc')).toBe(3);
		expect(calls).toBe(1);
	});
	it('empties the cache once it holds more than the limit, so it never grows past limit + 1', () => {
		const cache = new Map<number, number>();
		for (let i = 0; i < 50; i++) memo(cache, i, 4, (x: number) => x * 2, i);
		expect(cache.size).toBeLessThanOrEqual(5);
		expect(memo(cache, 49, 4, () => -1, 0)).toBe(98);
	});
});
