// HTML (and DOCX via mammoth): block elements become lines, each table row one line of cells.
// Word-exported pages split numbers across spans and pad cells with <o:p>; cell text is cleaned for that.
import { load } from 'cheerio';
import { Parser } from 'htmlparser2';
import type { Doc, DocLine } from './doc';

interface Node {
	type: string;
	name?: string;
	data?: string;
	children?: Node[];
	attribs?: Record<string, string>;
}

const BLOCK = new Set([
	'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'header', 'footer',
	'blockquote', 'pre', 'dd', 'dt', 'dl', 'center', 'form', 'main', 'nav', 'aside', 'caption', 'hr', 'title', 'address'
]);
const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'object', 'iframe', 'xml']);

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

/** Whitespace collapsed; digits split by layout whitespace (`20 23`) joined when the cell is only digits. */
export function cleanCell(raw: string): string {
	let t = raw.replace(/[\u00a0\u3000\s]+/g, ' ').trim();
	if (/^[\d\s.,，]+$/.test(t)) t = t.replace(/\s+/g, '');
	// Spaces between CJK characters are layout, not content (结 果 维 持).
	t = t.replace(/([\u3400-\u9fff（）])\s+(?=[\u3400-\u9fff（）])/g, '$1');
	return t;
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

/** Text between blocks, collected until a block boundary turns it into trimmed, non-empty lines. */
function lineBuffer() {
	const lines: DocLine[] = [];
	const buf: string[] = [];
	const flush = () => {
		const t = buf.join('');
		buf.length = 0;
		for (const l of t.split('\n')) {
			const s = l.replace(/[\u00a0\s]+/g, ' ').trim();
			if (s) lines.push({ text: s, cells: null });
		}
	};
	return { lines, buf, flush };
}

/** The reference reader over cheerio's DOM (what extractHtml reproduces from parser events). */
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

// The same reading as extractHtmlDom, from htmlparser2's events instead of a DOM (cheerio builds its DOM from
// these very events, with the same options): no tree to allocate and walk. Each open element gets a frame saying
// how its content is read:
//   walk   — block structure: text to the line buffer, blocks flush it, tables become rows
//   text   — textOf: a <title> or a table cell, every text node a part, blocks/rows/br add newlines
//   skip   — ignored subtree (head, script, style…; in a table, whatever is not a row or a cell)
//   table / section / row — a table's row structure as rowsOf and cellsOfRow see it
type Mode = 'walk' | 'text' | 'skip' | 'table' | 'section' | 'row';
interface Frame {
	mode: Mode;
	name: string;
	/** text frames: the element ends a cell or the title. */
	role?: 'cell' | 'title';
}

export function extractHtml(html: string): Doc {
	const { lines, buf, flush } = lineBuffer();
	let title: string | undefined;
	const stack: Frame[] = [{ mode: 'walk', name: '' }];
	let parts: string[] = []; // text frames (one cell or the title at a time: cells and titles do not nest here)
	let lastText = false; // the previous event was text: the DOM merges it into one text node
	let cells: string[] | null = null;

	const parser = new Parser(
		{
			onopentag(name) {
				lastText = false;
				const top = stack[stack.length - 1];
				let mode: Mode;
				let role: Frame['role'];
				switch (top.mode) {
					case 'skip':
						mode = 'skip';
						break;
					case 'text':
						mode = SKIP.has(name) ? 'skip' : 'text';
						break;
					case 'table':
					case 'section':
						if (name === 'tr') {
							mode = 'row';
							cells = [];
						} else mode = name === 'thead' || name === 'tbody' || name === 'tfoot' ? 'section' : 'skip';
						break;
					case 'row':
						if (name === 'td' || name === 'th') {
							mode = 'text';
							role = 'cell';
							parts = [];
						} else mode = 'skip';
						break;
					default:
						if (name === 'title') {
							mode = 'text';
							role = 'title';
							parts = [];
						} else if (SKIP.has(name) || name === 'script' || name === 'style') mode = 'skip';
						else if (name === 'br') {
							buf.push('\n');
							mode = 'skip';
						} else if (name === 'table') {
							flush();
							mode = 'table';
						} else {
							mode = 'walk';
							if (BLOCK.has(name)) flush();
						}
				}
				stack.push({ mode, name, role });
			},
			ontext(data) {
				const top = stack[stack.length - 1];
				if (top.mode === 'walk') buf.push(data);
				else if (top.mode === 'text') {
					if (lastText) parts[parts.length - 1] += data;
					else parts.push(data);
				}
				lastText = true;
			},
			onclosetag(name) {
				lastText = false;
				const f = stack.pop()!;
				const parent = stack[stack.length - 1];
				if (f.mode === 'text') {
					if (f.role === 'cell') {
						cells!.push(cleanCell(parts.join(' ')));
						return;
					}
					if (f.role === 'title') {
						title = parts.join('').trim() || undefined;
						return;
					}
					if (name === 'br') parts.push('\n');
					else if (BLOCK.has(name) || name === 'tr') parts.push('\n');
					return;
				}
				if (f.mode === 'row') {
					const row = cells!;
					cells = null;
					if (!row.every((c) => c === '')) lines.push({ text: row.join(' | '), cells: row });
					return;
				}
				if (f.mode === 'walk' && parent && BLOCK.has(name)) flush();
			},
			oncomment() {
				lastText = false;
			},
			oncdatastart() {
				lastText = false;
			},
			onprocessinginstruction() {
				lastText = false;
			}
		},
		{ xmlMode: false, decodeEntities: true }
	);
	parser.end(html);
	flush();
	return { lines, title };
}

/** A page that opens as a document but never closes was cut off in transfer. */
export function isTruncatedHtml(html: string): boolean {
	const head = html.slice(0, 4096).toLowerCase();
	const tail = html.slice(-4096).toLowerCase();
	if (/<html[\s>]/.test(head) && !tail.includes('</html>') && !tail.includes('</body>')) return true;
	// Unbalanced tables: more <table openings than closings.
	const opens = html.match(/<table[\s>]/gi)?.length ?? 0;
	const closes = html.match(/<\/table>/gi)?.length ?? 0;
	return opens > closes;
}
