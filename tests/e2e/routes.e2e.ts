// The permission table is the guard: every route of src/routes is requested with GET and every form action with
// POST, as every role and signed out, and the answer must be the table's (open: neither 401/403 nor a login
// redirect nor a 500; closed: 403, or the login page when signed out). A route or action added without a rule fails
// here (and in permissions.spec.ts) with its name.
import { beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { inject } from 'vitest';
import { ROLES, ROUTE_RULES, canOpenRoute, canRunAction, type Role } from '../../src/lib/auth/permissions';
import { actionsOf, routeIds } from '../helpers/routes';
import { freshUser, http } from './http';

const ids = routeIds();

/** A real value for each route parameter, from the e2e database: the demo clerk's organ, so narrowing passes. */
function sampleParams(): Record<string, string> {
	const db = new Database(inject('dbPath'), { readonly: true });
	try {
		const clerk = db
			.prepare(
				"SELECT u.organ_id AS organId, o.name AS organ FROM user u JOIN organ o ON o.id = u.organ_id WHERE u.username = 'clerk'"
			)
			.get() as { organId: number; organ: string };
		const rep = db
			.prepare('SELECT year, current_revision_id AS rev FROM report WHERE organ_id = ? ORDER BY year DESC LIMIT 1')
			.get(clerk.organId) as { year: number; rev: number };
		return {
			id: String(clerk.organId),
			organId: String(clerk.organId),
			year: String(rep.year),
			revision: String(rep.rev),
			chart: 'volume',
			organ: clerk.organ,
			quarter: `${rep.year}Q1`,
			file: '1'
		};
	} finally {
		db.close();
	}
}

function pathOf(routeId: string, params: Record<string, string>): string {
	const path = routeId
		.split('/')
		.filter((seg) => seg && !/^\(.*\)$/.test(seg))
		.map((seg) =>
			seg.replace(/\[([^\]]+)\]/g, (_, name: string) => {
				if (!(name in params))
					throw new Error(
						`routes.e2e.ts has no sample value for the route parameter [${name}] of ${routeId}: add one to sampleParams()`
					);
				return params[name];
			})
		)
		.join('/');
	return '/' + path;
}

type Who = Role | 'anonymous';
const cookies = {} as Record<Who, string>;
let params: Record<string, string>;

beforeAll(async () => {
	params = sampleParams();
	// Users of this test's own (logout ends every session of a user: the demo roles' saved logins must survive).
	const stamp = Date.now().toString(36);
	for (const role of ROLES)
		cookies[role] = await freshUser(`rt-${role}-${stamp}`, role, role === 'clerk' ? params.id : '');
	cookies.anonymous = '';
});

function expectAnswer(
	who: Who,
	what: string,
	allowed: boolean,
	a: { status: number; location: string | null; body: string },
	isApi: boolean
) {
	const label = `${who} ${what} → ${a.status}${a.location ? ' ' + a.location : ''}`;
	expect(a.status, `${label}: a server error`).toBeLessThan(500);
	if (allowed) {
		expect(
			[401, 403],
			`${label}: the table opens it, the app refused it (an action or load checks more than its rule says: add it to ACTION_RULES or fix the rule)`
		).not.toContain(a.status);
		expect(a.location ?? '', `${label}: the table opens it, the app sent the user to log in`).not.toMatch(
			/^\/login\?redirectTo=/
		);
	} else if (who === 'anonymous') {
		if (isApi) expect(a.status, label).toBe(401);
		else {
			expect(a.status, label).toBe(303);
			expect(a.location, label).toMatch(/^\/login\?redirectTo=/);
		}
	} else expect(a.status, `${label}: the table closes it`).toBe(403);
}

describe('every route has a rule', () => {
	it('finds the routes on disk, and each has a rule in ROUTE_RULES', () => {
		expect(ids.length).toBeGreaterThan(10);
		const missing = ids.filter((id) => ROUTE_RULES[id] === undefined);
		expect(missing, `routes without a rule in src/lib/auth/permissions.ts ROUTE_RULES: ${missing.join(', ')}`).toEqual(
			[]
		);
	});
});

describe.each(['anonymous', ...ROLES] as Who[])('as %s', (who) => {
	const role = who === 'anonymous' ? null : who;
	it.each(ids)('GET %s answers as the table says', async (routeId) => {
		const a = await http(pathOf(routeId, params), { cookie: cookies[who] });
		expectAnswer(who, `GET ${routeId}`, canOpenRoute(role, routeId), a, routeId.startsWith('/api/'));
	});

	const actions = ids
		.flatMap((id) => actionsOf(id).map((action) => ({ id, action })))
		// logout last: it ends the session the others use
		.sort((a, b) => Number(a.id === '/logout') - Number(b.id === '/logout'));
	it.each(actions)('POST $id ?/$action answers as the table says', async ({ id, action }) => {
		const query = action === 'default' ? '' : `?/${action}`;
		const a = await http(pathOf(id, params) + query, { method: 'POST', cookie: cookies[who], form: {} });
		expectAnswer(who, `POST ${id}${query}`, canRunAction(role, id, action), a, false);
	});
});
