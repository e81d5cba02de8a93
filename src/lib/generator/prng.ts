// A small seeded PRNG (mulberry32 over a string-hashed seed) so that a seed gives the same district, byte for byte,
// on every machine. Math.random is never used in the generator.
import { mix32 } from '../util/mix32';

export interface Rng {
	/** Uniform in [0, 1). */
	next(): number;
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	chance(p: number): boolean;
	/** Poisson-distributed count (Knuth for small means, normal approximation for large). */
	poisson(mean: number): number;
	binomial(n: number, p: number): number;
	/** Splits `n` into counts over the given weights (multinomial). */
	multinomial(n: number, weights: readonly number[]): number[];
	/** A child stream keyed by a label: independent of how much the parent has been used. */
	fork(label: string): Rng;
	shuffle<T>(items: T[]): T[];
}

/** FNV-1a over the string, then a murmur finaliser: a well-spread 32-bit seed from any label. */
export function hashSeed(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return mix32(h);
}

export function createRng(seed: string | number): Rng {
	const label = String(seed);
	let state = hashSeed(label);
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const rng: Rng = {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (items) => items[Math.floor(next() * items.length)],
		chance: (p) => next() < p,
		poisson(mean) {
			if (mean <= 0) return 0;
			if (mean > 40) {
				// Box-Muller; good enough for the bulk of large counts.
				const u = Math.max(next(), 1e-12);
				const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
				return Math.max(0, Math.round(mean + z * Math.sqrt(mean)));
			}
			const l = Math.exp(-mean);
			let k = 0;
			let p = 1;
			do {
				k++;
				p *= next();
			} while (p > l);
			return k - 1;
		},
		binomial(n, p) {
			if (n <= 0 || p <= 0) return 0;
			if (p >= 1) return n;
			if (n > 60) {
				const mean = n * p;
				const sd = Math.sqrt(n * p * (1 - p));
				const u = Math.max(next(), 1e-12);
				const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
				return Math.min(n, Math.max(0, Math.round(mean + z * sd)));
			}
			let k = 0;
			for (let i = 0; i < n; i++) if (next() < p) k++;
			return k;
		},
		multinomial(n, weights) {
			const out = weights.map(() => 0);
			let left = n;
			let rest = weights.reduce((a, b) => a + b, 0);
			for (let i = 0; i < weights.length && left > 0; i++) {
				if (i === weights.length - 1 || rest <= 0) {
					out[i] = left;
					break;
				}
				const k = rng.binomial(left, weights[i] / rest);
				out[i] = k;
				left -= k;
				rest -= weights[i];
			}
			return out;
		},
		fork: (sub) => createRng(`${label}/${sub}`),
		shuffle(items) {
			for (let i = items.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[items[i], items[j]] = [items[j], items[i]];
			}
			return items;
		}
	};
	return rng;
}
