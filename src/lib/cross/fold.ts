// Text as the similarity rules compare it: the boilerplate the template itself dictates blanked out, then one
// comparable character per source character (NFKC, lower case, digits folded to '#', spaces and punctuation
// dropped), each remembering where it came from so shared passages can be marked in the original text.

/** Sentences every report carries because the template or the regulation dictates them (not evidence of copying). */
export const BOILERPLATE: readonly RegExp[] = [
	/本(?:年度)?报告(?:是)?(?:根据|依据|按照)《中华人民共和国政府信息公开条例》[^。]*。/g,
	/本报告(?:所列)?(?:中所列)?数据的?统计期限[^。]*。/g,
	/本报告(?:的)?电子版[^。]*。/g,
	/如对本报告[^。]*。/g,
	// The five aspects the template asks section 1 to cover, and section headings.
	/[（(][一二三四五六七八九十][）)][^。：:，,]{0,14}(?:情况|工作)[。：:]?/g,
	/^[一二三四五六][、.．][^\n]{0,20}(?:情况|事项)\s*$/gm
];

/** Replaces boilerplate by spaces of the same length, so offsets into the original text stay valid. */
export function blankBoilerplate(text: string, patterns: readonly RegExp[] = BOILERPLATE): string {
	let t = text;
	for (const re of patterns) t = t.replace(re, (m) => ' '.repeat(m.length));
	return t;
}

export interface Folded {
	/** Comparable characters. */
	chars: string;
	/** pos[i] = offset in the original text of chars[i]. */
	pos: number[];
}

const SKIP = /[\s\p{P}\p{S}]/u;

export function fold(text: string): Folded {
	const blanked = blankBoilerplate(text);
	let chars = '';
	const pos: number[] = [];
	let prevDigit = false;
	for (let i = 0; i < blanked.length; i++) {
		const c = blanked[i].normalize('NFKC').toLowerCase();
		if (!c || SKIP.test(c)) continue;
		const digit = c >= '0' && c <= '9';
		if (digit && prevDigit) continue;
		prevDigit = digit;
		chars += digit ? '#' : c[0];
		pos.push(i);
	}
	return { chars, pos };
}

/** FNV-1a over a string: a 32-bit shingle id. */
export function hash32(s: string, from = 0, to = s.length): number {
	let h = 0x811c9dc5;
	for (let i = from; i < to; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** The set of k-character shingle ids of folded text. */
export function shingleIds(chars: string, k: number): Set<number> {
	const out = new Set<number>();
	for (let i = 0; i + k <= chars.length; i++) out.add(hash32(chars, i, i + k));
	return out;
}

export function jaccardIds(a: Set<number>, b: Set<number>): number {
	if (!a.size || !b.size) return 0;
	const [small, big] = a.size <= b.size ? [a, b] : [b, a];
	let inter = 0;
	for (const x of small) if (big.has(x)) inter++;
	return inter / (a.size + b.size - inter);
}

/**
 * The passages of `self` whose shingles also occur in `other`, as merged ranges of the original text (runs shorter
 * than `minLength` folded characters are left out: a few common words are not a shared passage).
 */
export function sharedSpans(self: Folded, other: Set<number>, k: number, minLength = 12): [number, number][] {
	const spans: [number, number][] = [];
	let runStart = -1;
	let runEnd = -1;
	const flush = () => {
		if (runStart >= 0 && runEnd - runStart >= minLength) spans.push([self.pos[runStart], self.pos[runEnd - 1] + 1]);
		runStart = -1;
	};
	for (let i = 0; i + k <= self.chars.length; i++) {
		if (other.has(hash32(self.chars, i, i + k))) {
			if (runStart < 0 || i > runEnd) {
				flush();
				runStart = i;
			}
			runEnd = i + k;
		}
	}
	flush();
	return spans;
}
