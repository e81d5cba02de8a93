// The address a saved page came from: browsers write `<!-- saved from url=(0058)http://… -->` into pages saved
// whole; portals often give <link rel="canonical"> or og:url. Links in the page resolve against it.
import { attr, elements, type Document } from './dom';
import { parseHtml } from './dom';

export function savedPageUrl(html: string, doc: Document = parseHtml(html.slice(0, 200_000))): string | null {
	const saved = html.slice(0, 2000).match(/<!--\s*saved from url=\(\d+\)\s*(https?:\/\/[^\s>]+?)\s*-->/i)?.[1];
	if (saved) return saved;
	const canonical = elements(doc, (e) => e.name === 'link' && /(?:^|\s)canonical(?:\s|$)/i.test(attr(e, 'rel')))[0];
	const og = elements(doc, (e) => e.name === 'meta' && attr(e, 'property') === 'og:url')[0];
	for (const u of [canonical && attr(canonical, 'href'), og && attr(og, 'content')])
		if (u && /^https?:\/\//i.test(u)) return u;
	return null;
}
