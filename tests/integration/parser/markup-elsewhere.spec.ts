// HTML that is not an .html file, at scale: generated reports' HTML inside a JavaScript string literal and the
// body's markup saved as .txt, both under a .txt name. Every cell comes back; the organ is the report's, not the
// script's `name:` field.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/lib/report/parse';
import { buildReport, diffCells } from '../../fixtures/parser/build';
import { renderHtml, htmlInJsString, htmlBodyAsText } from '../../../src/lib/generator/render/index';
import { looksLikeMarkup, markupInScript, unescapeJs } from '../../../src/lib/report/extract/markup';

const cases: [string, (html: string) => string][] = [
	['HTML inside a JS string literal', (h) => htmlInJsString(h, '网站管理员')],
	['the body markup saved as .txt', (h) => htmlBodyAsText(h)]
];

describe.each(cases)('%s', (_, wrap) => {
	it('reads every cell of 20 random reports, and the organ from the report', async () => {
		for (let i = 0; i < 20; i++) {
			const truth = buildReport({ template: i % 3 ? '2021' : '2019', seed: `markup-${i}`, organ: '某县交通运输局' });
			const text = wrap(renderHtml(truth));
			const r = await parseReport(new TextEncoder().encode(text), `page-${i}.txt`);
			expect(diffCells(r, truth), `seed ${i}`).toEqual([]);
			expect(r.organ).toBe('某县交通运输局');
		}
	});
});

describe('markup detection', () => {
	it('prose that mentions a tag is not markup; escaped markup is unescaped', () => {
		expect(looksLikeMarkup('本报告的 <p> 标签说明。'.repeat(3))).toBe(false);
		expect(markupInScript('var a = "plain text, no markup here at all, only words and words";')).toBeNull();
		expect(unescapeJs('<p class=\\"a\\">\\u4e00<\\/p>')).toBe('<p class="a">一</p>');
	});
});
