// MinHash signatures and an LSH banding index: documents whose shingle sets are similar (Jaccard ≥ ~0.6) share at
// least one band with high probability, so candidate pairs come from bucket collisions, never from all pairs.
import { mix32 } from '../util/mix32';

export interface MinHashOptions {
	/** Bands × rows = signature length. 21 × 6: P(candidate | J = 0.8) ≈ 0.998, P(candidate | J = 0.3) ≈ 0.015. */
	bands: number;
	rows: number;
}

export const DEFAULT_MINHASH: MinHashOptions = { bands: 21, rows: 6 };

// Each signature slot uses its own seed.

const seeds: number[] = [];
function seed(i: number): number {
	while (seeds.length <= i) seeds.push(mix32((seeds.length + 1) * 0x9e3779b9));
	return seeds[i];
}

export function signature(ids: Set<number>, opts: MinHashOptions = DEFAULT_MINHASH): Uint32Array {
	const n = opts.bands * opts.rows;
	const sig = new Uint32Array(n).fill(0xffffffff);
	for (let i = 0; i < n; i++) seed(i);
	for (const x of ids)
		for (let i = 0; i < n; i++) {
			const h = mix32(x ^ seeds[i]);
			if (h < sig[i]) sig[i] = h;
		}
	return sig;
}

/** Estimated Jaccard: the share of equal slots. */
export function estimate(a: Uint32Array, b: Uint32Array): number {
	let eq = 0;
	for (let i = 0; i < a.length; i++) if (a[i] === b[i]) eq++;
	return eq / a.length;
}

/** Each band's bucket key: a hash of its rows (the db index stores these). */
export function bandKeys(sig: Uint32Array, opts: MinHashOptions = DEFAULT_MINHASH): number[] {
	const out: number[] = [];
	for (let b = 0; b < opts.bands; b++) {
		let h = 0x811c9dc5 ^ b;
		for (let r = 0; r < opts.rows; r++) h = Math.imul(h ^ sig[b * opts.rows + r], 0x01000193);
		out.push(h >>> 0);
	}
	return out;
}

/** An in-memory banding index of documents by id. */
export class LshIndex<Id> {
	private buckets: Map<number, Id[]>[] = [];
	constructor(private readonly opts: MinHashOptions = DEFAULT_MINHASH) {
		for (let b = 0; b < opts.bands; b++) this.buckets.push(new Map());
	}

	add(id: Id, sig: Uint32Array): void {
		bandKeys(sig, this.opts).forEach((k, b) => {
			const list = this.buckets[b].get(k);
			if (list) list.push(id);
			else this.buckets[b].set(k, [id]);
		});
	}

	/** Ids sharing at least one band with `sig` (the document itself included if it was added). */
	candidates(sig: Uint32Array): Set<Id> {
		const out = new Set<Id>();
		bandKeys(sig, this.opts).forEach((k, b) => {
			for (const id of this.buckets[b].get(k) ?? []) out.add(id);
		});
		return out;
	}
}
