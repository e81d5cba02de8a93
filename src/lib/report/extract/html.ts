// HTML (and DOCX via mammoth): block elements become lines, each table row one line of cells.
// Word-exported pages split numbers across spans and pad cells with <o:p>; cell text is cleaned for that.
import { Parser } from 'htmlparser2';
import type { Doc, DocLine } from './doc';
import { memo } from '../memo';

/** Elements that end a line (shared with the DOM-walk oracle in tests/oracles/html-dom.ts). */
export const BLOCK = new Set([
	'p',
	'div',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'li',
	'ul',
	'ol',
	'section',
	'article',
	'header',
	'footer',
	'blockquote',
	'pre',
	'dd',
	'dt',
	'dl',
	'center',
	'form',
	'main',
	'nav',
	'aside',
	'caption',
	'hr',
	'title',
	'address'
]);
/** Elements whose content is not report text. */
export const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'object', 'iframe', 'xml']);

// Cells repeat within and across reports (figures, the template's labels): cleaned once, bounded.
const cellCache = new Map<string, string>();

/** Only ASCII digits: nothing for cleanCell to change. */
function isDigits(s: string): boolean {
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 48 || c > 57) return false;
	}
	return s.length > 0;
}

/** Whitespace collapsed; digits split by layout whitespace (`20 23`) joined when the cell is only digits. */
export function cleanCell(raw: string): string {
	if (isDigits(raw)) return raw;
	return raw.length > 200 ? cleanOnce(raw) : memo(cellCache, raw, 20000, cleanOnce, raw);
}

function cleanOnce(raw: string): string {
	let t = raw.replace(/[\u00a0\u3000\s]+/g, ' ').trim();
	if (/^[\d\s.,，]+$/.test(t)) t = t.replace(/\s+/g, '');
	// Spaces between CJK characters are layout, not content (结 果 维 持).
	t = t.replace(/([\u3400-\u9fff（）])\s+(?=[\u3400-\u9fff（）])/g, '$1');
	return t;
}

/** Text between blocks, collected until a block boundary turns it into trimmed, non-empty lines. */
export function lineBuffer() {
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

// The same reading as a walk over cheerio's DOM (tests/oracles/html-dom.ts, the spec's oracle), from htmlparser2's
// events instead (cheerio builds its DOM from these very events, with the same options): no tree to allocate and
// walk. Each open element gets a frame saying how its content is read:
//   walk   — block structure: text to the line buffer, blocks flush it, tables become rows
//   text   — a <title> or a table cell, every text node a part, blocks/rows/br add newlines
//   skip   — ignored subtree (head, script, style…; in a table, whatever is not a row or a cell)
//   table / section / row — a table's row structure (rows directly or in thead/tbody/tfoot, cells td/th)
type Mode = 'walk' | 'text' | 'skip' | 'table' | 'section' | 'row';
interface Frame {
	mode: Mode;
	name: string;
	/** text frames: the element ends a cell or the title. */
	role?: 'cell' | 'title';
}

/**
 * Elements open at once. Real reports nest a few dozen deep; htmlparser2's cost per tag grows with the depth
 * (its open-element stack is searched), so 200,000 nested elements took the server 28 s. Deeper is refused.
 */
export const MAX_HTML_DEPTH = 1000;

/** The HTML nests deeper than MAX_HTML_DEPTH: reading stopped there. */
export class HtmlTooDeep extends Error {}

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
				if (stack.length > MAX_HTML_DEPTH) throw new HtmlTooDeep(`HTML nests deeper than ${MAX_HTML_DEPTH}`);
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
	// Case-insensitive searches, not lower-cased copies: no character outside ASCII lower-cases into these tags.
	const head = html.slice(0, 4096);
	const tail = html.slice(-4096);
	if (/<html[\s>]/i.test(head) && !/<\/(?:html|body)>/i.test(tail)) return true;
	// Unbalanced tables: more <table openings than closings.
	const opens = html.match(/<table[\s>]/gi)?.length ?? 0;
	const closes = html.match(/<\/table>/gi)?.length ?? 0;
	return opens > closes;
}
