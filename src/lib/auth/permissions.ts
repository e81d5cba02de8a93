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
	'assessment.view', // every organ's quarterly scores (read)
	'assessment.view_own', // the user's own organ's row, details and rectification requests (clerk)
	'assessment.produce', // manual entries, close a quarter, rectification requests and their review
	'assessment.answer_own', // answer the own organ's rectification requests (clerk)
	'assessment.reopen', // reopen a closed quarter (logged)
	'assessment.rubric', // save a new rubric version
	'findings.review', // confirm or dismiss findings (/findings)
	'exports.download',
	'users.manage',
	'audit.view', // the audit log (admins)
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
	// Everything but answering for a bureau: an answer is the bureau's own word (its clerk's).
	admin: PERMISSIONS.filter((p) => p !== 'inbox.answer' && p !== 'assessment.answer_own'),
	leader: ['dashboard.view', 'reports.view_all', 'exports.download', 'assessment.view'],
	inspector: [
		'dashboard.view',
		'reports.view_all',
		'exports.download',
		'reports.import',
		'reports.annotate',
		'reports.correct',
		'assessment.view',
		'assessment.produce',
		'drafts.check',
		'inbox.manage',
		'reminders.send',
		'findings.review',
		'organs.pending'
	],
	clerk: [
		'reports.view_own',
		'reports.import_own',
		'drafts.check',
		'inbox.answer',
		'assessment.view_own',
		'assessment.answer_own'
	]
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

/** May the user see this organ's assessment row and details? A clerk only its own organ. */
export function canViewAssessmentOf(user: { role: Role; organId: number | null } | null, organId: number): boolean {
	if (!user) return false;
	if (can(user.role, 'assessment.view')) return true;
	return can(user.role, 'assessment.view_own') && user.organId === organId;
}

export function canImportForOrgan(
	user: { role: Role; organId: number | null } | null,
	organId: number | null
): boolean {
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
	'/(app)/findings': ['findings.review'],
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
	'/(app)/admin/audit': ['audit.view'],
	'/(app)/admin/audit/export': ['audit.view'],
	'/(app)/assessment': ['assessment.view', 'assessment.view_own'],
	'/(app)/assessment/rubric': ['assessment.view'], // saving needs assessment.rubric
	'/(app)/assessment/[quarter]': ['assessment.view', 'assessment.view_own'], // a clerk sees only its own organ's row
	'/(app)/assessment/[quarter]/[organId]': ['assessment.view', 'assessment.view_own'], // narrowed: a clerk only its own organ
	'/(app)/assessment/[quarter]/export': ['assessment.view'], // with exports.download
	'/(app)/assessment/[quarter]/[organId]/files/[file]': ['assessment.view', 'assessment.view_own'], // narrowed like its organ
	'/api/organs': ['reports.view_all', 'reports.view_own'],
	'/api/organs/[id]/reports/[year]': 'user' // narrowed like /organs/[id]
};

/**
 * Form actions that need more than their page's rule, as `routeId?/action` (the page rule applies too). The hook
 * refuses a POST by this table before the action runs; the e2e route test posts every action as every role.
 */
export const ACTION_RULES: Record<string, readonly Permission[]> = {
	'/(app)/organs/[id]/[year]?/correct': ['reports.correct'],
	'/(app)/organs/[id]/[year]?/undo': ['reports.correct'],
	'/(app)/organs/[id]/[year]?/annotate': ['reports.annotate'],
	'/(app)/organs/[id]/[year]?/deleteNote': ['reports.annotate'],
	'/(app)/organs/[id]/[year]?/restore': ['reports.import'],
	'/(app)/organs/[id]/[year]?/filing': ['reports.correct'],
	'/(app)/inbox?/answer': ['inbox.answer'], // the bureau answers; the district closes
	'/(app)/inbox?/close': ['inbox.manage'],
	'/(app)/assessment/rubric?/save': ['assessment.rubric'], // the JSON editor (advanced)
	'/(app)/assessment/rubric?/saveForm': ['assessment.rubric'],
	'/(app)/assessment/[quarter]?/close': ['assessment.produce'],
	'/(app)/assessment/[quarter]?/reopen': ['assessment.reopen'],
	'/(app)/assessment/[quarter]/[organId]?/entry': ['assessment.produce'],
	'/(app)/assessment/[quarter]/[organId]?/removeEntry': ['assessment.produce'],
	'/(app)/assessment/[quarter]/[organId]?/request': ['assessment.produce'],
	'/(app)/assessment/[quarter]/[organId]?/review': ['assessment.produce'],
	'/(app)/assessment/[quarter]/[organId]?/answer': ['assessment.answer_own']
};

/** The action a POST to a page names: `?/name` in the query, or `default`. */
export function actionOf(search: string): string {
	const key = [...new URLSearchParams(search).keys()].find((k) => k.startsWith('/'));
	return key ? key.slice(1) : 'default';
}

/** May this role run that form action? Its page's rule and, if any, the action's own. */
export function canRunAction(role: Role | null | undefined, routeId: string, action: string): boolean {
	if (!canOpenRoute(role, routeId)) return false;
	const rule = ACTION_RULES[`${routeId}?/${action}`];
	return rule === undefined || (!!role && rule.some((p) => can(role, p)));
}

export function ruleFor(routeId: string): RouteRule | undefined {
	return ROUTE_RULES[routeId];
}

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
	{ href: '/findings', label: '问题复核', routeId: '/(app)/findings', permissions: ['findings.review'] },
	{
		href: '/assessment',
		label: '季度考核',
		routeId: '/(app)/assessment',
		permissions: ['assessment.view', 'assessment.view_own']
	},
	{ href: '/import', label: '导入', routeId: '/(app)/import', permissions: ['reports.import', 'reports.import_own'] },
	{ href: '/drafts', label: '草稿检查', routeId: '/(app)/drafts', permissions: ['drafts.check'] },
	{ href: '/inbox', label: '待办', routeId: '/(app)/inbox', permissions: ['inbox.answer', 'inbox.manage'] },
	{ href: '/reminders', label: '催报', routeId: '/(app)/reminders', permissions: ['reminders.send'] },
	{ href: '/admin/organs', label: '单位管理', routeId: '/(app)/admin/organs', permissions: ['organs.manage'] },
	{
		href: '/admin/organs/pending',
		label: '待确认单位',
		routeId: '/(app)/admin/organs/pending',
		permissions: ['organs.pending']
	},
	{ href: '/admin/users', label: '用户管理', routeId: '/(app)/admin/users', permissions: ['users.manage'] },
	{ href: '/admin/sources', label: '栏目抓取', routeId: '/(app)/admin/sources', permissions: ['sources.manage'] },
	{ href: '/admin/audit', label: '审计日志', routeId: '/(app)/admin/audit', permissions: ['audit.view'] }
];

export function navFor(role: Role, organId: number | null): { href: string; label: string }[] {
	const items = NAV.filter((n) => n.permissions.some((p) => can(role, p))).map(({ href, label }) => ({ href, label }));
	// A clerk's home is its own organ.
	if (!can(role, 'reports.view_all') && can(role, 'reports.view_own') && organId !== null)
		items.unshift({ href: `/organs/${organId}`, label: '本单位报告' });
	return items;
}
