// One bounded cache for the core's memoised readings (label keys, label scores, section prose): the same inputs
// recur across reports, but a cache must not grow with unbounded input, so it is emptied when it gets too big.

/** `cache`'s value for `key`, else `compute(arg)`, stored; the cache is emptied first once it holds more than `limit`. */
export function memo<K, A, V>(cache: Map<K, V>, key: K, limit: number, compute: (arg: A) => V, arg: A): V {
	let v = cache.get(key);
	if (v === undefined) {
		v = compute(arg);
		if (cache.size > limit) cache.clear();
		cache.set(key, v);
	}
	return v;
}
