// The repository stands on its own: a plain clone has nothing beside it, so no source, test, benchmark or npm
// script may reach for the team's shelf beside the checkout (nor its environment variable) or an absolute path here.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
// Spelled in pieces so that this file does not match itself.
const FORBIDDEN = [
	new RegExp(['\\.\\.', 'shared'].join('[\\\\/]')),
	new RegExp(['SHARED', 'DIR'].join('_')),
	new RegExp(['', 'work', ''].join('/') + '(shared|main|wt-)')
];
const TEXT = /(\.(ts|js|mjs|cjs|svelte|sh|json|sql|html|css)|^[^.]+)$/;

function files(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		if (name === 'node_modules' || name.startsWith('.')) continue;
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...files(path));
		else if (TEXT.test(name)) out.push(path);
	}
	return out;
}

/** The offending lines of a text, as `file:line: text`. */
export function offending(name: string, text: string): string[] {
	return text
		.split('\n')
		.flatMap((line, i) => (FORBIDDEN.some((re) => re.test(line)) ? [`${name}:${i + 1}: ${line.trim()}`] : []));
}

describe('the repository stands on its own', () => {
	it('recognises a path to the shelf (the check itself can fail)', () => {
		const shelf = ['..', 'shared', 'samples', 'x.txt'].join('/');
		expect(offending('a.ts', `read('${shelf}')`)).toHaveLength(1);
		expect(offending('a.ts', `process.env.${['SHARED', 'DIR'].join('_')}`)).toHaveLength(1);
		expect(offending('a.ts', `const shared = files.slice(0, 12); // shared link`)).toHaveLength(0);
	});

	it('no file under src/ or tests/ refers to the shelf or to a path outside the repository', () => {
		const found = ['src', 'tests', 'drizzle', '.ci'].flatMap((d) =>
			files(join(root, d)).flatMap((f) => offending(relative(root, f), readFileSync(f, 'utf8')))
		);
		expect(found).toEqual([]);
	});

	it('no npm script refers to the shelf', () => {
		const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
		const found = Object.entries(pkg.scripts).flatMap(([k, v]) => offending(`package.json scripts.${k}`, v));
		expect(found).toEqual([]);
	});
});
