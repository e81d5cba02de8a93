// Text normalisation for matching (never for display: the original text is kept beside it).
import { Converter, Locale, Trie } from 'opencc-js/t2cn';
import { memo } from './memo';

const t2s = Converter({ from: 't', to: 'cn' });

// OpenCC's t→cn is two trie passes (compatibility-ideograph normalisation, then phrases + characters), each a
// longest-prefix match at every position, rebuilding the string through an array. Most characters of a report
// start no dictionary key at all (simplified text: ~90%), so the same tries are used here, but a position is
// handed to the trie only when its character starts some key, and unchanged text comes back as the same string.
// The output is OpenCC's, exactly (normalize.spec.ts compares the two on random and real text).
type Dict = string | readonly (readonly [string, string])[];
interface Stage {
	trie: Trie;
	/** 1 where a BMP code point starts some key of this stage; 2 where it is a key and starts no longer one. */
	starts: Uint8Array;
	/** Where starts is 2: the replacement (what matchPrefix would find: the character is the longest match). */
	single: (string | undefined)[];
	astral: Set<number>;
}

/** The trie's nodes as opencc-js builds them: a Map of children by code point, the value on the node. */
type TrieNode = Map<number, TrieNode> & { trie_val?: string };

function stage(group: readonly Dict[]): Stage {
	const trie = new Trie();
	trie.loadDictGroup(group);
	const starts = new Uint8Array(0x10000);
	const astral = new Set<number>();
	const mark = (key: string) => {
		const cp = key.codePointAt(0);
		if (cp === undefined) return;
		if (cp < 0x10000) starts[cp] = 1;
		else astral.add(cp);
	};
	for (const d of group) {
		if (typeof d === 'string') for (const e of d.split('|')) mark(e.split(' ')[0]);
		else for (const [k] of d) mark(k);
	}
	const single: (string | undefined)[] = [];
	const root = (trie as unknown as { map?: TrieNode }).map;
	if (root instanceof Map)
		for (let cp = 0; cp < 0x10000; cp++) {
			if (starts[cp] === 0) continue;
			const node = root.get(cp);
			if (node instanceof Map && node.size === 0 && typeof node.trie_val === 'string') {
				starts[cp] = 2;
				single[cp] = node.trie_val;
			}
		}
	return { trie, starts, single, astral };
}

function buildStages(): Stage[] | null {
	const cfg = (
		Locale as unknown as {
			configs?: Record<string, { normalizationChain?: Dict[][]; conversionChain?: Dict[][]; segmentation?: unknown }>;
		}
	).configs?.t2s;
	// Anything but the shape read here (a segmentation pass, no chains) → use OpenCC's own function.
	if (!cfg || cfg.segmentation || !cfg.normalizationChain || !cfg.conversionChain) return null;
	return [...cfg.normalizationChain, ...cfg.conversionChain].map(stage);
}

const STAGES = buildStages();
// Ideographic description characters: OpenCC skips a whole description sequence unmatched; leave those to it.
const IDC = /[\u2ff0-\u2fff]/;

function runStage(st: Stage, s: string): string {
	let out = '';
	let last = 0;
	let changed = false;
	for (let i = 0; i < s.length;) {
		const c = s.charCodeAt(i);
		let cp = c;
		let w = 1;
		if (c >= 0xd800 && c < 0xdc00) {
			cp = s.codePointAt(i)!;
			if (cp > 0xffff) w = 2;
		}
		const start = cp < 0x10000 ? st.starts[cp] : st.astral.has(cp) ? 1 : 0;
		if (start === 0) {
			i += w;
			continue;
		}
		if (start === 2) {
			out += s.slice(last, i) + st.single[cp];
			i = last = i + 1;
			changed = true;
			continue;
		}
		const m = st.trie.matchPrefix(s, i);
		if (m === null) {
			i += w;
			continue;
		}
		out += s.slice(last, i) + m.value;
		i = last = m.end;
		changed = true;
	}
	return changed ? out + s.slice(last) : s;
}

/** Traditional → simplified, character by character (phrase mode over-converts: 文件 → 文档). */
export function toSimplified(text: string): string {
	if (STAGES === null || IDC.test(text)) return t2s(text);
	let s = text;
	for (const st of STAGES) s = runStage(st, s);
	return s;
}

const normalizeOnce = (text: string) => toSimplified(foldRadicals(text.normalize('NFKC')));

// A report's whole text is normalised by the mapper (normalizeLines) and again by the checks (its prose): the
// last long text's result is kept for that one second reading, compared by content (never stale) and then
// dropped, so nothing is served to a later parse of the same file. Short texts are not worth it.
const LONG = 2000;
let lastLong: { text: string; normalized: string } | null = null;

/**
 * NFKC folds full-width digits and letters and the CJK compatibility radicals pdf.js emits (⼆ → 二);
 * then traditional → simplified.
 */
export function normalizeText(text: string): string {
	if (text.length < LONG) return normalizeOnce(text);
	if (lastLong !== null && lastLong.text === text) {
		const hit = lastLong.normalized;
		lastLong = null;
		return hit;
	}
	const normalized = normalizeOnce(text);
	lastLong = { text, normalized };
	return normalized;
}

