// Rectification (整改): a request with a deadline on one deduction; the organ's clerk answers what was done, an
// inspector accepts or rejects (a rejected request can be answered again). Every step is a message in the thread.
import { getDb } from '../db';
import { storeAttachment, type Attachment } from './entries';

import type { RectificationStatus } from '../../assessment/rectification-status';
export { STATUS_LABELS, type RectificationStatus } from '../../assessment/rectification-status';

export interface RectificationMessage {
	id: number;
	kind: 'request' | 'answer' | 'accept' | 'reject';
	text: string;
	fileName: string | null;
	author: string | null;
	createdAt: number;
}

export interface RectificationRow {
	id: number;
	quarter: string;
	organId: number;
	itemKey: string;
	indicatorId: string;
	problem: string;
	request: string;
	deadline: string;
	status: RectificationStatus;
	messages: RectificationMessage[];
}

export class RectificationRefusal extends Error {}

function rows(where: string, ...args: unknown[]): RectificationRow[] {
	const c = getDb().$client;
	const list = c
		.prepare(
			`SELECT id, quarter, organ_id AS organId, item_key AS itemKey, indicator_id AS indicatorId, problem, request, deadline, status
			   FROM rectification WHERE ${where} ORDER BY id`
		)
		.all(...args) as Omit<RectificationRow, 'messages'>[];
	if (!list.length) return [];
	const msgs = c
		.prepare(
			`SELECT m.id, m.rectification_id AS rid, m.kind, m.text, m.file_name AS fileName, coalesce(u.display_name, u.username) AS author, m.created_at AS createdAt
			   FROM rectification_message m LEFT JOIN user u ON u.id = m.author_id
			  WHERE m.rectification_id IN (SELECT id FROM rectification WHERE ${where}) ORDER BY m.id`
		)
		.all(...args) as (RectificationMessage & { rid: number })[];
	const by = new Map<number, RectificationMessage[]>();
	for (const { rid, ...m } of msgs) by.set(rid, [...(by.get(rid) ?? []), m]);
	return list.map((r) => ({ ...r, messages: by.get(r.id) ?? [] }));
}

export function listForQuarter(quarter: string, organId?: number): RectificationRow[] {
	return organId === undefined ? rows('quarter = ?', quarter) : rows('quarter = ? AND organ_id = ?', quarter, organId);
}

/** Requests of earlier quarters still not accepted: the next quarter shows them. */
export function openBefore(quarter: string, organId?: number): RectificationRow[] {
	return organId === undefined
		? rows("quarter < ? AND status <> 'accepted'", quarter)
		: rows("quarter < ? AND status <> 'accepted' AND organ_id = ?", quarter, organId);
}

export function get(id: number): RectificationRow | undefined {
	return rows('id = ?', id)[0];
}

const audit = (actorId: string | null, action: string, detail: unknown) =>
	getDb()
		.$client.prepare('INSERT INTO audit_log (user_id, action, detail) VALUES (?, ?, ?)')
		.run(actorId, action, JSON.stringify(detail));

export function request(
	input: Pick<RectificationRow, 'quarter' | 'organId' | 'itemKey' | 'indicatorId' | 'problem' | 'request' | 'deadline'>,
	actorId: string | null
): number {
	const text = input.request.trim();
	if (!text) throw new RectificationRefusal('请填写整改要求');
	if (!/^\d{4}-\d{2}-\d{2}$/.test(input.deadline) || Number.isNaN(Date.parse(input.deadline)))
		throw new RectificationRefusal('整改期限须为日期（YYYY-MM-DD）');
	const c = getDb().$client;
	return c.transaction(() => {
		const dup = c
			.prepare(
				"SELECT id FROM rectification WHERE quarter = ? AND organ_id = ? AND item_key = ? AND status <> 'accepted'"
			)
			.get(input.quarter, input.organId, input.itemKey);
		if (dup) throw new RectificationRefusal('该扣分项已有未完成的整改要求');
		const res = c
			.prepare(
				'INSERT INTO rectification (quarter, organ_id, item_key, indicator_id, problem, request, deadline, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
			)
			.run(
				input.quarter,
				input.organId,
				input.itemKey,
				input.indicatorId,
				input.problem,
				text,
				input.deadline,
				actorId
			);
		const id = Number(res.lastInsertRowid);
		c.prepare(
			"INSERT INTO rectification_message (rectification_id, kind, text, author_id) VALUES (?, 'request', ?, ?)"
		).run(id, text, actorId);
		audit(actorId, 'rectification.request', {
			id,
			quarter: input.quarter,
			organId: input.organId,
			itemKey: input.itemKey
		});
		return id;
	})();
}

/** The clerk's answer. `organId` is the answering user's organ: only that organ's requests can be answered. */
export function answer(
	id: number,
	text: string,
	actor: { id: string | null; organId: number | null },
	file: Attachment | null = null
): void {
	const t = text.trim();
	if (!t) throw new RectificationRefusal('请填写整改情况');
	let stored: { name: string; path: string } | null = null;
	try {
		stored = file ? storeAttachment(file) : null;
	} catch (e) {
		throw new RectificationRefusal((e as Error).message);
	}
	const c = getDb().$client;
	c.transaction(() => {
		const r = get(id);
		if (!r || r.organId !== actor.organId) throw new RectificationRefusal('整改要求不存在或不属于本单位');
		if (r.status === 'accepted') throw new RectificationRefusal('该整改已通过审核');
		c.prepare(
			"INSERT INTO rectification_message (rectification_id, kind, text, file_name, file_path, author_id) VALUES (?, 'answer', ?, ?, ?, ?)"
		).run(id, t, stored?.name ?? null, stored?.path ?? null, actor.id);
		c.prepare("UPDATE rectification SET status = 'answered' WHERE id = ?").run(id);
		audit(actor.id, 'rectification.answer', { id });
	})();
}

export function review(id: number, verdict: 'accept' | 'reject', text: string, actorId: string | null): void {
	const c = getDb().$client;
	c.transaction(() => {
		const r = get(id);
		if (!r) throw new RectificationRefusal('整改要求不存在');
		if (r.status !== 'answered') throw new RectificationRefusal('只能审核已答复的整改');
		if (verdict === 'reject' && !text.trim()) throw new RectificationRefusal('退回须说明理由');
		c.prepare('INSERT INTO rectification_message (rectification_id, kind, text, author_id) VALUES (?, ?, ?, ?)').run(
			id,
			verdict,
			text.trim() || '审核通过',
			actorId
		);
		c.prepare('UPDATE rectification SET status = ? WHERE id = ?').run(
			verdict === 'accept' ? 'accepted' : 'rejected',
			id
		);
		audit(actorId, `rectification.${verdict}`, { id });
	})();
}

/** The stored attachment of a message in a rectification of this organ, for download. */
export function attachment(messageId: number, organId: number): { name: string; path: string } | undefined {
	return getDb()
		.$client.prepare(
			`SELECT m.file_name AS name, m.file_path AS path FROM rectification_message m JOIN rectification r ON r.id = m.rectification_id
			  WHERE m.id = ? AND r.organ_id = ? AND m.file_path IS NOT NULL`
		)
		.get(messageId, organId) as { name: string; path: string } | undefined;
}
