// Notes inspectors leave on a report or on one of its cells, with author and time. A note can be removed by its
// author or an admin; removal is audited.
import { asc, eq } from 'drizzle-orm';
import { getDb } from './db';
import * as table from './db/schema';
import * as reports from './reports/read';
import { audit } from './audit';
import { can } from '../auth/permissions';
import type { Actor } from '../auth/actor';
import { canonicalPath, cellLabel } from '../report/cell-path';
import { ActionError } from './corrections';
import { itemForNote } from './inbox/items';

const NOTE_MAX = 2000;

export interface AnnotationRecord {
	id: number;
	reportId: number;
	/** null: a note on the whole report. */
	cellPath: string | null;
	label: string | null;
	note: string;
	authorId: string;
	authorName: string | null;
	createdAt: number;
	/** A note asking the organ for an answer: its inbox item's answer and state. */
	ask: { answer: string | null; answeredAt: number | null; closedAt: number | null } | null;
}

export function addAnnotation(
	input: { reportId: number; cellPath?: string | null; note: string; asksAnswer?: boolean },
	actor: Actor
): AnnotationRecord {
	if (!can(actor.role, 'reports.annotate')) throw new ActionError('您没有添加批注的权限', 403);
	const authorId = actor.id;
	if (authorId === null) throw new ActionError('批注须由登录用户添加', 403);
	const note = input.note.trim();
	if (!note) throw new ActionError('批注内容不能为空');
	if (note.length > NOTE_MAX) throw new ActionError(`批注不能超过${NOTE_MAX}字`);
	let cellPath: string | null = null;
	if (input.cellPath) {
		cellPath = canonicalPath(input.cellPath);
		if (!cellPath) throw new ActionError('批注所指的单元格不存在');
	}
	if (!reports.get(input.reportId)) throw new ActionError('报告不存在', 404);
	const db = getDb();
	const asksAnswer = !!input.asksAnswer;
	const row = db.$client
		.transaction(() => {
			const r = db
				.insert(table.annotation)
				.values({ reportId: input.reportId, cellPath, note, authorId, asksAnswer })
				.returning({ id: table.annotation.id })
				.get();
			if (asksAnswer)
				itemForNote(
					{ id: r.id, reportId: input.reportId, note, cellLabel: cellPath ? cellLabel(cellPath) : null },
					authorId
				);
			return r;
		})
		.immediate();
	return listAnnotations(input.reportId).find((a) => a.id === row.id)!;
}

/** Removes a note: its author, or an admin. */
export function deleteAnnotation(id: number, actor: Actor, reportId?: number): void {
	const db = getDb();
	const row = db.select().from(table.annotation).where(eq(table.annotation.id, id)).get();
	if (!row || (reportId !== undefined && row.reportId !== reportId)) throw new ActionError('批注不存在', 404);
	if (row.authorId !== actor.id && actor.role !== 'admin') throw new ActionError('只能删除自己的批注', 403);
	db.$client
		.transaction(() => {
			db.delete(table.annotation).where(eq(table.annotation.id, id)).run();
			audit(actor.id, 'report.annotation.delete', { reportId: row.reportId, note: row.note, cellPath: row.cellPath });
		})
		.immediate();
}

/** A report's notes, oldest first. */
export function listAnnotations(reportId: number): AnnotationRecord[] {
	return getDb()
		.select({
			id: table.annotation.id,
			reportId: table.annotation.reportId,
			cellPath: table.annotation.cellPath,
			note: table.annotation.note,
			authorId: table.annotation.authorId,
			displayName: table.user.displayName,
			username: table.user.username,
			createdAt: table.annotation.createdAt,
			asksAnswer: table.annotation.asksAnswer,
			answer: table.inboxItem.answer,
			answeredAt: table.inboxItem.answeredAt,
			closedAt: table.inboxItem.closedAt
		})
		.from(table.annotation)
		.leftJoin(table.user, eq(table.user.id, table.annotation.authorId))
		.leftJoin(table.inboxItem, eq(table.inboxItem.annotationId, table.annotation.id))
		.where(eq(table.annotation.reportId, reportId))
		.orderBy(asc(table.annotation.id))
		.all()
		.map(({ displayName, username, asksAnswer, answer, answeredAt, closedAt, ...a }) => ({
			...a,
			label: a.cellPath ? cellLabel(a.cellPath) : null,
			authorName: displayName ?? username,
			ask: asksAnswer ? { answer, answeredAt, closedAt } : null
		}));
}
