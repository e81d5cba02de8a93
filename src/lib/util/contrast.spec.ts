// The contrast function against WCAG's own figures, then the app's palette (src/app.css as shipped) held to AA:
// text 4.5:1 on each background it is drawn on, input borders 3:1. The browser test measures the rendered page.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { contrastRatio, over, parseColor } from './contrast';

describe('contrast ratio', () => {
	it('matches the WCAG reference values', () => {
		expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#fff', '#fff')).toBeCloseTo(1, 5);
		// #767676 is the lightest grey that passes 4.5:1 on white; #777 just fails.
		expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
		expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
		expect(contrastRatio('rgb(255, 0, 0)', 'rgb(255, 255, 255)')).toBeCloseTo(4, 1);
	});

	it('reads computed-style colours and lays translucent ones over their background', () => {
		expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
		expect(parseColor('rgb(29 39 51 / 50%)')).toEqual({ r: 29, g: 39, b: 51, a: 0.5 });
		expect(parseColor('transparent')).toBeNull();
		expect(over({ r: 0, g: 0, b: 0, a: 0.5 }, { r: 255, g: 255, b: 255, a: 1 })).toEqual({
			r: 127.5,
			g: 127.5,
			b: 127.5,
			a: 1
		});
	});
});

const css = readFileSync('src/app.css', 'utf8');
const root = Object.fromEntries([...css.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g)].map((m) => [m[1], m[2]]));
/** A declaration of a rule in app.css, custom properties resolved. */
function decl(selector: string, property: string): string {
	const block = new RegExp(`(^|\\n)${selector.replace(/\./g, '\\.')}\\s*\\{([^}]*)\\}`).exec(css)?.[2];
	const value = block && new RegExp(`(^|[;\\s])${property}:\\s*([^;]+);`).exec(block)?.[2].trim();
	if (!value) throw new Error(`${selector} { ${property} } not in app.css`);
	return value.replace(/var\(--([\w-]+)\)/, (_, v: string) => root[v]);
}

describe('the palette meets WCAG AA', () => {
	it('tags: the text on the tag colour', () => {
		for (const tag of ['.tag', '.tag.error', '.tag.warning', '.tag.ok'])
			expect(contrastRatio(decl(tag, 'color'), decl(tag, 'background')), tag).toBeGreaterThanOrEqual(4.5);
	});

	it('text colours on the page, panel and marked-cell backgrounds', () => {
		// Marked cells on the report page: warning #fff7e6, error #fdecea, selected #e6eef7, source line #ffe58f.
		const backgrounds = [root.panel, root.bg, '#fff7e6', '#fdecea', '#e6eef7', '#eef1f5'];
		for (const fg of ['ink', 'muted', 'brand', 'accent', 'ok', 'warn'])
			for (const bg of backgrounds) expect(contrastRatio(root[fg], bg), `--${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
		expect(contrastRatio(root.ink, '#ffe58f')).toBeGreaterThanOrEqual(4.5);
		expect(contrastRatio(root['brand-ink'], root.brand)).toBeGreaterThanOrEqual(4.5);
	});

	it('input borders against the field and the panel', () => {
		const border = decl('textarea', 'border').split(' ').pop()!;
		expect(contrastRatio(border, decl('textarea', 'background'))).toBeGreaterThanOrEqual(3);
		expect(contrastRatio(border, root.bg)).toBeGreaterThanOrEqual(3);
	});
});
