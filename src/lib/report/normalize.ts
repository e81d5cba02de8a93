// Text normalisation for matching (never for display: the original text is kept beside it).
import { Converter } from 'opencc-js/t2cn';

const t2s = Converter({ from: 't', to: 'cn' });

/** Traditional → simplified, character by character (phrase mode over-converts: 文件 → 文档). */
export function toSimplified(text: string): string {
	return t2s(text);
}

/**
 * NFKC folds full-width digits and letters and the CJK compatibility radicals pdf.js emits (⼆ → 二);
 * then traditional → simplified.
 */
export function normalizeText(text: string): string {
	return toSimplified(foldRadicals(text.normalize('NFKC')));
}

// CJK Radicals Supplement (U+2E80–U+2EFF) that PDF fonts map glyphs to (⺠ for 民); NFKC leaves these alone.
const RADICALS: Record<string, string> = {
	'⺁': '厂', '⺇': '几', '⺊': '卜', '⺌': '小', '⺍': '小', '⺎': '兀', '⺒': '巳', '⺓': '幺', '⺛': '无', '⺜': '日',
	'⺝': '月', '⺞': '歹', '⺟': '母', '⺠': '民', '⺡': '氵', '⺢': '氺', '⺣': '灬', '⺤': '爫', '⺥': '爫', '⺦': '丬',
	'⺧': '牛', '⺨': '犭', '⺩': '王', '⺪': '疋', '⺫': '目', '⺬': '示', '⺭': '礻', '⺮': '竹', '⺯': '糸', '⺰': '纟',
	'⺲': '罒', '⺳': '网', '⺶': '羊', '⺷': '羊', '⺸': '羊', '⺹': '耂', '⺺': '聿', '⺻': '聿', '⺼': '肉', '⺽': '臼',
	'⺾': '艹', '⺿': '艹', '⻀': '艹', '⻁': '虎', '⻂': '衤', '⻃': '覀', '⻄': '西', '⻅': '见', '⻆': '角', '⻇': '角',
	'⻉': '贝', '⻊': '足', '⻋': '车', '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻐': '钅', '⻑': '长', '⻒': '镸',
	'⻓': '长', '⻔': '门', '⻖': '阝', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食',
	'⻞': '食', '⻟': '饣', '⻠': '饣', '⻡': '首', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤',
	'⻨': '麦', '⻩': '黄', '⻪': '黾', '⻫': '齐', '⻬': '齐', '⻭': '齿', '⻮': '齿', '⻯': '龙', '⻰': '龙', '⻱': '龟',
	'⻲': '龟', '⻳': '龟'
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

const keyCache = new Map<string, string>();

/** The form labels are compared in: simplified, NFKC, no markup, no spaces, punctuation or symbols. */
export function labelKey(text: string): string {
	let k = keyCache.get(text);
	if (k === undefined) {
		k = normalizeText(stripMarkup(text)).replace(/[\s\p{P}\p{S}]/gu, '');
		// Labels repeat across reports (the template's); bound the cache against unbounded prose.
		if (keyCache.size > 20000) keyCache.clear();
		keyCache.set(text, k);
	}
	return k;
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
