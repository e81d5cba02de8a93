// The six parts of a report: find their headings (ordinal + keyword), in order, and the line range of each.
import { SECTIONS, type SectionId } from '../template';

export interface SectionRange {
	id: SectionId;
	/** 0-based index of the heading line. */
	start: number;
	/** 0-based index one past the last line. */
	end: number;
}

const ORDINAL_HEAD = /^[\s#*>]*(?:第?([一二三四五六七八九十])\s*(?:[、.．]|部分)|([1-9])\s*[、.．](?!\d))\s*/;
const FULL_TITLES: Record<SectionId, string[]> = {
	'1': ['总体情况'],
	'2': ['主动公开政府信息情况'],
	'3': ['收到和处理政府信息公开申请情况'],
	'4': ['政府信息公开行政复议行政诉讼情况', '行政复议行政诉讼情况'],
	'5': ['存在的主要问题及改进情况', '存在的主要问题及整改措施'],
	'6': ['其他需要报告的事项']
};
const CN_DIGITS = '一二三四五六七八九十';

interface Candidate {
	line: number;
	section: number;
	score: number;
}

/**
 * `keys[i]` is line i in label form (see labelKey) and `heads[i]` the start of the normalised line (with its
 * punctuation) for ordinal detection. Picks one heading per section, increasing in line order, maximising a score
 * that prefers the printed ordinal and the template's full title (reports repeat keywords in sub-headings).
 */
export function findSections(normLines: string[], keys: string[]): SectionRange[] {
	const cands: Candidate[] = [];
	for (let i = 0; i < normLines.length; i++) {
		// Scraped pages run a heading into its first paragraph: judge by the line's start.
		const key = keys[i].slice(0, 32);
		if (key.length === 0) continue;
		const m = ORDINAL_HEAD.exec(normLines[i]);
		if (!m) continue;
		const ordinal = m[1] ? CN_DIGITS.indexOf(m[1]) + 1 : Number(m[2]);
		SECTIONS.forEach((s, idx) => {
			const full = FULL_TITLES[s.id].some((t) => key.includes(t));
			if (!full && !s.keywords.some((k) => key.includes(k))) return;
			// Section 3's own rows (一、本年新收… 四、结转下年度…) never carry these keywords, so they are not heads.
			let score = 1 + (ordinal === idx + 1 ? 1 : 0) + (full ? 2 : 0);
			if (keys[i].length > 24 && !full) score -= 1;
			if (keys[i].length > 40) score -= 0.5;
			cands.push({ line: i, section: idx, score });
		});
	}
	// Longest-path over candidates with strictly increasing line and section.
	const n = cands.length;
	const best: number[] = new Array(n).fill(0);
	const prev: number[] = new Array(n).fill(-1);
	for (let a = 0; a < n; a++) {
		best[a] = cands[a].score;
		for (let b = 0; b < a; b++) {
			if (cands[b].line < cands[a].line && cands[b].section < cands[a].section && best[b] + cands[a].score > best[a]) {
				best[a] = best[b] + cands[a].score;
				prev[a] = b;
			}
		}
	}
	let end = -1;
	for (let a = 0; a < n; a++) if (end < 0 || best[a] > best[end]) end = a;
	const chosen: Candidate[] = [];
	for (let a = end; a >= 0; a = prev[a]) chosen.unshift(cands[a]);
	return chosen.map((c, k) => ({
		id: SECTIONS[c.section].id,
		start: c.line,
		end: k + 1 < chosen.length ? chosen[k + 1].line : normLines.length
	}));
}