// CJK Radicals Supplement (U+2E80–U+2EFF) that PDF fonts map glyphs to (⺠ for 民); NFKC leaves these alone.
const RADICALS: Record<string, string> = {
	'⺁': '厂',
	'⺇': '几',
	'⺊': '卜',
	'⺌': '小',
	'⺍': '小',
	'⺎': '兀',
	'⺒': '巳',
	'⺓': '幺',
	'⺛': '无',
	'⺜': '日',
	'⺝': '月',
	'⺞': '歹',
	'⺟': '母',
	'⺠': '民',
	'⺡': '氵',
	'⺢': '氺',
	'⺣': '灬',
	'⺤': '爫',
	'⺥': '爫',
	'⺦': '丬',
	'⺧': '牛',
	'⺨': '犭',
	'⺩': '王',
	'⺪': '疋',
	'⺫': '目',
	'⺬': '示',
	'⺭': '礻',
	'⺮': '竹',
	'⺯': '糸',
	'⺰': '纟',
	'⺲': '罒',
	'⺳': '网',
	'⺶': '羊',
	'⺷': '羊',
	'⺸': '羊',
	'⺹': '耂',
	'⺺': '聿',
	'⺻': '聿',
	'⺼': '肉',
	'⺽': '臼',
	'⺾': '艹',
	'⺿': '艹',
	'⻀': '艹',
	'⻁': '虎',
	'⻂': '衤',
	'⻃': '覀',
	'⻄': '西',
	'⻅': '见',
	'⻆': '角',
	'⻇': '角',
	'⻉': '贝',
	'⻊': '足',
	'⻋': '车',
	'⻌': '辶',
	'⻍': '辶',
	'⻎': '辶',
	'⻏': '阝',
	'⻐': '钅',
	'⻑': '长',
	'⻒': '镸',
	'⻓': '长',
	'⻔': '门',
	'⻖': '阝',
	'⻗': '雨',
	'⻘': '青',
	'⻙': '韦',
	'⻚': '页',
	'⻛': '风',
	'⻜': '飞',
	'⻝': '食',
	'⻞': '食',
	'⻟': '饣',
	'⻠': '饣',
	'⻡': '首',
	'⻢': '马',
	'⻣': '骨',
	'⻤': '鬼',
	'⻥': '鱼',
	'⻦': '鸟',
	'⻧': '卤',
	'⻨': '麦',
	'⻩': '黄',
	'⻪': '黾',
	'⻫': '齐',
	'⻬': '齐',
	'⻭': '齿',
	'⻮': '齿',
	'⻯': '龙',
	'⻰': '龙',
	'⻱': '龟',
	'⻲': '龟',
	'⻳': '龟'
};
const RADICAL_RE = /[\u2e80-\u2eff]/g;
const HAS_RADICAL = /[\u2e80-\u2eff]/;

/** Radical-supplement code points → the ideograph they stand for in running text. */
export function foldRadicals(text: string): string {
	return HAS_RADICAL.test(text) ? text.replace(RADICAL_RE, (c) => RADICALS[c] ?? c) : text;
}

/** Markup left in scraped text (`<br/>`, `</p>`, `?/p>`): dropped for matching. */
export function stripMarkup(text: string): string {
	return text.replace(/<\/?[a-zA-Z][^>]{0,40}>|\?\/?[a-z]{1,4}>|&nbsp;/g, ' ');
}

// Whitespace, punctuation and symbols (\s, \p{P}, \p{S}) of the BMP as a table, built on first use: a loop over it
// is much cheaper than the Unicode-property regex over every line of a report.
const PUNCT_RE = /[\s\p{P}\p{S}]/gu;
let punct: Uint8Array | null = null;

function punctTable(): Uint8Array {
	const t = new Uint8Array(0x10000);
	const re = /[\s\p{P}\p{S}]/u;
	for (let c = 0; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && re.test(String.fromCharCode(c))) t[c] = 1;
	return t;
}

/** `text.replace(/[\s\p{P}\p{S}]/gu, '')`, faster. */
export function stripPunctuation(text: string): string {
	const t = (punct ??= punctTable());
	let out = '';
	let last = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		// Astral symbols (emoji…) are one code point of two units: leave those lines to the regex.
		if (c >= 0xd800 && c <= 0xdfff) return text.replace(PUNCT_RE, '');
		if (t[c] === 1) {
			if (i > last) out += text.slice(last, i);
			last = i + 1;
		}
	}
	return last === 0 ? text : out + text.slice(last);
}

// Labels repeat across reports (the template's); the cache is bounded against unbounded prose.
const keyCache = new Map<string, string>();
const computeKey = (text: string) => stripPunctuation(normalizeText(stripMarkup(text)));

/** The form labels are compared in: simplified, NFKC, no markup, no spaces, punctuation or symbols. */
export function labelKey(text: string): string {
	return memo(keyCache, text, 20000, computeKey, text);
}

/** normalizeText over many lines in one conversion (OpenCC's per-call cost dominates short lines). */
export function normalizeLines(lines: string[]): string[] {
	const joined = normalizeText(stripMarkup(lines.join('\n')));
	const out = joined.split('\n');
	return out.length === lines.length ? out : lines.map((l) => normalizeText(stripMarkup(l)));
}

/** Leading list numbers: 一、 （一） (一) 1. 1、 1． ① — possibly several (三、本年度办理结果（一）…). */
export function stripListNumber(text: string): string {
	let t = text.trim();
	for (let i = 0; i < 3; i++) {
		const next = t
			.replace(/^[一二三四五六七八九十]+\s*[、.．]\s*/, '')
			.replace(/^[（(]\s*[一二三四五六七八九十\d]+\s*[)）]\s*/, '')
			.replace(/^\d{1,2}\s*[、.．,，]\s*(?!\d)/, '')
			.replace(/^[①②③④⑤⑥⑦⑧⑨⑩]\s*/, '');
		if (next === t) break;
		t = next;
	}
	return t;
}
