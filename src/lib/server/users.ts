// User accounts: created by the CLI and by admins on /admin/users.
import { asc, eq } from 'drizzle-orm';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { getDb } from './db';
import * as table from './db/schema';
import { hashPassword, passwordProblem } from './auth/password';
import { invalidateUserSessions } from './auth/session';
import { isRole } from '../auth/permissions';
import * as organs from './organs';

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
	let organId: number | null = input.organId ?? null;
	if (input.role === 'clerk') {
		if (organId === null && input.organName) organId = organs.ensure(input.organName).id;
		if (organId === null) throw new UserError('单位联络员（clerk）必须绑定一个单位（--organ）');
	} else organId = null;
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
			createdAt: table.user.createdAt
		})
		.from(table.user)
		.leftJoin(table.organ, eq(table.user.organId, table.organ.id))
		.orderBy(asc(table.user.username))
		.all();
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
