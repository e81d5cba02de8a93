// The six parts of a report: find their headings (ordinal + keyword), in order, and the line range of each.
import { SECTIONS, type SectionId } from '../template';
import { fuzzyIncludes, includesWithStray } from './fuzzy';

export interface SectionRange {
	id: SectionId;
	/** 0-based index of the heading line. */
	start: number;
	/** 0-based index one past the last line. */
	end: number;
	/** 'heading': the heading matched its title or keywords only approximately (a typo or a stray character);
	 * 'table': no heading was found, the section starts at its table's own header words. */
	fuzzy?: 'heading' | 'table';
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
	fuzzy: boolean;
}

/** Edits allowed between a printed heading and a full title of this length. */
const titleEdits = (len: number) => (len >= 10 ? 2 : len >= 6 ? 1 : 0);

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
			const word = full || s.keywords.some((k) => key.includes(k));
			// A typo or a stray character: the full title within a few edits, or a keyword with one stray
			// character inside, under the printed ordinal (a typo elsewhere must not make a heading).
			const fuzzyFull =
				!full && ordinal === idx + 1 && FULL_TITLES[s.id].some((t) => fuzzyIncludes(key, t, titleEdits(t.length)));
			const fuzzyWord =
				!word &&
				!fuzzyFull &&
				ordinal === idx + 1 &&
				s.keywords.some((k) => k.length >= 4 && includesWithStray(key, k));
			if (!word && !fuzzyFull && !fuzzyWord) return;
			// Section 3's own rows (一、本年新收… 四、结转下年度…) never carry these keywords, so they are not heads.
			let score = 1 + (ordinal === idx + 1 ? 1 : 0) + (full ? 2 : fuzzyFull ? 1.5 : 0);
			if (keys[i].length > 24 && !full) score -= 1;
			if (keys[i].length > 40) score -= 0.5;
			cands.push({ line: i, section: idx, score, fuzzy: !word });
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
	const ranges: SectionRange[] = chosen.map((c, k) => ({
		id: SECTIONS[c.section].id,
		start: c.line,
		end: k + 1 < chosen.length ? chosen[k + 1].line : normLines.length,
		...(c.fuzzy ? { fuzzy: 'heading' as const } : {})
	}));
	return withTablesByHeader(ranges, keys);
}

/** Header words of the tables of sections 2, 3 and 4, and the words that must follow them within a few lines. */
const TABLE_HEADS: { id: SectionId; head: string[]; then: string[] }[] = [
	{ id: '2', head: ['本年制发件数', '本年新制作数量'], then: ['规章'] },
	{ id: '3', head: ['本年新收政府信息公开申请数量'], then: ['上年结转政府信息公开申请数量'] },
	{ id: '4', head: ['行政复议'], then: ['维持', '纠正'] }
];
const LOOK_AHEAD = 8;

/**
 * A table section whose heading was not found (a heading garbled beyond a typo, or lost): its table, found by
 * its own header words between the neighbouring sections, starts the section.
 */
function withTablesByHeader(ranges: SectionRange[], keys: string[]): SectionRange[] {
	const order = SECTIONS.map((s) => s.id);
	for (const t of TABLE_HEADS) {
		if (ranges.some((r) => r.id === t.id)) continue;
		const idx = order.indexOf(t.id);
		const before = ranges.filter((r) => order.indexOf(r.id) < idx).pop();
		const after = ranges.find((r) => order.indexOf(r.id) > idx);
		const from = before ? before.start + 1 : 0;
		const to = after ? after.start : keys.length;
		for (let i = from; i < to; i++) {
			if (!t.head.some((h) => keys[i].includes(h))) continue;
			const next = keys.slice(i, Math.min(to, i + LOOK_AHEAD)).join('');
			if (!t.then.every((w) => next.includes(w))) continue;
			// Section 4's header names 行政诉讼 too; section 3's table begins a line or two above its first row.
			if (t.id === '4' && !next.includes('行政诉讼')) continue;
			const start = t.id === '3' ? headerAbove(keys, from, i) : i;
			if (before) before.end = start;
			ranges.splice(before ? ranges.indexOf(before) + 1 : 0, 0, { id: t.id, start, end: to, fuzzy: 'table' });
			break;
		}
	}
	return ranges;
}

/** Section 3's table header (申请人情况 …) printed a few lines above its first row, if there. */
function headerAbove(keys: string[], from: number, row: number): number {
	for (let i = row - 1; i >= Math.max(from, row - LOOK_AHEAD); i--) if (keys[i].includes('申请人情况')) return i;
	return row;
}
