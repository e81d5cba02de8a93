import { describe, expect, it } from 'vitest';
import { mix32 } from './mix32';

describe('mix32', () => {
	it("matches murmur3's fmix32 reference values", () => {
		// 0 stays 0 by construction; 1 and 0xffffffff map to the values other fmix32 implementations give.
		expect(mix32(0)).toBe(0);
		expect(mix32(1)).toBe(0x514e28b7);
		expect(mix32(0xffffffff)).toBe(0x81f16f39);
	});
	it('is a permutation on a sample: no two of 100,000 inputs collide', () => {
		const seen = new Set<number>();
		for (let i = 0; i < 100_000; i++) seen.add(mix32(i * 2654435761));
		expect(seen.size).toBe(100_000);
	});
});
