// The core stays below the generator and the server: no file under src/lib/report imports them (the parser's
// round trips through the renderers are in tests/integration/parser), and no production file imports Node, the
// database or SvelteKit either.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE = dirname(fileURLToPath(import.meta.url));
const LIB = resolve(CORE, '..');
const FORBIDDEN_DIRS = ['generator', 'server'].map((d) => join(LIB, d));
const FORBIDDEN_LIB = /^\$lib\/(generator|server)(\/|$)/;
/** Also refused in production files (specs read their fixtures with node:fs). */
const FORBIDDEN_PLATFORM = /^(\$app\/|@sveltejs\/kit|node:|better-sqlite3|drizzle-orm)/;

function sources(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []
	);
}

/** Every module specifier a file names: static imports and re-exports, and dynamic import(). */
function specifiers(text: string): string[] {
	const out: string[] = [];
	for (const m of text.matchAll(
		/(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm
	))
		out.push(m[1] ?? m[2] ?? m[3]);
	return out;
}

/** The imports of `file` that reach out of the core's layer. */
function violations(file: string, text: string): string[] {
	const spec = file.endsWith('.spec.ts');
	return specifiers(text).filter((s) => {
		if (FORBIDDEN_LIB.test(s) || (!spec && FORBIDDEN_PLATFORM.test(s))) return true;
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
		expect(violations(file, text)).toEqual([
			'../generator/render/index',
			'../server/reports',
			'$lib/server/db',
			'node:fs'
		]);
		expect(violations(join(CORE, 'x.spec.ts'), text)).toEqual([
			'../generator/render/index',
			'../server/reports',
			'$lib/server/db'
		]);
		expect(specifiers(text)).toContain('./template');
	});

	it('no file under src/lib/report imports the generator or the server; no production file Node, the db or SvelteKit', () => {
		const files = sources(CORE);
		expect(files.length).toBeGreaterThan(30);
		const bad = files.flatMap((f) => violations(f, readFileSync(f, 'utf8')).map((s) => `${relative(LIB, f)} → ${s}`));
		expect(bad).toEqual([]);
	});
});
