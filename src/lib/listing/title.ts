// An item's title: the link text, or the `title` attribute when the text is cut ("…", "...") or is its prefix.
import { attr, text, type Element } from './dom';

const CUT = /(?:…+|\.{2,}|。{2,})\s*$/;

export function titleOf(a: Element, shown = text(a)): string {
	const full = attr(a, 'title').replace(/\s+/g, ' ');
	const visible = shown.replace(CUT, '').trim();
	if (full && (CUT.test(shown) || !visible || (full.startsWith(visible) && full.length > visible.length))) return full;
	return shown.trim() || full;
}

export function cleanTitle(s: string): string {
	return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}
