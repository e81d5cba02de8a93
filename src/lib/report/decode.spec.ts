import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, detectScript, sniffFormat } from './decode';

const TEXT =
	'株洲市天元区科学技术和工业信息化局2022年政府信息公开工作年度报告\n一、总体情况\n本年新收政府信息公开申请数量 | 3 | 0 |';
const TRAD =
	'株洲市天元區科學技術和工業信息化局2022年政府信息公開工作年度報告\n一、總體情況\n本年新收政府信息公開申請數量';

describe('decodeText', () => {
	it('strict UTF-8, with and without BOM', () => {
		expect(decodeText(new TextEncoder().encode(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
		expect(decodeText(new TextEncoder().encode('\ufeff' + TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
	});
	it('GB18030, including a 4-byte sequence the gbk label would lose', () => {
		const t = TEXT + '𠀀';
		expect(decodeText(new Uint8Array(iconv.encode(t, 'gb18030')))).toEqual({ text: t, encoding: 'gb18030' });
	});
	it('Big5 traditional', () => {
		expect(decodeText(new Uint8Array(iconv.encode(TRAD, 'big5')))).toEqual({ text: TRAD, encoding: 'big5' });
	});
	it('an HTML page declaring gbk is read as GB18030', () => {
		const html = `<html><head><meta charset="gbk"></head><body>${TEXT}</body></html>`;
		const r = decodeText(new Uint8Array(iconv.encode(html, 'gb18030')), true);
		expect(r.encoding).toBe('gb18030');
		expect(r.text).toBe(html);
	});
});

describe('detectScript and sniffFormat', () => {
	it('tells traditional from simplified', () => {
		expect(detectScript(TEXT)).toBe('simplified');
		expect(detectScript(TRAD)).toBe('traditional');
	});
	it('sniffs by content, not by name', () => {
		expect(sniffFormat(new TextEncoder().encode('%PDF-1.7'), 'a.txt')).toBe('pdf');
		expect(sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]), 'a.pdf')).toBe('png');
		expect(sniffFormat(new TextEncoder().encode('<!DOCTYPE html><html>'), 'a.txt')).toBe('html');
		expect(sniffFormat(new TextEncoder().encode(TEXT), 'report')).toBe('txt');
		expect(sniffFormat(new Uint8Array([0, 1, 2, 3, 0, 0, 7]), 'x')).toBe('unknown');
	});
});
