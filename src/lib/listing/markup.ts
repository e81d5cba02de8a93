// Items written in the page's markup: <li><a>title</a><span>date</span></li> lists (TRS, Hanweb's rendered pages,
// most hand-made portals), tables of items (<tr><td><a>…</a></td><td>date</td></tr>), and <dl>/<div> rows. Each
// link with a date beside it is a candidate; candidates are grouped by their row's shape and place, and the largest
// group is the listing (a sidebar of "latest news" loses to the column itself; the header and footer never count).
import type { AnyNode } from 'domhandler';
import { attr, elementChildren, elements, inChrome, parentElement, text, type Element } from './dom';
import { fullDate, headingYear, shortDate } from './dates';
import { resolveLink } from './links';
import { cleanTitle, titleOf } from './title';
import type { RawItem, Shape } from './types';
import { isPagerText } from './pagination';

const ROW_TAGS = new Set(['li', 'tr', 'dd', 'dt', 'dl']);
const BLOCK_TAGS = new Set(['div', 'p', 'span', 'h3', 'h4', 'h5', 'section', 'article']);
const DATE_CLASS = /date|time|rq|sj|riqi|shijian/i;

export interface MarkupGroup {
	shape: Shape;
	items: RawItem[];
}

/** The largest group of dated links in the markup, or null when there is none. */
export function markupItems(root: AnyNode | AnyNode[], base: string | null): MarkupGroup | null {
	const groups = new Map<string, { shape: Shape; items: RawItem[]; seen: Set<string> }>();
	const rowsDone = new Set<Element>();
	for (const a of elements(root, 'a')) {
		const url = resolveLink(attr(a, 'href'), base);
		if (!url || isPagerText(text(a))) continue;
		const row = rowOf(a);
		if (!row || rowsDone.has(row) || inChrome(row)) continue;
		rowsDone.add(row);
		const item = itemOf(row, base);
		if (!item) continue;
		const parent = parentElement(row);
		const grand = parent ? parentElement(parent) : null;
		const key = [
			row.name,
			attr(row, 'class'),
			parent?.name,
			attr(parent ?? row, 'class'),
			nodeId(grand ?? parent ?? row)
		].join('|');
		let g = groups.get(key);
		if (!g) groups.set(key, (g = { shape: row.name === 'tr' ? 'table' : 'list', items: [], seen: new Set() }));
		if (g.seen.has(item.url)) continue;
		g.seen.add(item.url);
		g.items.push(item);
	}
	let best: { shape: Shape; items: RawItem[] } | null = null;
	for (const g of groups.values()) if (!best || g.items.length > best.items.length) best = g;
	return best && best.items.length ? { shape: best.shape, items: best.items } : null;
}

const ids = new WeakMap<object, number>();
let lastId = 0;
function nodeId(n: object): number {
	let id = ids.get(n);
	if (id === undefined) ids.set(n, (id = ++lastId));
	return id;
}

/** The row a link belongs to: the nearest li/tr/dd, or a block that repeats among its siblings. */
function rowOf(a: Element): Element | null {
	let x: Element | null = parentElement(a);
	for (let depth = 0; x && depth < 5; depth++, x = parentElement(x)) {
		if (ROW_TAGS.has(x.name)) {
			// <dl><dt><a>title</a></dt><dd>date</dd></dl> per item: the dl is the row.
			const p = parentElement(x);
			return (x.name === 'dt' || x.name === 'dd') && p?.name === 'dl' && elementChildren(p).length <= 3 ? p : x;
		}
		if (BLOCK_TAGS.has(x.name)) {
			const p = parentElement(x);
			if (!p) continue;
			const same = elementChildren(p).filter((c) => c.name === x!.name && attr(c, 'class') === attr(x!, 'class'));
			if (same.length >= 2 && elements(x, 'a').length <= 3) return x;
		}
	}
	return null;
}

function itemOf(row: Element, base: string | null): RawItem | null {
	// The title link: the one with the longest text (a row may also carry a [栏目] link or an attachment icon).
	let best: { a: Element; title: string; url: string } | null = null;
	for (const a of elements(row, 'a')) {
		const url = resolveLink(attr(a, 'href'), base);
		if (!url) continue;
		const dateEl = elements(a, (e) => DATE_CLASS.test(attr(e, 'class')))[0];
		const shown = dateEl
			? text(a.children.filter((c) => c !== dateEl && !(c.type === 'tag' && elements(c, (e) => e === dateEl).length)))
			: text(a);
		const title = cleanTitle(titleOf(a, shown));
		if (!title || isPagerText(title)) continue;
		if (!best || title.length > best.title.length) best = { a, title, url };
	}
	if (!best) return null;
	const dateText = dateTextOf(row, best.a);
	const date = fullDate(dateText);
	const short = date ? null : shortDate(dateText);
	if (!date && !short) return null;
	return {
		title: best.title.replace(/\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*$/, '') || best.title,
		url: best.url,
		date,
		short,
		headingYear: short ? yearAbove(row) : null
	};
}

/** The row's text outside the title link (a date inside the link counts only when marked by its class). */
function dateTextOf(row: Element, link: Element): string {
	const marked = elements(row, (e) => DATE_CLASS.test(attr(e, 'class')) || e.name === 'time');
	for (const m of marked) {
		const t = text(m);
		if (fullDate(t) || shortDate(t)) return t;
	}
	const parts: string[] = [];
	const walk = (n: AnyNode) => {
		if (n === link) return;
		if (n.type === 'text') parts.push((n as unknown as { data: string }).data);
		else if (n.type === 'tag') for (const c of (n as Element).children) walk(c);
	};
	walk(row);
	const outside = parts.join(' ').replace(/\s+/g, ' ');
	if (fullDate(outside) || shortDate(outside)) return outside;
	// A table row may put the date in a cell of its own.
	for (const td of elements(row, 'td')) {
		const t = text(td);
		if (fullDate(t) || shortDate(t.trim())) return t;
	}
	return outside;
}

/** The nearest “2024年” heading before the row, within its list's container. */
function yearAbove(row: Element): number | null {
	for (let x: Element | null = row, depth = 0; x && depth < 4; x = parentElement(x), depth++) {
		const p = parentElement(x);
		if (!p) break;
		const sibs = elementChildren(p);
		for (let i = sibs.indexOf(x) - 1; i >= 0; i--) {
			const y = headingYear(text(sibs[i]));
			if (y) return y;
		}
	}
	return null;
}
