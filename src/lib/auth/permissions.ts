// The permission table as data: role → permissions, and route → the permission it needs.
// Pure (no I/O): the server guards, the navigation and the tests all read this one table.

export const ROLES = ['admin', 'leader', 'inspector', 'clerk'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
	admin: '系统管理员',
	leader: '区领导',
	inspector: '督查员',
	clerk: '单位联络员'
};

export const PERMISSIONS = [
	'dashboard.view', // the district dashboard
	'reports.view_all', // any organ's reports
	'reports.view_own', // the reports of the user's own organ (clerk)
	'reports.import', // import reports of any organ
	'reports.import_own', // upload reports of the user's own organ (clerk)
	'reports.annotate',
	'reports.correct',
	'assessment.produce',
	'exports.download',
	'users.manage',
	'organs.manage',
	'sources.manage', // the crawler's column sources, its schedule and runs
	'drafts.check', // check a draft report before publishing (a clerk only as its own organ)
	'inbox.answer', // the own organ's inbox: read and answer what the district asks (clerk)
	'inbox.manage', // ask for answers, see them, close items (inspector)
	'reminders.send', // 催报: remind organs of a missing or late report
	'organs.pending' // decide on organs an import found (add to the roster, assign as alias, mark outside)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
	admin: PERMISSIONS,
	leader: ['dashboard.view', 'reports.view_all', 'exports.download'],
	inspector: [
		'dashboard.view',
		'reports.view_all',
		'exports.download',
		'reports.import',
		'reports.annotate',
		'reports.correct',
		'assessment.produce',
		'drafts.check',
		'inbox.manage',
		'reminders.send',
		'organs.pending'
	],
	clerk: ['reports.view_own', 'reports.import_own', 'drafts.check', 'inbox.answer']
};

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The one check: may this role do that? */
export function can(role: Role | null | undefined, permission: Permission): boolean {
	return !!role && ROLE_PERMISSIONS[role].includes(permission);
}

/** May the user see this organ's reports? A clerk only its own organ; view_all roles any. */
export function canViewOrgan(user: { role: Role; organId: number | null } | null, organId: number): boolean {
	if (!user) return false;
	if (can(user.role, 'reports.view_all')) return true;
	return can(user.role, 'reports.view_own') && user.organId === organId;
}

export function canImportForOrgan(user: { role: Role; organId: number | null } | null, organId: number | null): boolean {
	if (!user) return false;
	if (can(user.role, 'reports.import')) return true;
	return can(user.role, 'reports.import_own') && organId !== null && user.organId === organId;
}

/**
 * Every route of the app and what it needs. `public`: anyone; `user`: any signed-in user (the page itself narrows,
 * e.g. a clerk's organ); a list: any one of those permissions. A test walks src/routes and fails when a route has no
 * entry here, so a new page cannot ship unguarded.
 */
export type RouteRule = 'public' | 'user' | readonly Permission[];

export const ROUTE_RULES: Record<string, RouteRule> = {
	'/login': 'public',
	'/logout': 'user',
	'/(app)': 'user',
	'/(app)/admin/users': ['users.manage'],
	'/(app)/charts/[chart]': ['dashboard.view'],
	'/(app)/admin/organs': ['organs.manage'],
	'/(app)/admin/sources': ['sources.manage'],
	'/(app)/admin/organs/pending': ['organs.pending'],
	'/(app)/admin/organs/merge': ['organs.manage'],
	'/(app)/admin/organs/export': ['organs.manage'],
	'/(app)/import': ['reports.import', 'reports.import_own'],
	'/(app)/organs/[id]': 'user', // narrowed in the load: a clerk only its own organ
	'/(app)/organs': ['reports.view_all', 'reports.view_own'], // a clerk sees only its own organ in the list
	'/(app)/organs/[id]/[year]': 'user', // narrowed like /organs/[id]; actions need reports.correct / reports.annotate
	'/(app)/organs/[id]/[year]/revisions/[revision]': 'user', // the original file, narrowed like its report
	'/(app)/drafts': ['drafts.check'],
	'/(app)/drafts/[id]': ['drafts.check'], // narrowed: the owner's drafts only
	'/(app)/inbox': ['inbox.answer', 'inbox.manage'], // a clerk sees only its own organ's items
	'/(app)/inbox/[id]/file': ['inbox.answer', 'inbox.manage'], // an answer's file, narrowed like its item
	'/(app)/reminders': ['reminders.send'],
	'/(app)/reminders/notice': ['reminders.send'], // the printable notice (DOCX)
	'/api/organs': ['reports.view_all', 'reports.view_own'],
	'/api/organs/[id]/reports/[year]': 'user' // narrowed like /organs/[id]
};

/** May this role open that route? `undefined` route rules deny: unknown routes are closed by default. */
export function canOpenRoute(role: Role | null | undefined, routeId: string): boolean {
	const rule = ROUTE_RULES[routeId];
	if (rule === undefined) return false;
	if (rule === 'public') return true;
	if (!role) return false;
	if (rule === 'user') return true;
	return rule.some((p) => can(role, p));
}

/** Navigation entries, shown only to roles holding one of the permissions. */
export const NAV: { href: string; label: string; routeId: string; permissions: readonly Permission[] }[] = [
	{ href: '/', label: '总览', routeId: '/(app)', permissions: ['dashboard.view'] },
	{ href: '/organs', label: '单位', routeId: '/(app)/organs', permissions: ['reports.view_all'] },
	{ href: '/import', label: '导入', routeId: '/(app)/import', permissions: ['reports.import', 'reports.import_own'] },
	{ href: '/drafts', label: '草稿检查', routeId: '/(app)/drafts', permissions: ['drafts.check'] },
	{ href: '/inbox', label: '待办', routeId: '/(app)/inbox', permissions: ['inbox.answer', 'inbox.manage'] },
	{ href: '/reminders', label: '催报', routeId: '/(app)/reminders', permissions: ['reminders.send'] },
	{ href: '/admin/organs', label: '单位管理', routeId: '/(app)/admin/organs', permissions: ['organs.manage'] },
	{ href: '/admin/organs/pending', label: '待确认单位', routeId: '/(app)/admin/organs/pending', permissions: ['organs.pending'] },
	{ href: '/admin/users', label: '用户管理', routeId: '/(app)/admin/users', permissions: ['users.manage'] },
	{ href: '/admin/sources', label: '栏目抓取', routeId: '/(app)/admin/sources', permissions: ['sources.manage'] }
];

export function navFor(role: Role, organId: number | null): { href: string; label: string }[] {
	const items = NAV.filter((n) => n.permissions.some((p) => can(role, p))).map(({ href, label }) => ({ href, label }));
	// A clerk's home is its own organ.
	if (!can(role, 'reports.view_all') && can(role, 'reports.view_own') && organId !== null)
		items.unshift({ href: `/organs/${organId}`, label: '本单位报告' });
	return items;
}
