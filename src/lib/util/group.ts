// Maps built once from a list, for pages that index their data for lookup (a cell's findings, a line's cells).

/** Every value under its key, in list order. */
export function groupPairs<K, V>(pairs: Iterable<readonly [K, V]>): Map<K, V[]> {
	const out = new Map<K, V[]>();
	for (const [k, v] of pairs) {
		const list = out.get(k);
		if (list) list.push(v);
		else out.set(k, [v]);
	}
	return out;
}

/** One value per key: the last one in list order wins. */
export function lastByKey<K, V>(pairs: Iterable<readonly [K, V]>): Map<K, V> {
	return new Map(pairs);
}
