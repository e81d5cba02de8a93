// HTML that does not come as an .html file, found by its content: markup saved as .txt by a crawler, or a page's
// HTML inside a JavaScript string literal (quotes escaped as \"), where only the literal is the report — the
// script around it (a `name:` field, other keys) is not read.

const TAG = /<\/?(?:p|td|th|tr|div|span|table|tbody|br|font|strong|h[1-6]|o:p)\b[^<>]{0,400}>/gi;
const ESCAPED_TAG = /<(?:p|td|th|tr|div|span|table|font)\b[^<>]{0,400}\\"|<\\\/(?:p|td|tr|div|span|table)>/i;
/** Tags in the first this many characters that make a text markup. */
const MIN_TAGS = 12;

/** Enough tags to be a page's markup rather than prose that mentions a tag. */
export function looksLikeMarkup(text: string): boolean {
	const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
	let n = 0;
	const tags = head.matchAll(TAG);
	while (!tags.next().done) if (++n >= MIN_TAGS) return true;
	return false;
}

/**
 * The markup inside a script's string literal, unescaped: the double- or single-quoted literal holding the most
 * tags, when the text has escaped markup at all; else null.
 */
export function markupInScript(text: string): string | null {
	if (!ESCAPED_TAG.test(text)) return null;
	let best: string | null = null;
	let bestTags = 0;
	for (const m of text.matchAll(/"((?:[^"\\\n]|\\.){40,})"|'((?:[^'\\\n]|\\.){40,})'/g)) {
		const body = unescapeJs(m[1] ?? m[2]);
		const tags = [...body.matchAll(TAG)].length;
		if (tags > bestTags) {
			best = body;
			bestTags = tags;
		}
	}
	return bestTags >= MIN_TAGS ? best : null;
}

const SIMPLE: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

export function unescapeJs(s: string): string {
	return s.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g, (_, e: string) => {
		if (e[0] === 'u') return String.fromCodePoint(parseInt(e[1] === '{' ? e.slice(2, -1) : e.slice(1), 16));
		if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
		if (e === '\n' || e === '\r\n') return '';
		return SIMPLE[e] ?? e;
	});
}
