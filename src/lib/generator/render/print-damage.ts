// What publishing and converting do to a report's text, as renderings (pure functions of the text; `rng`
// decides where): a heading with a stray character, a typo or no heading at all; a row of zeros run together,
// with the next heading on the same line; section 3 converted from PDF to Markdown with the labels detached
// from their value rows, page numbers inside the table and rows of 7 and 9 cells mixed. They work on any
// table text whose cells are separated by `|` (the generator's pipe rendering, a PDF's text layer).
import type { Rng } from '../prng';
import { SECTIONS } from '../../report/template';

export type HeadingDamage = 'stray' | 'typo' | 'lost';

const HEAD = /^\s*([一二三四五六])\s*、\s*(.*)$/;
const STRAY = ['的', '之', '丶', '·', '口'];
const TYPO: Record<string, string> = {
	情: '清',
	况: '兄',
	公: '分',
	开: '升',
	政: '致',
	行: '衍',
	议: '仪',
	讼: '松',
	请: '清',
	报: '极'
};

/** Index of the line holding section `id`'s heading (ordinal + the template's title), or -1. */
function headingLine(lines: string[], id: string): number {
	const s = SECTIONS.find((x) => x.id === id)!;
	const key = s.title.replace(/[、，]/g, '');
	return lines.findIndex((l) => {
		const m = HEAD.exec(l);
		return !!m && m[1] === s.ordinal && m[2].replace(/[、，\s]/g, '').startsWith(key.slice(0, 4));
	});
}

/**
 * Section `id`'s heading damaged: a stray character inside its keyword, one character mistyped, or the heading
 * line dropped ('lost'; for the table sections 2–4, whose tables still carry their header words).
 */
export function damageHeading(text: string, id: string, kind: HeadingDamage, rng: Rng): string {
	const lines = text.split('\n');
	const at = headingLine(lines, id);
	if (at < 0) return text;
	if (kind === 'lost') {
		lines.splice(at, 1);
		return lines.join('\n');
	}
	const m = HEAD.exec(lines[at])!;
	const title = m[2];
	const s = SECTIONS.find((x) => x.id === id)!;
	const word = s.keywords.find((k) => title.includes(k)) ?? title;
	const from = title.indexOf(word);
	if (kind === 'stray') {
		// Inside the keyword, so that the keyword itself is broken.
		const p = from + 1 + rng.int(0, Math.max(0, word.length - 2));
		lines[at] = `${m[1]}、${title.slice(0, p)}${rng.pick(STRAY)}${title.slice(p)}`;
	} else {
		const spots = [...title].map((c, i) => (TYPO[c] ? i : -1)).filter((i) => i >= 0);
		if (spots.length === 0) return text;
		const p = rng.pick(spots);
		lines[at] = `${m[1]}、${title.slice(0, p)}${TYPO[title[p]]}${title.slice(p + 1)}`;
	}
	return lines.join('\n');
}

interface TableRow {
	label: string[];
	figs: string[];
}

const FIG = /^-?\d+(?:\.\d+)?$/;

/** A `|`-separated line as label cells and the figures after them; null when it has no figure. */
function tableRow(line: string): TableRow | null {
	if (!line.includes('|')) return null;
	const cells = line
		.split('|')
		.map((c) => c.trim())
		.filter((c) => c !== '');
	let k = cells.length;
	while (k > 0 && FIG.test(cells[k - 1])) k--;
	if (k === cells.length) return null;
	return { label: cells.slice(0, k), figs: cells.slice(k) };
}

/** Lines [start, end) of section 3's table: from its heading to section 4's. */
function section3Lines(lines: string[]): [number, number] | null {
	const a = headingLine(lines, '3');
	const b = headingLine(lines, '4');
	return a >= 0 && b > a ? [a + 1, b] : null;
}

/**
 * Section 3's rows of zeros printed as scraped text often has them: the label, then the zeros run together
 * (`四、结转下年度继续办理 0000000`); `withHeading` also runs the table's last row into section 4's heading.
 */
export function runTogetherZeros(text: string, withHeading: boolean): string {
	const lines = text.split('\n');
	const range = section3Lines(lines);
	if (!range) return text;
	const [from, to] = range;
	let last = -1;
	for (let i = from; i < to; i++) {
		const r = tableRow(lines[i]);
		if (!r || r.figs.length !== 7) continue;
		last = i;
		if (r.figs.every((f) => f === '0')) lines[i] = `${r.label.join(' ')} ${r.figs.join('')}`;
	}
	if (withHeading && last === to - 1 && !lines[last].includes('|')) {
		lines[last] = `${lines[last]} ${lines[to].trim()}`;
		lines.splice(to, 1);
	}
	return lines.join('\n');
}

/**
 * Section 3 as a PDF-to-Markdown conversion prints it: runs of 2–4 rows whose labels come first, as plain lines
 * broken in two, then their figures as label-less Markdown rows; now and then a page number on a line of its
 * own before a value row, and a row with a blank ninth cell.
 */
export function detachLabels(text: string, rng: Rng): string {
	const lines = text.split('\n');
	const range = section3Lines(lines);
	if (!range) return text;
	const [from, to] = range;
	const out: string[] = lines.slice(0, from);
	const md = (cells: string[]) => `| ${cells.join(' | ')} |`;
	const rule = (n: number) => `|${'---|'.repeat(n)}`;
	let page = rng.int(2, 9);
	for (let i = from; i < to;) {
		const r = tableRow(lines[i]);
		if (!r || r.figs.length !== 7) {
			out.push(lines[i++]);
			continue;
		}
		// The run: consecutive rows of seven figures.
		const run: TableRow[] = [];
		const size = rng.int(1, 4);
		while (i < to && run.length < size) {
			const x = tableRow(lines[i]);
			if (!x || x.figs.length !== 7) break;
			run.push(x);
			i++;
		}
		if (run.length === 1) {
			const cells = [...run[0].label, ...run[0].figs];
			out.push(md(rng.chance(0.3) ? [...cells, ''] : cells));
			continue;
		}
		for (const x of run) out.push(...breakLabel(x.label.join(''), rng));
		for (const x of run) {
			if (rng.chance(0.15)) out.push(String(page++));
			out.push(md(x.figs), rule(7));
		}
	}
	out.push(...lines.slice(to));
	return out.join('\n');
}

/** A label broken over two lines as a narrow PDF cell wraps it; no piece is a bare list number. */
function breakLabel(label: string, rng: Rng): string[] {
	const cuts: number[] = [];
	for (let c = 2; c < label.length - 1; c++)
		if (!/^[\d.、（）()\s]*$/.test(label.slice(0, c)) && !/^[\d.、（）()\s]*$/.test(label.slice(c))) cuts.push(c);
	if (cuts.length === 0) return [label];
	const c = rng.pick(cuts);
	return [label.slice(0, c), label.slice(c)];
}
