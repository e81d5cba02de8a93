// The built-in demo: one account per role and a district's worth of reports, in an embedded SQLite file.
import * as users from '../users';
import * as organs from '../organs';

const DEMO_ORGAN = '株洲市天元区科学技术和工业信息化局';

/** The demo accounts the README lists. Passwords are public: never use the demo database for real work. */
const DEMO_ACCOUNTS = [
	{ username: 'admin', password: 'admin-demo', role: 'admin', displayName: '系统管理员（演示）' },
	{ username: 'leader', password: 'leader-demo', role: 'leader', displayName: '区领导（演示）' },
	{ username: 'inspector', password: 'inspector-demo', role: 'inspector', displayName: '督查员（演示）' },
	{
		username: 'clerk',
		password: 'clerk-demo',
		role: 'clerk',
		displayName: '科工信局联络员（演示）',
		organName: DEMO_ORGAN
	}
] as const;

export async function seedAccounts(): Promise<void> {
	for (const a of DEMO_ACCOUNTS) {
		if (users.byUsername(a.username)) continue;
		await users.create({ ...a, organName: 'organName' in a ? a.organName : null });
	}
}

export function ensureDemoOrgan() {
	return organs.ensure(DEMO_ORGAN);
}
