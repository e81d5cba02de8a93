// The few DOM questions the listing reader asks, over htmlparser2's document (no tokenizer of our own).
import { parseDocument, DomUtils } from 'htmlparser2';
import type { AnyNode, Document, Element } from 'domhandler';

export type { Element, Document };

export function parseHtml(html: string): Document {
	return parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

export function isElement(n: AnyNode | null | undefined): n is Element {
	return !!n && (n.type === 'tag' || n.type === 'script' || n.type === 'style');
}

export function elements(root: AnyNode | AnyNode[], tag: string | ((e: Element) => boolean)): Element[] {
	const test = typeof tag === 'string' ? (e: Element) => e.name === tag : tag;
	return DomUtils.findAll(test, Array.isArray(root) ? root : [root]);
}

/** Visible text, whitespace collapsed; script and style left out. */
export function text(n: AnyNode | AnyNode[]): string {
	const parts: string[] = [];
	const walk = (x: AnyNode) => {
		if (x.type === 'text') parts.push((x as unknown as { data: string }).data);
		else if (isElement(x) && x.name !== 'script' && x.name !== 'style') for (const c of x.children) walk(c);
		else if (x.type === 'root') for (const c of (x as Document).children) walk(c);
	};
	for (const x of Array.isArray(n) ? n : [n]) walk(x);
	return parts
		.join('')
		.replace(/[\s\u00a0\u3000]+/g, ' ')
		.trim();
}

/** The raw text inside a script element. */
export function scriptText(e: Element): string {
	return e.children.map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : '')).join('');
}

export function attr(e: Element, name: string): string {
	return (e.attribs[name] ?? '').trim();
}

export function parentElement(e: AnyNode): Element | null {
	return isElement(e.parent) ? e.parent : null;
}

export function elementChildren(e: Element): Element[] {
	return e.children.filter(isElement);
}

const CHROME_TAGS = new Set(['header', 'footer', 'nav']);
const CHROME_NAME =
	/(?:^|[-_\s])(?:head|header|top|foot|footer|bottom|copyright|banner|nav|navbar|menu|bq|wzdt)(?:[-_\s\d]|$)/i;

/** Inside the page's header, footer or navigation: dates and links there are not items. */
export function inChrome(e: Element): boolean {
	for (let x: Element | null = e; x; x = parentElement(x)) {
		if (CHROME_TAGS.has(x.name)) return true;
		if (CHROME_NAME.test(attr(x, 'class')) || CHROME_NAME.test(attr(x, 'id'))) return true;
	}
	return false;
}
