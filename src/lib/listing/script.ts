// Items rendered in the browser from data in the page: a JSON island (<script type="application/json">), or a
// script array (`var listData = [{ title: '…', url: '…', pubDate: '2024-03-05' }, …]`). The array with the most
// items that have a title, a date and a link is the listing.
import { fullDate, shortDate } from './dates';
import { resolveLink } from './links';
import { cleanTitle } from './title';
import type { RawItem } from './types';

const TITLE_KEYS = ['title', 'doctitle', 'name', 'subject', 'bt', 'wzbt', 'topic', 'fulltitle', 'maintitle'];
const FULL_TITLE_KEYS = ['fulltitle', 'doctitle', 'title'];
const DATE_KEYS = [
	'pubdate',
	'publishdate',
	'publishtime',
	'pubtime',
	'docreltime',
	'docpubtime',
	'releasedate',
	'releasetime',
	'fbrq',
	'fbsj',
	'createtime',
	'createdate',
	'showtime',
	'date',
	'time',
	'cdate',
	'writetime'
];
const URL_KEYS = ['url', 'docpuburl', 'puburl', 'linkurl', 'detailurl', 'link', 'href', 'path', 'docurl'];

/** The best array of items in the scripts' data, or []. */
export function scriptItems(scripts: string[], base: string | null): RawItem[] {
	let best: RawItem[] = [];
	for (const s of scripts) {
		for (const value of dataIn(s)) {
			for (const arr of arraysOf(value)) {
				const items = arr.map((o) => itemOf(o, base)).filter((x): x is RawItem => !!x);
				if (items.length > best.length) best = items;
			}
		}
	}
	return best;
}

/** The JSON values a script holds: the whole text when it is JSON, else each array/object literal in it. */
function dataIn(script: string): unknown[] {
	const t = script.trim();
	if (!t) return [];
	try {
		return [JSON.parse(t)];
	} catch {
		/* not a JSON island: look for literals */
	}
	const out: unknown[] = [];
	const re = /[[{]\s*[{"'\w]/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(t))) {
		const end = closing(t, m.index);
		if (end < 0) continue;
		const literal = t.slice(m.index, end + 1);
		const value = parseLiteral(literal);
		if (value !== undefined && typeof value === 'object') {
			out.push(value);
			re.lastIndex = end + 1;
		}
	}
	return out;
}

/** The index of the bracket closing the one at `start`, skipping strings; -1 when unbalanced. */
function closing(t: string, start: number): number {
	let depth = 0;
	for (let i = start; i < t.length; i++) {
		const c = t[i];
		if (c === '"' || c === "'" || c === '`') {
			for (i++; i < t.length && t[i] !== c; i++) if (t[i] === '\\') i++;
		} else if (c === '[' || c === '{') depth++;
		else if (c === ']' || c === '}') {
			if (--depth === 0) return i;
		}
	}
	return -1;
}

/** JSON, or a JavaScript object literal made JSON: quoted keys, double-quoted strings, no trailing commas. */
function parseLiteral(s: string): unknown {
	try {
		return JSON.parse(s);
	} catch {
		/* fall through to the relaxed reading */
	}
	let out = '';
	for (let i = 0; i < s.length; i++) {
		const c = s[i];
		if (c === '"' || c === "'") {
			let str = '';
			for (i++; i < s.length && s[i] !== c; i++) {
				if (s[i] === '\\' && i + 1 < s.length) {
					const n = s[++i];
					str += n === "'" ? "'" : '\\' + n;
				} else if (s[i] === '"') str += '\\"';
				else str += s[i];
			}
			out += `"${str}"`;
		} else if (/[A-Za-z_$]/.test(c)) {
			let id = c;
			while (i + 1 < s.length && /[\w$]/.test(s[i + 1])) id += s[++i];
			const rest = s.slice(i + 1).match(/^\s*:/);
			out += rest ? `"${id}"` : id === 'true' || id === 'false' || id === 'null' ? id : '""';
		} else out += c;
	}
	try {
		return JSON.parse(out.replace(/,\s*([}\]])/g, '$1'));
	} catch {
		return undefined;
	}
}

function arraysOf(v: unknown, depth = 0): Record<string, unknown>[][] {
	if (depth > 6 || v === null || typeof v !== 'object') return [];
	if (Array.isArray(v)) {
		const objs = v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x));
		const nested = v.flatMap((x) => arraysOf(x, depth + 1));
		return objs.length ? [objs, ...nested] : nested;
	}
	return Object.values(v).flatMap((x) => arraysOf(x, depth + 1));
}

function pick(o: Record<string, unknown>, keys: string[]): string | null {
	const lower = new Map(Object.entries(o).map(([k, v]) => [k.toLowerCase().replace(/[_-]/g, ''), v]));
	for (const k of keys) {
		const v = lower.get(k);
		if (typeof v === 'string' && v.trim()) return v.trim();
		if (typeof v === 'number' && k.includes('time') && v > 9e11)
			return new Date(v + 8 * 3600_000).toISOString().slice(0, 10);
	}
	return null;
}

function itemOf(o: Record<string, unknown>, base: string | null): RawItem | null {
	const title = pick(o, FULL_TITLE_KEYS) ?? pick(o, TITLE_KEYS);
	const when = pick(o, DATE_KEYS);
	const href = pick(o, URL_KEYS);
	if (!title || !when || !href) return null;
	const url = resolveLink(href, base);
	if (!url) return null;
	const date = fullDate(when);
	const short = date ? null : shortDate(when);
	if (!date && !short) return null;
	return { title: cleanTitle(title.replace(/<[^>]+>/g, '')), url, date, short, headingYear: null };
}
