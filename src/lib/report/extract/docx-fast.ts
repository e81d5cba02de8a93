// DOCX fast path: word/document.xml read directly (fflate + a small XML scanner) into the same lines that
// extractHtml(mammoth.convertToHtml(…)) gives, without mammoth's xmldom tree (most of a DOCX's parse time). It
// covers plain WordprocessingML (paragraphs, runs, text, tabs, line breaks, tables with gridSpan/vMerge) and gives
// up — returns null, and the caller uses mammoth — on anything whose HTML could differ: fields, drawings, notes,
// tracked changes, content controls, nested tables, run formatting inside table cells (mammoth's <strong>… splits
// a cell's text where extractHtml joins parts with a space), bookmarks inside cells, page breaks, all-caps.
import { unzipSync } from 'fflate';
import type { Doc, DocLine } from './doc';
import { cleanCell } from './html';

/** Thrown inside the scanner: this document needs mammoth. */
class Unsupported extends Error {}

const unsupported = (what: string): never => {
	throw new Unsupported(what);
};

/** Elements whose whole subtree mammoth ignores or we do not need (properties are read where they matter). */
const SKIP_IN_BODY = new Set(['w:sectPr', 'w:bookmarkStart', 'w:bookmarkEnd']);
const SKIP_IN_PARAGRAPH = new Set([
	'w:bookmarkEnd',
	'w:proofErr',
	'w:commentRangeStart',
	'w:commentRangeEnd',
	'w:permStart',
	'w:permEnd'
]);
const SKIP_IN_RUN = new Set(['w:lastRenderedPageBreak']);
/** Run properties that become an HTML element in mammoth's output (or change the text: caps). */
const CELL_FORMATTING = new Set([
	'w:b',
	'w:i',
	'w:strike',
	'w:dstrike',
	'w:vertAlign',
	'w:rStyle',
	'w:u',
	'w:highlight',
	'w:smallCaps'
]);

const W_NS =
	/\sxmlns:w="(?:http:\/\/schemas\.openxmlformats\.org\/wordprocessingml\/2006\/main|http:\/\/purl\.oclc\.org\/ooxml\/wordprocessingml\/main)"/;

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
	if (!s.includes('&')) return s;
	return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
		if (e[0] === '#') {
			const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
			return cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : unsupported('entity');
		}
		return ENTITY[e] ?? unsupported(`entity ${m}`);
	});
}

function attr(attrs: string, name: string): string | undefined {
	const i = attrs.indexOf(name + '=');
	if (i < 0) return undefined;
	// The attribute name must start there (not be the tail of a longer one).
	if (i > 0 && !/\s/.test(attrs[i - 1])) return undefined;
	const q = attrs[i + name.length + 1];
	const end = attrs.indexOf(q, i + name.length + 2);
	if ((q !== '"' && q !== "'") || end < 0) return unsupported('attribute');
	return decodeEntities(attrs.slice(i + name.length + 2, end));
}

interface Cell {
	text: string;
	colSpan: number;
	/** mammoth's readVMerge: true = continue, false = restart, null = no vMerge. */
	vMerge: boolean | null;
}

/** Lines of a DOCX, or null when it is not plain enough to read without mammoth. */
export function readDocxFast(bytes: Uint8Array): Doc | null {
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || f.name === '_rels/.rels' });
	} catch {
		return null; // mammoth decides what a damaged file is
	}
	const rels = files['_rels/.rels'];
	const main = files['word/document.xml'];
	if (!rels || !main) return null;
	const dec = new TextDecoder('utf-8', { fatal: true });
	try {
		// mammoth finds the main part through the package relationships; only the usual target is read here.
		const relText = dec.decode(rels);
		const targets = [...relText.matchAll(/<Relationship\s[^>]*Type="[^"]*\/officeDocument"[^>]*>/g)].map(
			(m) => /Target="([^"]*)"/.exec(m[0])?.[1]
		);
		if (targets.length !== 1 || (targets[0] !== 'word/document.xml' && targets[0] !== '/word/document.xml'))
			return null;
		return readDocument(dec.decode(main));
	} catch (e) {
		if (e instanceof Unsupported || e instanceof TypeError) return null;
		throw e;
	}
}

