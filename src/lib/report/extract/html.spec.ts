import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractHtml } from './html';
import { extractHtmlDom } from '../../../../tests/oracles/html-dom';
import { REAL } from '../../../../tests/helpers/fixtures';

// extractHtml reads htmlparser2's events; the oracle extractHtmlDom walks cheerio's DOM built from the same events.
describe('extractHtml (parser events) reads exactly what the DOM walk reads', () => {
	it('on the real scraped page', () => {
		const html = readFileSync(
			`${REAL}/peer-samples/kirogovcompare/沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局_2025-12-30.html`,
			'utf8'
		);
		const doc = extractHtml(html);
		expect(doc.lines.length).toBeGreaterThan(20);
		expect(doc).toEqual(extractHtmlDom(html));
	});

	it('on tables with sections, merged text, nested tables, titles, skipped and broken markup', () => {
		const html = `<html><head><title>甲 &amp; 乙</title><style>p{}</style></head><body><title>正文标题</title>
<p>一、总体情况<br>第二行<span>接</span>着</p><div>块<!-- c -->文本<script>x()</script></div>
<table><caption>表</caption><thead><tr><th>信息内容</th><th>本年制发件数</th></tr></thead>
<tbody><tr><td>规<b>章</b></td><td> 1 2 </td><td><p>3</p><p>4</p></td></tr><tr><td></td><td>&nbsp;</td></tr>
<tr><td>外<table><tr><td>内</td></tr></table>表</td><td>5<br>6</td></tr></tbody></table><p>尾<td>x</p>`;
		expect(extractHtml(html)).toEqual(extractHtmlDom(html));
		expect(extractHtml(html).title).toBe('正文标题');
	});

	it('on random tag soup', () => {
		let seed = 7;
		const r = (n: number) => {
			seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
			return seed % n;
		};
		const toks = [
			'<p>',
			'</p>',
			'<div>',
			'</div>',
			'<table>',
			'</table>',
			'<tr>',
			'</tr>',
			'<td>',
			'</td>',
			'<th>',
			'<tbody>',
			'</tbody>',
			'<thead>',
			'<br>',
			'<span>',
			'</span>',
			'<title>',
			'</title>',
			'<head>',
			'</head>',
			'<script>x</script>',
			'<!-- c -->',
			'a',
			'b ',
			' 1',
			'2',
			'&amp;',
			'&nbsp;',
			'予以公开',
			'\n',
			'<li>',
			'<ul>',
			'</ul>',
			'<caption>c</caption>',
			'<h1>',
			'</h1>',
			'<![CDATA[z]]>',
			'<!DOCTYPE html>',
			'<o:p>',
			'</o:p>',
			'<hr>',
			'<svg><text>s</text></svg>',
			'<b>',
			'</b>',
			'\u3000'
		];
		for (let k = 0; k < 3000; k++) {
			let h = '';
			for (let j = 1 + r(40); j > 0; j--) h += toks[r(toks.length)];
			expect(extractHtml(h)).toEqual(extractHtmlDom(h));
		}
	});
});
