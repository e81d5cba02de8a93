import { describe, expect, it } from 'vitest';
import { actionsOf, routeIds } from '../../../tests/helpers/routes';
import {
	ACTION_RULES,
	NAV,
	PERMISSIONS,
	actionOf,
	canRunAction,
	navFor,
	ROLES,
	ROLE_PERMISSIONS,
	ROUTE_RULES,
	can,
	canImportForOrgan,
	canOpenRoute,
	canViewOrgan
} from './permissions';

describe('permission table', () => {
	it('gives admin every permission but answering for a bureau, and the leader nothing that changes data', () => {
		for (const p of PERMISSIONS) expect(can('admin', p)).toBe(p !== 'inbox.answer' && p !== 'assessment.answer_own');
		for (const p of [
			'reports.import',
			'reports.correct',
			'reports.annotate',
			'users.manage',
			'organs.manage',
			'assessment.produce'
		] as const)
			expect(can('leader', p)).toBe(false);
		expect(can('leader', 'dashboard.view')).toBe(true);
		expect(can('leader', 'exports.download')).toBe(true);
	});

	it('lets an inspector do what a leader may plus import, annotate, correct and assess', () => {
		for (const p of ROLE_PERMISSIONS.leader) expect(can('inspector', p)).toBe(true);
		for (const p of ['reports.import', 'reports.annotate', 'reports.correct', 'assessment.produce'] as const)
			expect(can('inspector', p)).toBe(true);
		expect(can('inspector', 'users.manage')).toBe(false);
	});

	it('binds a clerk to its own organ', () => {
		expect(can('clerk', 'dashboard.view')).toBe(false);
		expect(canViewOrgan({ role: 'clerk', organId: 7 }, 7)).toBe(true);
		expect(canViewOrgan({ role: 'clerk', organId: 7 }, 8)).toBe(false);
		expect(canViewOrgan({ role: 'leader', organId: null }, 8)).toBe(true);
		expect(canViewOrgan(null, 8)).toBe(false);
		expect(canImportForOrgan({ role: 'clerk', organId: 7 }, 7)).toBe(true);
		expect(canImportForOrgan({ role: 'clerk', organId: 7 }, 8)).toBe(false);
		expect(canImportForOrgan({ role: 'clerk', organId: 7 }, null)).toBe(false);
		expect(canImportForOrgan({ role: 'leader', organId: null }, 8)).toBe(false);
		expect(canImportForOrgan({ role: 'inspector', organId: null }, null)).toBe(true);
	});

	it('denies what it does not know: unknown routes and missing roles', () => {
		expect(canOpenRoute('admin', '/(app)/no-such-route')).toBe(false);
		expect(canOpenRoute(null, '/(app)')).toBe(false);
		expect(canOpenRoute(null, '/login')).toBe(true);
	});
});

describe('every route has a rule', () => {
	const ids = routeIds();
	it('finds the routes of the app', () => {
		expect(ids).toContain('/login');
		expect(ids).toContain('/(app)/admin/users');
	});
	it.each(ids)('%s has an entry in ROUTE_RULES', (id) => {
		expect(ROUTE_RULES[id], `add a rule for ${id} to src/lib/auth/permissions.ts`).toBeDefined();
	});
	it('has no rule for a route that no longer exists', () => {
		for (const id of Object.keys(ROUTE_RULES)) expect(ids, `stale rule ${id}`).toContain(id);
	});
	it('has no action rule for an action that no longer exists', () => {
		const actions = ids.flatMap((id) => actionsOf(id).map((a) => `${id}?/${a}`));
		expect(actions).toContain('/(app)/organs/[id]/[year]?/correct');
		for (const key of Object.keys(ACTION_RULES)) expect(actions, `stale action rule ${key}`).toContain(key);
	});
	it('refuses a form action to a role its own rule excludes, even where the page is open to it', () => {
		const report = '/(app)/organs/[id]/[year]';
		expect(canOpenRoute('leader', report)).toBe(true);
		expect(canRunAction('leader', report, 'correct')).toBe(false);
		expect(canRunAction('clerk', report, 'annotate')).toBe(false);
		expect(canRunAction('inspector', report, 'correct')).toBe(true);
		expect(canRunAction('inspector', report, 'restore')).toBe(true);
		expect(canRunAction(null, report, 'correct')).toBe(false);
		expect(canRunAction('leader', '/(app)/admin/users', 'add')).toBe(false);
		expect(canRunAction(null, '/login', 'default')).toBe(true);
		expect(actionOf('?/correct')).toBe('correct');
		expect(actionOf('?redirectTo=%2F')).toBe('default');
		expect(actionOf('')).toBe('default');
	});
	it('tells, for every role and every route, whether it may open it', () => {
		const matrix = Object.fromEntries(ROLES.map((r) => [r, ids.filter((id) => canOpenRoute(r, id))]));
		expect(matrix.admin.length).toBe(ids.length);
		expect(matrix.leader).not.toContain('/(app)/admin/users');
		expect(matrix.clerk).not.toContain('/(app)/admin/users');
		for (const r of ROLES) expect(matrix[r]).toContain('/login');
	});
	it('shows each role only the navigation it may open', () => {
		for (const n of NAV) expect(ROUTE_RULES[n.routeId], n.routeId).toBeDefined();
		expect(navFor('leader', null).map((n) => n.href)).not.toContain('/admin/users');
		expect(navFor('clerk', 3).map((n) => n.href)).toEqual(['/organs/3', '/assessment', '/import', '/drafts', '/inbox']);
		expect(navFor('admin', null).map((n) => n.href)).toEqual(
			expect.arrayContaining(['/', '/import', '/admin/organs', '/admin/users'])
		);
		for (const n of NAV)
			for (const r of ROLES) if (n.permissions.some((p) => can(r, p))) expect(canOpenRoute(r, n.routeId)).toBe(true);
	});
});
