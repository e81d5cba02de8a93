import { describe, expect, it } from 'vitest';
import { createRng } from './prng';

describe('seeded PRNG', () => {
	it('gives the same stream for the same seed and a different one for another seed', () => {
		const a = createRng('s1');
		const b = createRng('s1');
		const c = createRng('s2');
		const xs = Array.from({ length: 20 }, () => a.next());
		expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
		expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(xs);
		for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
	});

	it('forks streams that do not depend on how much the parent was used', () => {
		const a = createRng(9);
		const b = createRng(9);
		b.next();
		b.next();
		expect(a.fork('x').next()).toBe(b.fork('x').next());
		expect(a.fork('x').next()).not.toBe(a.fork('y').next());
	});

	it('splits a count over weights without losing any (multinomial) and keeps binomials in range', () => {
		const r = createRng('m');
		for (let i = 0; i < 200; i++) {
			const n = r.int(0, 500);
			const parts = r.multinomial(n, [0.88, 0.05, 0.003, 0.004, 0.033, 0.03]);
			expect(parts.reduce((x, y) => x + y, 0)).toBe(n);
			for (const p of parts) expect(p).toBeGreaterThanOrEqual(0);
			const k = r.binomial(n, 0.3);
			expect(k >= 0 && k <= n).toBe(true);
		}
	});

	it('draws Poisson counts around their mean', () => {
		const r = createRng('p');
		const small = Array.from({ length: 2000 }, () => r.poisson(3));
		const large = Array.from({ length: 2000 }, () => r.poisson(300));
		const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
		expect(Math.abs(mean(small) - 3)).toBeLessThan(0.3);
		expect(Math.abs(mean(large) - 300)).toBeLessThan(5);
	});
});
