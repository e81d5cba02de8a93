// Links as listing pages write them: relative to the page (./202403/t20240305_1.html), root-relative, or absolute.

/** The absolute URL of href against base, or null for links that lead nowhere (javascript:, #, mailto:). */
export function resolveLink(href: string, base: string | null): string | null {
	const h = href.trim().replace(/[\r\n\t]/g, '');
	if (!h || h.startsWith('#') || /^(javascript|mailto|tel|data):/i.test(h)) return null;
	try {
		return new URL(h, base ?? undefined).href;
	} catch {
		// No base and a relative link: keep it as written rather than invent a host.
		return base ? null : h;
	}
}
