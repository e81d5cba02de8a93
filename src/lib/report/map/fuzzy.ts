// Approximate substring search for headings: a printed heading with one stray, missing or mistyped character
// (政府信息公开行政复x议、行政诉讼情况) is still its heading.

/** Whether `word` occurs in `text` with at most `edits` insertions, deletions or substitutions. */
export function fuzzyIncludes(text: string, word: string, edits: number): boolean {
	if (text.includes(word)) return true;
	if (edits === 0) return false;
	const m = word.length;
	// Most lines share few of the word's characters: at least m − edits of them must be there.
	let shared = 0;
	for (let j = 0; j < m; j++) if (text.includes(word[j])) shared++;
	if (shared < m - edits) return false;
	// Semi-global edit distance (Sellers): a match may start and end anywhere in `text`.
	let prev = new Array<number>(m + 1);
	let cur = new Array<number>(m + 1);
	for (let j = 0; j <= m; j++) prev[j] = j;
	for (let i = 1; i <= text.length; i++) {
		cur[0] = 0;
		const c = text.charCodeAt(i - 1);
		for (let j = 1; j <= m; j++) {
			const sub = prev[j - 1] + (word.charCodeAt(j - 1) === c ? 0 : 1);
			cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
		}
		if (cur[m] <= edits) return true;
		[prev, cur] = [cur, prev];
	}
	return false;
}

/** Whether `word` occurs in `text` with at most one character inserted inside it (a stray character). */
export function includesWithStray(text: string, word: string): boolean {
	if (text.includes(word)) return true;
	for (let k = 1; k < word.length; k++) {
		const at = text.indexOf(word.slice(0, k));
		for (let p = at; p >= 0; p = text.indexOf(word.slice(0, k), p + 1))
			if (text.startsWith(word.slice(k), p + k + 1)) return true;
	}
	return false;
}
