import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Locale } from 'opencc-js/t2cn';
import { toSimplified } from './normalize';
import { toSimplifiedOpenCC } from '../../../tests/oracles/opencc';
import { REAL } from '../../../tests/helpers/fixtures';

// Every key of the t→cn dictionaries (phrases included), so random text hits phrase boundaries and overlaps.
function dictionaryKeys(): string[] {
	const cfg = (
		Locale as unknown as { configs: Record<string, { normalizationChain: unknown[][]; conversionChain: unknown[][] }> }
	).configs.t2s;
	const keys: string[] = [];
	for (const group of [...cfg.normalizationChain, ...cfg.conversionChain])
		for (const d of group)
			if (typeof d === 'string') for (const e of d.split('|')) keys.push(e.split(' ')[0]);
			else for (const [k] of d as [string, string][]) keys.push(k);
	return keys;
}

function rng(seed: number) {
	let s = seed >>> 0;
	return (n: number) => {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		return s % n;
	};
}

describe('toSimplified (fast path over the OpenCC tries)', () => {
	const keys = dictionaryKeys();
	it('reads the dictionaries (phrases and characters)', () => {
		expect(keys.length).toBeGreaterThan(4000);
		expect(keys.some((k) => [...k].length > 1)).toBe(true);
	});

	it('equals OpenCC on random mixes of dictionary keys, their pieces and plain text', () => {
		const r = rng(7);
		const plain = ['的', '年', '政府信息公开', ' ', '\n', 'a', '1', '，', '𠀀', '\ud800', '⼆', '⿰'];
		for (let n = 0; n < 3000; n++) {
			let s = '';
			const len = 1 + r(12);
			for (let k = 0; k < len; k++) {
				const pick = r(4);
				if (pick === 0) s += plain[r(plain.length)];
				else {
					const key = keys[r(keys.length)];
					// Pieces of phrases: a prefix, a suffix or the whole key.
					s += pick === 1 ? key.slice(0, 1 + r(key.length)) : pick === 2 ? key.slice(r(key.length)) : key;
				}
			}
			expect(toSimplified(s)).toBe(toSimplifiedOpenCC(s));
		}
	});

	it('equals OpenCC on the real sample and a traditional rendering of it', () => {
		const text = new TextDecoder('utf-8').decode(readFileSync(`${REAL}/samples/tianyuan-kegongxin-2022.txt`));
		expect(toSimplified(text)).toBe(toSimplifiedOpenCC(text));
		expect(toSimplified(text)).not.toBe(text);
		const simplified = toSimplifiedOpenCC(text);
		expect(toSimplified(simplified)).toBe(toSimplifiedOpenCC(simplified));
	});

	it('returns simplified text unchanged and converts traditional', () => {
		expect(toSimplified('政府信息公开工作年度报告')).toBe('政府信息公开工作年度报告');
		expect(toSimplified('政府資訊公開工作年度報告')).toBe(toSimplifiedOpenCC('政府資訊公開工作年度報告'));
		expect(toSimplified('予以公開')).toBe('予以公开');
	});
});
