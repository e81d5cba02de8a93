// Reminders (催报): which roster organs have no report for a year or open items past their deadline, and a reminder
// sent to the ones an inspector picked — one inbox item per organ, which that organ's clerks (and only they) see.
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import { getDb } from './db';
import * as table from './db/schema';
import { audit } from './audit';
import { ActionError } from './corrections';
import { can } from '../auth/permissions';
import type { Actor } from '../auth/actor';
import { overdueRectifications } from './inbox/sources';
import { rosterIsEmpty, rosterOrganIds } from './organs';

const MESSAGE_MAX = 2000;

export interface ReminderCandidate {
	organId: number;
	name: string;
	hasReport: boolean;
	/** Open inbox items and rectification requests whose deadline has passed. */
	overdue: number;
	/** Reminders already sent to it for this year. */
	reminded: number;
}

const today = () => new Date().toISOString().slice(0, 10);

export function reminderCandidates(year: number): ReminderCandidate[] {
	const db = getDb();
	const withReport = new Set(
		db
			.select({ organId: table.report.organId })
			.from(table.report)
			.where(and(eq(table.report.year, year), isNotNull(table.report.currentRevisionId)))
			.all()
			.map((r) => r.organId)
	);
	const overdue = new Map<number, number>();
	for (const r of db
		.select({ organId: table.inboxItem.organId })
		.from(table.inboxItem)
		.where(
			and(isNull(table.inboxItem.closedAt), isNotNull(table.inboxItem.deadline), lt(table.inboxItem.deadline, today()))
		)
		.all())
		overdue.set(r.organId, (overdue.get(r.organId) ?? 0) + 1);
	// The assessment's rectification requests past their deadline are open items too.
	for (const [organId, n] of overdueRectifications()) overdue.set(organId, (overdue.get(organId) ?? 0) + n);
	const reminded = new Map<number, number>();
	for (const r of db
		.select({ organId: table.inboxItem.organId })
		.from(table.inboxItem)
		.innerJoin(table.reminder, eq(table.reminder.id, table.inboxItem.reminderId))
		.where(eq(table.reminder.year, year))
		.all())
		reminded.set(r.organId, (reminded.get(r.organId) ?? 0) + 1);
	// The organs expected to report that year: the roster's (a fresh installation without one: every organ).
	const expected = rosterIsEmpty() ? null : new Set(rosterOrganIds(year));
	return db
		.select({ id: table.organ.id, name: table.organ.name })
		.from(table.organ)
		.orderBy(asc(table.organ.name))
		.all()
		.filter((o) => expected === null || expected.has(o.id))
		.map((o) => ({
			organId: o.id,
			name: o.name,
			hasReport: withReport.has(o.id),
			overdue: overdue.get(o.id) ?? 0,
			reminded: reminded.get(o.id) ?? 0
		}));
}

export function defaultMessage(year: number, deadline: string | null): string {
	return `请于${deadline ?? '规定期限'}前按国家模板编制并发布${year}年度政府信息公开工作年度报告，发布后将报告上传至本平台。已发布的，请核实后上传。`;
}

export interface NewReminder {
	year: number;
	organIds: number[];
	message: string;
	deadline: string | null;
}

/** Sends one reminder to exactly the given organs; returns its id. */
export function sendReminder(input: NewReminder, actor: Actor): { id: number; organs: number } {
	if (!can(actor.role, 'reminders.send')) throw new ActionError('您没有催报权限', 403);
	const organIds = [...new Set(input.organIds.filter((n) => Number.isInteger(n)))];
	if (!organIds.length) throw new ActionError('请选择要催报的单位');
	if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw new ActionError('报告年度无效');
	if (input.deadline && !/^\d{4}-\d{2}-\d{2}$/.test(input.deadline)) throw new ActionError('期限应为日期（年-月-日）');
	const message = input.message.trim() || defaultMessage(input.year, input.deadline);
	if (message.length > MESSAGE_MAX) throw new ActionError(`催报内容不能超过${MESSAGE_MAX}字`);
	const db = getDb();
	return db.$client
		.transaction(() => {
			const known = db.select({ id: table.organ.id }).from(table.organ).where(inArray(table.organ.id, organIds)).all();
			if (known.length !== organIds.length) throw new ActionError('所选单位中有不存在的单位', 404);
			const r = db
				.insert(table.reminder)
				.values({ year: input.year, message, deadline: input.deadline, createdBy: actor.id })
				.returning({ id: table.reminder.id })
				.get();
			db.insert(table.inboxItem)
				.values(
					organIds.map((organId) => ({
						organId,
						kind: 'reminder' as const,
						reminderId: r.id,
						title: `催报：${input.year}年度政府信息公开工作年度报告`,
						body: message,
						deadline: input.deadline,
						createdBy: actor.id
					}))
				)
				.run();
			audit(actor.id, 'reminder.send', { reminderId: r.id, year: input.year, organIds });
			return { id: r.id, organs: organIds.length };
		})
		.immediate();
}

export interface SentReminder {
	id: number;
	year: number;
	message: string;
	deadline: string | null;
	createdAt: number;
	organs: { name: string; answered: boolean; closed: boolean }[];
}

export function listReminders(limit = 20): SentReminder[] {
	const db = getDb();
	const rs = db.select().from(table.reminder).orderBy(desc(table.reminder.id)).limit(limit).all();
	if (!rs.length) return [];
	const items = db
		.select({
			reminderId: table.inboxItem.reminderId,
			name: table.organ.name,
			answeredAt: table.inboxItem.answeredAt,
			closedAt: table.inboxItem.closedAt
		})
		.from(table.inboxItem)
		.innerJoin(table.organ, eq(table.organ.id, table.inboxItem.organId))
		.where(
			inArray(
				table.inboxItem.reminderId,
				rs.map((r) => r.id)
			)
		)
		.orderBy(asc(table.organ.name))
		.all();
	return rs.map((r) => ({
		id: r.id,
		year: r.year,
		message: r.message,
		deadline: r.deadline,
		createdAt: r.createdAt,
		organs: items
			.filter((i) => i.reminderId === r.id)
			.map((i) => ({ name: i.name, answered: i.answeredAt !== null, closed: i.closedAt !== null }))
	}));
}

/** Organ names by id, in the order given (unknown ids left out): for the printable notice. */
export function organNames(ids: number[]): string[] {
	if (!ids.length) return [];
	const rows = getDb()
		.select({ id: table.organ.id, name: table.organ.name })
		.from(table.organ)
		.where(inArray(table.organ.id, ids))
		.all();
	const byId = new Map(rows.map((r) => [r.id, r.name]));
	return ids.map((id) => byId.get(id)).filter((n): n is string => !!n);
}
