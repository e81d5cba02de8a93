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
	return toSimplified(text.normalize('NFKC'));
}

/** Markup left in scraped text (`<br/>`, `</p>`, `?/p>`): dropped for matching. */
export function stripMarkup(text: string): string {
	return text.replace(/<\/?[a-zA-Z][^>]{0,40}>|\?\/?[a-z]{1,4}>|&nbsp;/g, ' ');
}

/** The form labels are compared in: simplified, NFKC, no markup, no spaces, punctuation or symbols. */
export function labelKey(text: string): string {
	return normalizeText(stripMarkup(text)).replace(/[\s\p{P}\p{S}]/gu, '');
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
