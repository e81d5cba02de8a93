// HTML as a government site serves it: the template's tables with rowspan/colspan, a declared charset.
import type { Report } from '../../report/model';
import { layoutReport, type Block } from '../../report/layout';
import { applyScript } from './script';

export interface HtmlRenderOptions {
	script?: 'simplified' | 'traditional';
	/** The charset the page declares (the bytes are encoded separately): 'utf-8', 'gbk', 'big5'. */
	charset?: string;
	/** Print-oriented CSS (A4 page, compact table font) for PDF rendering. */
	print?: boolean;
}

const escapeHtml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SCREEN_CSS =
	'body{font-family:"仿宋",FangSong,serif;max-width:960px;margin:0 auto;line-height:1.8}' +
	'h1{text-align:center;font-size:22px}h2{font-size:17px}table{border-collapse:collapse;margin:8px 0}' +
	'td{border:1px solid #000;padding:2px 4px;text-align:center;font-size:14px}td.l{text-align:left}' +
	'p.sign,p.date{text-align:right}';
// One font face, no bold: each extra face is another subset of a 20 MB CJK collection, which dominates print time.
const PRINT_CSS =
	'@page{size:A4;margin:18mm 15mm}body{font-family:"Noto Sans CJK SC",sans-serif;font-size:11pt;line-height:1.6;margin:0}' +
	'h1{text-align:center;font-size:16pt;font-weight:normal}h2{font-size:12pt;font-weight:normal;margin:10pt 0 4pt}p{text-indent:2em;margin:2pt 0}' +
	'table{border-collapse:collapse;width:100%;margin:4pt 0}td{border:0.6pt solid #000;padding:1pt 2pt;text-align:center;font-size:8pt;line-height:1.3}' +
	'td.l{text-align:left}tr{page-break-inside:avoid}p.sign,p.date{text-align:right;text-indent:0}';

export function renderHtml(report: Report, opts: HtmlRenderOptions = {}): string {
	const blocks = layoutReport(report);
	const title = (blocks[0] as { text: string }).text;
	const body = blocks.map(blockHtml).join('\n');
	const html =
		`<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="${opts.charset ?? 'utf-8'}">\n` +
		`<title>${escapeHtml(title)}</title>\n<style>${opts.print ? PRINT_CSS : SCREEN_CSS}</style>\n</head>\n<body>\n` +
		`<div class="article">\n${body}\n</div>\n</body>\n</html>\n`;
	return applyScript(html, opts.script);
}

const COLUMN_WIDTHS: Record<string, number[]> = {
	'2': [34, 22, 22, 22],
	'3': [9, 9, 33, 7, 7, 7, 7, 7, 7, 7]
};

function blockHtml(block: Block): string {
	switch (block.kind) {
		case 'title':
			return `<h1>${escapeHtml(block.text)}</h1>`;
		case 'heading':
			return `<h2>${escapeHtml(block.text)}</h2>`;
		case 'paragraph':
			return `<p>${escapeHtml(block.text)}</p>`;
		case 'signature':
			return `<p class="sign">${escapeHtml(block.text)}</p>`;
		case 'date':
			return `<p class="date">${escapeHtml(block.text)}</p>`;
		case 'table': {
			const rows = block.rows.map((row) => {
				const cells = row.map((c) => {
					const attrs =
						(c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '') +
						(c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '') +
						(c.header && c.text.length > 12 ? ' class="l"' : '');
					return `<td${attrs}>${escapeHtml(c.text)}</td>`;
				});
				return `<tr>${cells.join('')}</tr>`;
			});
			// Word-made pages fix the column widths; without them the narrow figure columns wrap their headers.
			const widths = COLUMN_WIDTHS[block.section];
			const cols = widths ? `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>\n` : '';
			return `<table border="1" cellspacing="0" cellpadding="0">\n${cols}<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
		}
	}
}
