// The core stays below the generator and the server: no production file under src/lib/report imports them
// (or Node, the database or SvelteKit). Specs may: the round-trip specs render through the generator.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE = dirname(fileURLToPath(import.meta.url));
const LIB = resolve(CORE, '..');
const FORBIDDEN_DIRS = ['generator', 'server'].map((d) => join(LIB, d));
const FORBIDDEN_PACKAGES = /^(\$lib\/(generator|server)(\/|$)|\$app\/|@sveltejs\/kit|node:|better-sqlite3|drizzle-orm)/;

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : []
	);
}

/** Every module specifier a file names: static imports and re-exports, and dynamic import(). */
function specifiers(text: string): string[] {
	const out: string[] = [];
	for (const m of text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm))
		out.push(m[1] ?? m[2] ?? m[3]);
	return out;
}

/** The imports of `file` that reach below the core's layer. */
function violations(file: string, text: string): string[] {
	return specifiers(text).filter((s) => {
		if (FORBIDDEN_PACKAGES.test(s)) return true;
		if (!s.startsWith('.')) return false;
		const target = resolve(dirname(file), s);
		return FORBIDDEN_DIRS.some((d) => target === d || target.startsWith(d + '/'));
	});
}

describe('core layering', () => {
	it('finds the imports it is meant to refuse', () => {
		const file = join(CORE, 'x.ts');
		const text = [
			"import { a } from '../generator/render/index';",
			"import type { B } from '../server/reports';",
			"export { c } from '$lib/server/db';",
			"const d = await import('node:fs');",
			"import './template';"
		].join('\n');
		expect(violations(file, text)).toEqual(['../generator/render/index', '../server/reports', '$lib/server/db', 'node:fs']);
		expect(specifiers(text)).toContain('./template');
	});

	it('no production file under src/lib/report imports the generator, the server, Node, the db or SvelteKit', () => {
		const files = sources(CORE);
		expect(files.length).toBeGreaterThan(30);
		const bad = files.flatMap((f) => violations(f, readFileSync(f, 'utf8')).map((s) => `${relative(LIB, f)} → ${s}`));
		expect(bad).toEqual([]);
	});
});
