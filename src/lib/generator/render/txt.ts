// Plain-text renderings, as scraped or copied reports arrive:
// - pipe: like the real sample (tests/fixtures/real/samples) (each starting cell `text | `, then one `|` per position covered by a merge);
// - tab: a full grid per line, tab-separated, positions covered by a merge left blank;
// - flat: one value per line, as text scraped from a web page's table often is.
import type { Report } from '../../report/model';
import { expandGrid, layoutReport, type Block, type TableBlock } from '../../report/layout';
import { applyScript } from './script';

export type TxtStyle = 'pipe' | 'tab' | 'flat';

export interface TextRenderOptions {
	script?: 'simplified' | 'traditional';
	/** Line ending; real files come with both. */
	eol?: '\n' | '\r\n';
}

export function renderTxt(report: Report, style: TxtStyle = 'pipe', opts: TextRenderOptions = {}): string {
	const lines: string[] = [];
	for (const block of layoutReport(report)) lines.push(...blockLines(block, style));
	const text = lines.join(opts.eol ?? '\n') + (opts.eol ?? '\n');
	return applyScript(text, opts.script);
}

/** One table's lines in a text style (also the model's raw text of sections 2–4). */
export function tableLines(table: TableBlock, style: TxtStyle): string[] {
	if (style === 'pipe') return pipeRows(table);
	if (style === 'tab') return tabRows(table);
	return flatRows(table);
}

function blockLines(block: Block, style: TxtStyle): string[] {
	return block.kind === 'table' ? tableLines(block, style) : [block.text];
}

function pipeRows(table: TableBlock): string[] {
	return expandGrid(table).map((row) => {
		let out = '';
		let covered = 0;
		for (const pos of row) {
			if (pos.origin) out += `${pos.cell.text} | `;
			else covered++;
		}
		return (out + '|'.repeat(covered)).trimEnd();
	});
}

function tabRows(table: TableBlock): string[] {
	return expandGrid(table).map((row) => row.map((pos) => (pos.origin ? pos.cell.text : '')).join('\t'));
}

function flatRows(table: TableBlock): string[] {
	const out: string[] = [];
	for (const row of table.rows)
		for (const cell of row) {
			// A blank figure would vanish as an empty line: scraped pages show it as a dash.
			if (cell.text === '' && cell.path) out.push('—');
			else if (cell.text !== '') out.push(cell.text);
		}
	return out;
}
