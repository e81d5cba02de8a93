// User accounts: created by the CLI and by admins on /admin/users.
import { asc, eq } from 'drizzle-orm';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { getDb } from './db';
import * as table from './db/schema';
import { hashPassword, passwordProblem } from './auth/password';
import { invalidateUserSessions } from './auth/session';
import { blockedUntil, clearFailures } from './auth/rate-limit';
import { isRole } from '../auth/permissions';
import * as organs from './organs';
import { audit } from './audit';

export class UserError extends Error {}

export interface NewUser {
	username: string;
	password: string;
	role: string;
	organName?: string | null;
	organId?: number | null;
	displayName?: string | null;
}

const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;

export async function create(input: NewUser): Promise<table.User> {
	const username = input.username.trim();
	if (!USERNAME.test(username)) throw new UserError('用户名须为 3–32 位字母、数字、下划线、点或连字符');
	if (!isRole(input.role)) throw new UserError(`未知角色：${input.role}（可选 admin、leader、inspector、clerk）`);
	const problem = passwordProblem(input.password);
	if (problem) throw new UserError(problem);
	const organId = input.role === 'clerk' ? clerkOrgan(input.organId ?? null, input.organName ?? null) : null;
	const db = getDb();
	if (db.select().from(table.user).where(eq(table.user.username, username)).get())
		throw new UserError(`用户名已存在：${username}`);
	const passwordHash = await hashPassword(input.password);
	const id = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)));
	return db
		.insert(table.user)
		.values({ id, username, passwordHash, role: input.role, organId, displayName: input.displayName ?? null })
		.returning()
		.get();
}

/** A clerk's organ: picked from the roster, never created by typing a name (a typo would make a new organ). */
function clerkOrgan(
	organId: number | null,
	organName: string | null,
	missing = '单位联络员（clerk）必须绑定一个单位（--organ）'
): number {
	const organ = organId !== null ? organs.get(organId) : organName ? organs.findByName(organName) : undefined;
	if (organId === null && !organName) throw new UserError(missing);
	if (!organ) throw new UserError(`单位“${organName ?? organId}”不在本区名册中：请先在单位管理中添加该单位`);
	if (organ.status !== 'district')
		throw new UserError(`单位“${organ.name}”不在本区名册中（${organ.status === 'pending' ? '待确认' : '区外单位'}）`);
	return organ.id;
}

export function byUsername(username: string): table.User | undefined {
	return getDb().select().from(table.user).where(eq(table.user.username, username.trim())).get();
}

export function list() {
	return getDb()
		.select({
			id: table.user.id,
			username: table.user.username,
			displayName: table.user.displayName,
			role: table.user.role,
			organId: table.user.organId,
			organName: table.organ.name,
			disabled: table.user.disabled,
			lastLoginAt: table.user.lastLoginAt,
			createdAt: table.user.createdAt
		})
		.from(table.user)
		.leftJoin(table.organ, eq(table.user.organId, table.organ.id))
		.orderBy(asc(table.user.username))
		.all()
		.map((u) => ({ ...u, lockedUntil: blockedUntil(u.username) }));
}

function mustGet(id: string): table.User {
	const u = getDb().select().from(table.user).where(eq(table.user.id, id)).get();
	if (!u) throw new UserError('用户不存在');
	return u;
}

/** Disables (its sessions end at once) or enables an account. Accounts are disabled, not deleted: their imports,
 * corrections and notes keep their author. */
export function setDisabled(id: string, disabled: boolean, actorId: string | null): void {
	const u = mustGet(id);
	if (disabled && id === actorId) throw new UserError('不能停用当前登录的账号');
	getDb().update(table.user).set({ disabled }).where(eq(table.user.id, id)).run();
	if (disabled) invalidateUserSessions(id);
	audit(actorId, disabled ? 'user.disable' : 'user.enable', { id, username: u.username });
}

/** Changes the role (a clerk needs a roster organ; the other roles have none). Sessions end: the next login sees it. */
export function setRole(id: string, role: string, organId: number | null, actorId: string | null): void {
	const u = mustGet(id);
	if (!isRole(role)) throw new UserError(`未知角色：${role}`);
	if (id === actorId && role !== u.role) throw new UserError('不能更改当前登录账号自己的角色');
	const organ =
		role === 'clerk'
			? clerkOrgan(organId ?? u.organId, null, '改为单位联络员须绑定一个名册单位：请新建联络员账号并选择其单位')
			: null;
	getDb().update(table.user).set({ role, organId: organ }).where(eq(table.user.id, id)).run();
	invalidateUserSessions(id);
	audit(actorId, 'user.role', { id, username: u.username, from: u.role, to: role, organId: organ });
}

/** Lifts the lock that failed logins put on an account. */
export function unlock(id: string, actorId: string | null): void {
	const u = mustGet(id);
	clearFailures(u.username);
	audit(actorId, 'user.unlock', { id, username: u.username });
}

export function recordLogin(id: string, at = Date.now()): void {
	getDb().update(table.user).set({ lastLoginAt: at }).where(eq(table.user.id, id)).run();
}

/** Sets a new password and ends every session of the user. */
export async function setPassword(username: string, password: string): Promise<void> {
	const found = byUsername(username);
	if (!found) throw new UserError(`用户不存在：${username}`);
	const problem = passwordProblem(password);
	if (problem) throw new UserError(problem);
	getDb()
		.update(table.user)
		.set({ passwordHash: await hashPassword(password) })
		.where(eq(table.user.id, found.id))
		.run();
	invalidateUserSessions(found.id);
}

export function remove(id: string): void {
	getDb().delete(table.user).where(eq(table.user.id, id)).run();
}
