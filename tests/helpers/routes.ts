// The app's routes and form actions as the filesystem has them (src/routes), named as SvelteKit names them
// (`event.route.id`), for the tests that hold them against the permission table.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ROUTE_FILE = /^\+(page\.svelte|page\.ts|page\.js|page\.server\.ts|page\.server\.js|server\.ts|server\.js)$/;

export function routesRoot(cwd = process.cwd()): string {
	return join(cwd, 'src/routes');
}

/** Route ids of every page and endpoint under src/routes, e.g. `/(app)/organs/[id]`. */
export function routeIds(root = routesRoot()): string[] {
	const ids = new Set<string>();
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full);
			else if (ROUTE_FILE.test(name)) ids.add('/' + relative(root, dir).split(sep).join('/'));
		}
	};
	walk(root);
	return [...ids].map((id) => (id === '/' ? '/' : id.replace(/\/$/, ''))).sort();
}

function routeDir(routeId: string, root: string): string {
	return join(root, ...routeId.split('/').filter(Boolean));
}

/** The names of the form actions a page defines (the keys of `export const actions`, one tab in). */
export function actionsOf(routeId: string, root = routesRoot()): string[] {
	const file = ['+page.server.ts', '+page.server.js'].map((f) => join(routeDir(routeId, root), f)).find(existsSync);
	if (!file) return [];
	const src = readFileSync(file, 'utf8');
	const start = src.search(/export const actions\b/);
	if (start < 0) return [];
	const block = src.slice(start, src.indexOf('\n};', start) + 3);
	return [...block.matchAll(/^\t([A-Za-z_$][\w$]*)\s*(?::|\()/gm)].map((m) => m[1]);
}

/** Whether the route has an endpoint (+server) and whether it has a page. */
export function kindOf(routeId: string, root = routesRoot()): { page: boolean; endpoint: boolean } {
	const dir = routeDir(routeId, root);
	const names = readdirSync(dir);
	return { page: names.some((n) => n.startsWith('+page')), endpoint: names.some((n) => /^\+server\.(ts|js)$/.test(n)) };
}
