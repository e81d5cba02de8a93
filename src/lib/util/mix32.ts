// murmur3's 32-bit finaliser (fmix32): a cheap, well-mixed permutation of 32-bit integers. The generator spreads
// its string-hashed seeds with it, the MinHash signatures derive one seed per slot with it.

export function mix32(x: number): number {
	x ^= x >>> 16;
	x = Math.imul(x, 0x85ebca6b);
	x ^= x >>> 13;
	x = Math.imul(x, 0xc2b2ae35);
	x ^= x >>> 16;
	return x >>> 0;
}
