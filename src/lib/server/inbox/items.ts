// The inbox: what inspectors ask of an organ (notes asking for an answer, confirmed findings, reminders, the
// assessment's rectification requests) and the organ's answers. A clerk sees and answers its own organ's items;
// inspectors see all, read the answers, close.
import { and, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '../db';
import * as table from '../db/schema';
import { storeOriginal } from '../files';
import { audit } from '../audit';
import { ActionError } from '../corrections';
import { can } from '../../auth/permissions';
import type { Actor } from '../../auth/actor';
import { isUnread, itemState, type ItemState } from '../../inbox/state';
import { answerText, answeringOrgan, type AnswerInput } from './answer';
import {
	markRectificationsSeen,
	rectificationEntries,
	syncExternalItems,
	unreadRectifications,
	type RectificationEntry
} from './sources';

export { answerRectification } from './sources';

const FILE_MAX = 20 * 1024 * 1024;

export type InboxKind = (typeof table.INBOX_KINDS)[number];

export interface InboxEntry {
	id: number;
	kind: InboxKind;
	organId: number;
	organName: string;
	title: string;
	body: string;
	deadline: string | null;
	/** The evidence: the report page (a note's or finding's cell selected), the organ's page, or null. */
	link: string | null;
	createdAt: number;
	createdByName: string | null;
	answer: string | null;
	answerFileName: string | null;
	answeredAt: number | null;
	answeredByName: string | null;
	closedAt: number | null;
	state: ItemState;
	/** New to the one looking (see inbox/state.ts). */
	unread: boolean;
}

export const KIND_LABELS: Record<InboxKind | RectificationEntry['kind'], string> = {
	note: '督查员提问',
	finding: '核查问题',
	reminder: '催报',
	rectification: '整改要求'
};

/** Which side of the inbox the actor is on: the organ's clerk, or the inspectors. */
export function sideOf(actor: Actor): 'organ' | 'inspector' | null {
	if (can(actor.role, 'inbox.manage')) return 'inspector';
	if (can(actor.role, 'inbox.answer') && actor.organId !== null) return 'organ';
	return null;
}

function scope(actor: Actor): SQL | undefined {
	const side = sideOf(actor);
	if (side === null) throw new ActionError('您没有查看待办的权限', 403);
	return side === 'organ' ? eq(table.inboxItem.organId, actor.organId!) : undefined;
}

const creator = alias(table.user, 'creator');
const answerer = alias(table.user, 'answerer');

function rows(where: SQL | undefined) {
	const i = table.inboxItem;
	return getDb()
		.select({
			item: i,
			organName: table.organ.name,
			year: table.report.year,
			cellPath: table.annotation.cellPath,
			creatorName: creator.displayName,
			creatorUser: creator.username,
			answererName: answerer.displayName,
			answererUser: answerer.username
		})
		.from(i)
		.innerJoin(table.organ, eq(table.organ.id, i.organId))
		.leftJoin(table.report, eq(table.report.id, i.reportId))
		.leftJoin(table.annotation, eq(table.annotation.id, i.annotationId))
		.leftJoin(creator, eq(creator.id, i.createdBy))
		.leftJoin(answerer, eq(answerer.id, i.answeredBy))
		.where(where)
		.orderBy(desc(i.id))
		.all();
}

function toEntry(r: ReturnType<typeof rows>[number], side: 'organ' | 'inspector'): InboxEntry {
	const it = r.item;
	let link: string | null = null;
	const cell = r.cellPath ?? it.cellPath;
	if (r.year !== null) link = `/organs/${it.organId}/${r.year}${cell ? `?cell=${encodeURIComponent(cell)}` : ''}`;
	// A finding about a report not held (X7, a missing report): the organ's own page.
	else if (it.kind === 'finding') link = `/organs/${it.organId}`;
	return {
		id: it.id,
		kind: it.kind,
		organId: it.organId,
		organName: r.organName,
		title: it.title,
		body: it.body,
		deadline: it.deadline,
		link,
		createdAt: it.createdAt,
		createdByName: r.creatorName ?? r.creatorUser,
		answer: it.answer,
		answerFileName: it.answerFileName,
		answeredAt: it.answeredAt,
		answeredByName: r.answererName ?? r.answererUser,
		closedAt: it.closedAt,
		state: itemState(it),
		unread: isUnread(side, it)
	};
}

export interface InboxView {
	side: 'organ' | 'inspector';
	items: InboxEntry[];
	/** The assessment's rectification requests: their thread lives there, answered through it. */
	rectifications: RectificationEntry[];
}

/** The actor's inbox, newest first; `open` leaves out closed items. */
export function listInbox(actor: Actor, opts: { open?: boolean } = {}): InboxView {
	const where = scope(actor);
	syncExternalItems();
	const side = sideOf(actor)!;
	const conds = [where, opts.open ? isNull(table.inboxItem.closedAt) : undefined].filter(Boolean) as SQL[];
	return {
		side,
		items: rows(conds.length ? and(...conds) : undefined).map((r) => toEntry(r, side)),
		rectifications: rectificationEntries(side, side === 'organ' ? actor.organId : null, opts)
	};
}

/** Marks what the actor was shown as seen (its side's unread count drops); `rectifications` are request ids. */
export function markSeen(actor: Actor, ids: number[], rectifications: number[] = []): void {
	const side = sideOf(actor);
	if (!side) return;
	markRectificationsSeen(side, side === 'organ' ? actor.organId : null, rectifications);
	if (!ids.length) return;
	const i = table.inboxItem;
	const now = Date.now();
	const db = getDb();
	if (side === 'organ')
		db.update(i)
			.set({ organSeenAt: now })
			.where(and(inArray(i.id, ids), eq(i.organId, actor.organId!), isNull(i.organSeenAt)))
			.run();
	else db.update(i).set({ inspectorSeenAt: now }).where(inArray(i.id, ids)).run();
}

/** The header's count: items new to the actor's side. */
export function unreadCount(actor: Actor): number {
	const side = sideOf(actor);
	if (!side) return 0;
	syncExternalItems();
	const i = table.inboxItem;
	const where = side === 'organ' ? and(eq(i.organId, actor.organId!), isNull(i.closedAt)) : isNull(i.closedAt);
	const items = getDb()
		.select({
			createdAt: i.createdAt,
			answeredAt: i.answeredAt,
			closedAt: i.closedAt,
			organSeenAt: i.organSeenAt,
			inspectorSeenAt: i.inspectorSeenAt
		})
		.from(i)
		.where(where)
		.all();
	return (
		items.filter((x) => isUnread(side, x)).length + unreadRectifications(side, side === 'organ' ? actor.organId : null)
	);
}

function itemFor(id: number, actor: Actor): table.InboxItem {
	const where = scope(actor);
	const row = getDb()
		.select()
		.from(table.inboxItem)
		.where(and(eq(table.inboxItem.id, id), where))
		.get();
	if (!row) throw new ActionError('待办事项不存在', 404);
	return row;
}

/** The organ's answer: text and an optional file; a later answer replaces it until the item is closed. */
export function answerItem(id: number, input: AnswerInput, actor: Actor): void {
	answeringOrgan(actor);
	const row = itemFor(id, actor);
	if (row.closedAt !== null) throw new ActionError('该事项已办结，不能再答复');
	const text = answerText(input);
	let file: { name: string; path: string } | null = null;
	if (input.file && input.file.bytes.length) {
		if (input.file.bytes.length > FILE_MAX) throw new ActionError(`附件“${input.file.name}”超过 20 MB`);
		file = { name: input.file.name.slice(-200), path: storeOriginal(input.file.bytes).path };
	}
	const db = getDb();
	db.$client
		.transaction(() => {
			db.update(table.inboxItem)
				.set({
					answer: text,
					answerFileName: file?.name ?? null,
					answerFilePath: file?.path ?? null,
					answeredBy: actor.id,
					answeredAt: Date.now(),
					inspectorSeenAt: null
				})
				.where(eq(table.inboxItem.id, id))
				.run();
			audit(actor.id, 'inbox.answer', { itemId: id, file: file?.name ?? null });
		})
		.immediate();
}

export function closeItem(id: number, actor: Actor): void {
	if (!can(actor.role, 'inbox.manage')) throw new ActionError('只有督查员可以办结', 403);
	const row = itemFor(id, actor);
	if (row.closedAt !== null) return;
	const db = getDb();
	db.$client
		.transaction(() => {
			db.update(table.inboxItem)
				.set({ closedAt: Date.now(), closedBy: actor.id })
				.where(eq(table.inboxItem.id, id))
				.run();
			audit(actor.id, 'inbox.close', { itemId: id, answered: row.answeredAt !== null });
		})
		.immediate();
}

/** An answer's file for download, narrowed like its item. */
export function answerFile(id: number, actor: Actor): { name: string; path: string } {
	const row = itemFor(id, actor);
	if (!row.answerFilePath || !row.answerFileName) throw new ActionError('该答复没有附件', 404);
	return { name: row.answerFileName, path: row.answerFilePath };
}

/** A note that asks for an answer becomes an item of the report's organ (same transaction as the note). */
export function itemForNote(
	note: { id: number; reportId: number; note: string; cellLabel: string | null },
	actorId: string
): void {
	const report = getDb()
		.select({ organId: table.report.organId, year: table.report.year })
		.from(table.report)
		.where(eq(table.report.id, note.reportId))
		.get();
	if (!report) return;
	getDb()
		.insert(table.inboxItem)
		.values({
			organId: report.organId,
			kind: 'note',
			reportId: note.reportId,
			annotationId: note.id,
			title: `${report.year}年度报告${note.cellLabel ? `：${note.cellLabel}` : ''}`,
			body: note.note,
			createdBy: actorId
		})
		.run();
}

/** The items of notes, keyed by note id: the report page shows each asked note's answer beside it. */
export function itemsOfNotes(
	noteIds: number[]
): Map<number, { id: number; answer: string | null; answeredAt: number | null; closedAt: number | null }> {
	if (!noteIds.length) return new Map();
	const i = table.inboxItem;
	const found = getDb()
		.select({
			annotationId: i.annotationId,
			id: i.id,
			answer: i.answer,
			answeredAt: i.answeredAt,
			closedAt: i.closedAt
		})
		.from(i)
		.where(inArray(i.annotationId, noteIds))
		.all();
	return new Map(
		found.map((f) => [f.annotationId!, { id: f.id, answer: f.answer, answeredAt: f.answeredAt, closedAt: f.closedAt }])
	);
}
