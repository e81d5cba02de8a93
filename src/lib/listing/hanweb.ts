// Hanweb (大汉) JCMS column pages: the items sit in <script type="text/xml"><datastore><recordset><record>
// <![CDATA[<li>…</li>]]></record>…</recordset></datastore></script>, rendered by the page's own pager script; the
// next group of pages, when the static page offers one, is the link in <nextgroup>.
import type { AnyNode } from 'domhandler';
import { elements, parseHtml, scriptText } from './dom';
import { markupItems } from './markup';
import { resolveLink } from './links';
import type { RawItem } from './types';

export interface HanwebData {
	items: RawItem[];
	next: string | null;
	/** <totalrecord>: how many the column holds in all, when given. */
	total: number | null;
}

/**
 * The datastore of a column page (inside a <script type="text/xml">), or the whole text when it is the answer of
 * Hanweb's dataproxy.jsp (the pages after the first: a bare <datastore> document).
 */
export function hanwebItems(html: string, root: AnyNode | AnyNode[], base: string | null): HanwebData | null {
	const stores = /^\s*(?:<\?xml[^>]*\?>\s*)?<datastore[\s>]/i.test(html)
		? [html]
		: elements(root, 'script').map(scriptText);
	for (const src of stores) {
		if (!/<datastore[\s>]/i.test(src)) continue;
		const records = [...src.matchAll(/<record>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/record>/gi)].map((m) => m[1]);
		const group = markupItems(parseHtml(`<ul>${records.join('\n')}</ul>`), base);
		const nextHref = src.match(/<nextgroup>\s*<!\[CDATA\[[\s\S]*?href\s*=\s*["']([^"']+)["']/i)?.[1];
		const total = src.match(/<totalrecord>\s*(\d+)\s*<\/totalrecord>/i)?.[1];
		return {
			items: group?.items ?? [],
			next: nextHref ? resolveLink(nextHref, base) : null,
			total: total ? Number(total) : null
		};
	}
	return null;
}
