// The test oracle of the event-based HTML reader (src/lib/report/extract/html.ts): the same reading as a walk over
// cheerio's DOM. extractHtml must equal it on every page (extract/html.spec.ts).
import { load } from 'cheerio';
import { BLOCK, SKIP, cleanCell, lineBuffer } from '../../src/lib/report/extract/html';
import type { Doc } from '../../src/lib/report/extract/doc';

interface Node {
	type: string;
	name?: string;
	data?: string;
	children?: Node[];
	attribs?: Record<string, string>;
}

function textOf(node: Node, out: string[]): void {
	if (node.type === 'text') out.push(node.data ?? '');
	else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
		if (SKIP.has(node.name!)) return;
		if (node.name === 'br') {
			out.push('\n');
			return;
		}
		for (const c of node.children ?? []) textOf(c, out);
		if (BLOCK.has(node.name!) || node.name === 'tr') out.push('\n');
	}
}

function cellsOfRow(tr: Node): string[] {
	const cells: string[] = [];
	for (const c of tr.children ?? []) {
		if (c.type !== 'tag' || (c.name !== 'td' && c.name !== 'th')) continue;
		const parts: string[] = [];
		textOf(c, parts);
		cells.push(cleanCell(parts.join(' ')));
		// A cell spanning columns of data stands for blanks after it only in a data area; labels span freely.
		// Keep it as one cell: the mapper reads label cells then value cells.
	}
	return cells;
}

function rowsOf(table: Node, out: Node[]): void {
	for (const c of table.children ?? []) {
		if (c.type !== 'tag') continue;
		if (c.name === 'tr') out.push(c);
		else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') rowsOf(c, out);
	}
}

export function extractHtmlDom(html: string): Doc {
	const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } });
	const root = $.root()[0] as unknown as Node;
	const { lines, buf, flush } = lineBuffer();
	let title: string | undefined;
	const walk = (node: Node) => {
		if (node.type === 'text') {
			buf.push(node.data ?? '');
			return;
		}
		if (node.type !== 'tag' && node.type !== 'root') return;
		const name = node.name ?? '';
		if (name === 'title') {
			const parts: string[] = [];
			textOf({ ...node, name: 'span' }, parts);
			title = parts.join('').trim() || undefined;
			return;
		}
		if (SKIP.has(name)) return;
		if (name === 'br') {
			buf.push('\n');
			return;
		}
		if (name === 'table') {
			flush();
			const trs: Node[] = [];
			rowsOf(node, trs);
			for (const tr of trs) {
				const cells = cellsOfRow(tr);
				if (cells.every((c) => c === '')) continue;
				lines.push({ text: cells.join(' | '), cells });
			}
			return;
		}
		const block = BLOCK.has(name);
		if (block) flush();
		for (const c of node.children ?? []) walk(c);
		if (block) flush();
	};
	// <head><title> first: Word pages often carry the report title only there.
	walk(root);
	flush();
	return { lines, title };
}