function readDocument(xml: string): Doc {
	const lines: DocLine[] = [];
	const stack: string[] = [];
	let skip = 0; // depth inside a skipped subtree
	let inText = false;
	let para: string | null = null;
	let cellParas: string[] | null = null;
	let cell: Cell | null = null;
	let row: Cell[] | null = null;
	let rows: Cell[][] | null = null;

	const open = (name: string, attrs: string, selfClosing: boolean): boolean => {
		const parent = stack.length ? stack[stack.length - 1] : '';
		// mammoth reads names by namespace URI: only the main namespace bound to w: on the root is read here.
		if (attrs.includes('xmlns:w=') && !(name === 'w:document' && parent === '' && W_NS.test(attrs)))
			unsupported('namespace');
		// Returning true: the element's subtree is skipped (properties are still read by the scanner).
		switch (parent) {
			case '':
				if (name !== 'w:document' || !W_NS.test(attrs)) unsupported(name);
				break;
			case 'w:document':
				if (name !== 'w:body') unsupported(name);
				break;
			case 'w:body':
				if (name === 'w:p') para = '';
				else if (name === 'w:tbl') rows = [];
				else if (SKIP_IN_BODY.has(name)) return true;
				else unsupported(name);
				break;
			case 'w:tbl':
				if (name === 'w:tblPr' || name === 'w:tblGrid') return true;
				if (name !== 'w:tr') unsupported(name);
				row = [];
				break;
			case 'w:tr':
				if (name === 'w:trPr') {
					// Read for w:del (a deleted row) below; w:tblHeader only makes <thead>/<th>, read alike.
					return true;
				}
				if (name !== 'w:tc') unsupported(name);
				cell = { text: '', colSpan: 1, vMerge: null };
				cellParas = [];
				break;
			case 'w:tc':
				if (name === 'w:tcPr') return true;
				if (name !== 'w:p') unsupported(name); // nested tables and the rest: mammoth
				para = '';
				break;
			case 'w:p':
			case 'w:hyperlink':
				if (name === 'w:pPr' && parent === 'w:p') return true;
				if (name === 'w:r') break;
				if (name === 'w:hyperlink' && parent === 'w:p' && !cell) break;
				if (SKIP_IN_PARAGRAPH.has(name)) return true;
				if (name === 'w:bookmarkStart' && !cell) return true;
				unsupported(name);
				break;
			case 'w:r':
				if (name === 'w:rPr') return true;
				if (name === 'w:t') inText = !selfClosing;
				else if (name === 'w:tab') para += '\t';
				else if (name === 'w:br') {
					const type = attr(attrs, 'w:type');
					if (type !== undefined && type !== 'textWrapping') unsupported('break');
					para += '\n';
				} else if (name === 'w:noBreakHyphen') para += '\u2011';
				else if (name === 'w:softHyphen') para += '\u00ad';
				else if (SKIP_IN_RUN.has(name)) return true;
				else unsupported(name);
				break;
			case 'w:t':
				unsupported(name);
				break;
			default:
				unsupported(`${name} in ${parent}`);
		}
		if (!selfClosing) stack.push(name);
		else close(name);
		return false;
	};

	// Properties inside a skipped w:pPr / w:rPr / w:trPr / w:tcPr subtree.
	const runProperty = (name: string) => {
		if (name === 'w:caps') unsupported('caps');
		if (cell && CELL_FORMATTING.has(name)) unsupported(`${name} in a cell`);
	};

	const property = (owner: string, name: string, attrs: string) => {
		if (name === 'w:del' || name === 'w:ins' || name === 'w:moveFrom' || name === 'w:moveTo')
			unsupported('tracked change');
		if (owner === 'w:tcPr' && cell) {
			if (name === 'w:gridSpan') {
				const v = attr(attrs, 'w:val');
				const n = v === undefined ? 1 : parseInt(v, 10);
				if (!(n >= 1)) unsupported('gridSpan');
				cell.colSpan = n;
			} else if (name === 'w:vMerge') {
				const v = attr(attrs, 'w:val');
				cell.vMerge = v === 'continue' || !v;
			}
		}
		if (owner === 'w:rPr') runProperty(name);
	};

	const close = (name: string) => {
		switch (name) {
			case 'w:t':
				inText = false;
				break;
			case 'w:p':
				if (cellParas) cellParas.push(para!);
				else paragraphLines(para!, lines);
				para = null;
				break;
			case 'w:tc':
				// extractHtml joins a cell's text nodes and block ends with spaces; cleanCell collapses them.
				cell!.text = cleanCell(cellParas!.join('\n'));
				row!.push(cell!);
				cell = null;
				cellParas = null;
				break;
			case 'w:tr':
				rows!.push(row!);
				row = null;
				break;
			case 'w:tbl':
				tableLines(rows!, lines);
				rows = null;
				break;
		}
	};

	// The scanner: tags, text, and the declarations WordprocessingML starts with.
	let i = 0;
	const n = xml.length;
	while (i < n) {
		const lt = xml.indexOf('<', i);
		const textEnd = lt < 0 ? n : lt;
		if (textEnd > i && inText && skip === 0) para = (para as string | null) + decodeEntities(xml.slice(i, textEnd));
		if (lt < 0) break;
		const c = xml.charCodeAt(lt + 1);
		if (c === 0x3f /* ? */) {
			const e = xml.indexOf('?>', lt);
			if (e < 0) unsupported('xml');
			i = e + 2;
			continue;
		}
		if (c === 0x21 /* ! */) {
			if (!xml.startsWith('<!--', lt)) unsupported('CDATA or DOCTYPE');
			const e = xml.indexOf('-->', lt);
			if (e < 0) unsupported('comment');
			i = e + 3;
			continue;
		}
		const gt = xml.indexOf('>', lt);
		if (gt < 0) unsupported('tag');
		// '>' may not appear unescaped inside attribute values of this vocabulary; be strict about it.
		let body = xml.slice(lt + 1, gt);
		let quotes = 0;
		for (let q = body.indexOf('"'); q >= 0; q = body.indexOf('"', q + 1)) quotes++;
		if (quotes % 2 !== 0) unsupported('> in attribute');
		i = gt + 1;
		if (body.charCodeAt(0) === 0x2f /* / */) {
			const name = body.slice(1).trim();
			const top = stack.pop();
			if (top !== name) unsupported('mismatched tag');
			if (skip > 0) {
				skip--;
				continue;
			}
			close(name);
			continue;
		}
		const selfClosing = body.endsWith('/');
		if (selfClosing) body = body.slice(0, -1);
		let sp = -1;
		for (let k = 0; k < body.length; k++) {
			const ch = body.charCodeAt(k);
			if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) {
				sp = k;
				break;
			}
		}
		const name = sp < 0 ? body : body.slice(0, sp);
		const attrs = sp < 0 ? '' : body.slice(sp);
		if (skip > 0) {
			// Inside w:pPr/w:rPr/w:trPr/w:tcPr (or a subtree mammoth ignores): properties only.
			let owner = '';
			for (let k = stack.length - 1; k >= 0; k--)
				if (stack[k] === 'w:rPr' || stack[k] === 'w:tcPr' || stack[k] === 'w:trPr' || stack[k] === 'w:pPr') {
					owner = stack[k];
					break;
				}
			if (attrs.includes('xmlns:w=')) unsupported('namespace');
			if (owner) property(owner, name, attrs);
			if (!selfClosing) {
				skip++;
				stack.push(name);
			}
			continue;
		}
		if (open(name, attrs, selfClosing) && !selfClosing) {
			skip = 1;
			stack.push(name);
		}
	}
	if (stack.length) unsupported('unclosed');
	return { lines, title: undefined };
}

/** A paragraph outside tables: extractHtml's flush of one block. */
function paragraphLines(text: string, lines: DocLine[]): void {
	for (const l of text.split('\n')) {
		const s = l.replace(/[\u00a0\s]+/g, ' ').trim();
		if (s) lines.push({ text: s, cells: null });
	}
}

/** mammoth's calculateRowSpans (a vMerge continuation under an open cell disappears), then extractHtml's rows. */
function tableLines(rows: Cell[][], lines: DocLine[]): void {
	const columns: Record<number, Cell> = {};
	const merged = new Set<Cell>();
	for (const row of rows) {
		let index = 0;
		for (const cell of row) {
			if (cell.vMerge && columns[index]) merged.add(cell);
			else columns[index] = cell;
			index += cell.colSpan;
		}
	}
	for (const row of rows) {
		const cells = row.filter((c) => !merged.has(c)).map((c) => c.text);
		if (cells.every((c) => c === '')) continue;
		lines.push({ text: cells.join(' | '), cells });
	}
}
