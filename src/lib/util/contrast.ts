// WCAG 2.x contrast between two colours, for the tests that hold the pages' text and borders to AA
// (4.5:1 for text, 3:1 for input borders and other UI components).

export interface Rgba {
	r: number;
	g: number;
	b: number;
	/** 0–1 */
	a: number;
}

/** `#rgb`, `#rrggbb`, `rgb(r, g, b)` or `rgba(r, g, b, a)` (what getComputedStyle returns); null for anything else. */
export function parseColor(text: string): Rgba | null {
	const s = text.trim().toLowerCase();
	const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(s);
	if (hex) {
		const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
		return { r: parseInt(h.slice(0, 2), 16), g: parseInt(h.slice(2, 4), 16), b: parseInt(h.slice(4, 6), 16), a: 1 };
	}
	const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(s);
	if (!fn) return null;
	const alpha = fn[4] === undefined ? 1 : fn[4].endsWith('%') ? parseFloat(fn[4]) / 100 : parseFloat(fn[4]);
	return { r: Number(fn[1]), g: Number(fn[2]), b: Number(fn[3]), a: alpha };
}

/** A translucent colour as seen over an opaque one. */
export function over(top: Rgba, bottom: Rgba): Rgba {
	const mix = (t: number, b: number) => t * top.a + b * (1 - top.a);
	return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

function channel(v: number): number {
	const c = v / 255;
	return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance (WCAG 2.x definition). */
export function luminance(c: Rgba): number {
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/** The contrast ratio, 1–21, of two opaque colours (order does not matter). */
export function contrastRatio(a: Rgba | string, b: Rgba | string): number {
	const pa = typeof a === 'string' ? parseColor(a) : a;
	const pb = typeof b === 'string' ? parseColor(b) : b;
	if (!pa || !pb) throw new Error(`not a colour: ${typeof a === 'string' ? a : ''} ${typeof b === 'string' ? b : ''}`);
	const [hi, lo] = [luminance(pa), luminance(pb)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}
