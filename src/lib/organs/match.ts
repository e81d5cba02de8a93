// Closest roster names for an unknown organ: edit distance on the normalised name, organs of the same kind of
// body (same suffix: 局, 办, 街道, 镇 …) first. A typo (云溪区教肓局) sits one edit from the bureau it meant.
import { normalizeOrganName } from '../report/organ';

export { normalizeOrganName };

/** Levenshtein distance over code points (names are short: a two-row table is plenty). */
export function editDistance(a: string, b: string): number {
	const x = [...a];
	const y = [...b];
	if (!x.length) return y.length;
	if (!y.length) return x.length;
	let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
	let cur = new Array<number>(y.length + 1);
	for (let i = 1; i <= x.length; i++) {
		cur[0] = i;
		for (let j = 1; j <= y.length; j++)
			cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
		[prev, cur] = [cur, prev];
	}
	return prev[y.length];
}

// Longest first: 街道办事处 before 办事处 before 办, 分局 before 局.
const SUFFIXES = [
	'街道办事处',
	'人民政府',
	'管理委员会',
	'办事处',
	'办公室',
	'委员会',
	'管委会',
	'街道',
	'分局',
	'中心',
	'局',
	'办',
	'委',
	'镇',
	'乡',
	'院',
	'所',
	'站',
	'队',
	'会'
] as const;

// Different spellings of one kind of body.
const SAME: Record<string, string> = {
	街道办事处: '街道',
	办事处: '街道',
	办公室: '办',
	管理委员会: '委',
	委员会: '委',
	管委会: '委',
	分局: '局'
};

/** The kind-of-body suffix of a normalised name (`局`, `办`, `街道`, `镇` …), or '' when it has none of them. */
export function organSuffix(normalized: string): string {
	const s = SUFFIXES.find((x) => normalized.endsWith(x));
	return s ? (SAME[s] ?? s) : '';
}

export interface Candidate {
	id: number;
	name: string;
	/** The name or alias it was matched on (normalised). */
	key: string;
}

export interface Closest {
	id: number;
	name: string;
	/** Edits from the unknown name to the nearest of this organ's name and aliases. */
	distance: number;
	sameSuffix: boolean;
}

/**
 * The `limit` organs nearest to `name`: one entry per organ (its best name or alias), by distance with a different
 * suffix counting as two more edits (a 局 is rarely a 街道), then same suffix first, then by name. Organs further than half the name's length are left out: they are not a near miss.
 */
const score = (c: Closest) => c.distance + (c.sameSuffix ? 0 : 2);

export function closestOrgans(name: string, candidates: Candidate[], limit = 3): Closest[] {
	const key = normalizeOrganName(name);
	const suffix = organSuffix(key);
	const best = new Map<number, Closest>();
	const len = [...key].length;
	for (const c of candidates) {
		const distance = editDistance(key, c.key);
		if (distance > Math.max(2, Math.ceil(len / 2))) continue;
		const sameSuffix = suffix !== '' && organSuffix(c.key) === suffix;
		const had = best.get(c.id);
		if (!had || distance < had.distance || (distance === had.distance && sameSuffix && !had.sameSuffix))
			best.set(c.id, { id: c.id, name: c.name, distance, sameSuffix });
	}
	return [...best.values()]
		.sort(
			(a, b) => score(a) - score(b) || Number(b.sameSuffix) - Number(a.sameSuffix) || a.name.localeCompare(b.name, 'zh')
		)
		.slice(0, limit);
}
