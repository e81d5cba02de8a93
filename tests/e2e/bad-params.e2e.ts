// Bad route parameters: every route that takes one, requested with hostile values in place of each parameter (as an
// admin, who may open every page, and as a clerk, the narrowest role) answers with a refusal (400 / 403 / 404, or a
// redirect) and never with a 500, a stack trace or a database error.
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import Database from 'better-sqlite3';
import { routeIds } from '../helpers/routes';
import { demoCookie, http } from './http';

const HOSTILE = [
	'abc',
	'-1',
	'0',
	'1.5',
	'1e9',
	'99999999999999999999',
	'%00',
	"1'%20OR%20'1'='1",
	'%3Cscript%3Ealert(1)%3C%2Fscript%3E',
	'..%2F..%2Fetc%2Fpasswd',
	'%E2%80%AE'
];
const LEAK = /\bat [\w.<>]+ \(|SqliteError|SQLITE_|TypeError|ReferenceError|node_modules|\.ts:\d+/;

/** Real values for the parameters not being attacked, so that only one is bad at a time. */
let good: Record<string, string> = {};
beforeAll(() => {
	const db = new Database(inject('dbPath'), { readonly: true });
	try {
		const r = db.prepare('SELECT organ_id AS organ, year, current_revision_id AS rev FROM report LIMIT 1').get() as {
			organ: number;
			year: number;
			rev: number;
		};
		good = {
			id: String(r.organ),
			organId: String(r.organ),
			year: String(r.year),
			revision: String(r.rev),
			chart: 'volume',
			quarter: `${r.year}Q1`,
			file: '1'
		};
	} finally {
		db.close();
	}
});

const withParams = routeIds().filter((id) => /\[[^\]]+\]/.test(id));

function pathOf(routeId: string, params: Record<string, string>): string {
	return (
		'/' +
		routeId
			.split('/')
			.filter((seg) => seg && !/^\(.*\)$/.test(seg))
			.map((seg) => seg.replace(/\[\.{0,3}([^\]]+)\]/g, (_, name: string) => params[name] ?? good[name] ?? '1'))
			.join('/')
	);
}

describe('hostile route parameters', () => {
	it('there are routes with parameters to attack', () => {
		expect(withParams.length).toBeGreaterThan(3);
	});

	it.each(withParams)(
		'%s: refused, never a 500 or a leaked error',
		async (routeId) => {
			const names = [...routeId.matchAll(/\[\.{0,3}([^\]]+)\]/g)].map((m) => m[1]);
			const failures: string[] = [];
			for (const role of ['admin', 'clerk'] as const)
				for (const name of names)
					for (const bad of HOSTILE) {
						const path = pathOf(routeId, { [name]: bad });
						const a = await http(path, { cookie: demoCookie(role) });
						const ok = [400, 403, 404].includes(a.status) || (a.status >= 300 && a.status < 400);
						// A value that happens to name something real (0, 1.5 read as 1…) may be served: never as a 500.
						if ((!ok && a.status !== 200) || LEAK.test(a.body))
							failures.push(`${role} ${path}: ${a.status} ${a.body.slice(0, 160).replace(/\s+/g, ' ')}`);
					}
			expect(failures).toEqual([]);
		},
		120_000
	);
});
