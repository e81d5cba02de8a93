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
