// The assessment's rectification requests (整改, issue 13) in the inbox. Their thread stays where it lives (request,
// answers, accept/reject in rectification_message, reviewed on the assessment page); the inbox lists them for the
// organ with their deadline and evidence, lets the clerk answer through the assessment's own `answer`, and keeps
// only who has seen what (rectification_seen).
import { getDb } from '../db';
import { statement } from '../db/statement';
import { ActionError } from '../corrections';
import * as rectifications from '../assessment/rectifications';
import { answerText, answeringOrgan, type AnswerInput } from './answer';
import type { Actor } from '../../auth/actor';
import { isRectificationUnread, rectificationState, type ItemState, type RectificationMarks } from '../../inbox/state';

export interface RectificationMessageView {
	id: number;
	kind: 'request' | 'answer' | 'accept' | 'reject';
	text: string;
	fileName: string | null;
	/** The attachment's download (narrowed to the organ's viewers), or null. */
	fileLink: string | null;
	author: string | null;
	createdAt: number;
}

export interface RectificationEntry {
	kind: 'rectification';
	id: number;
	organId: number;
	organName: string;
	quarter: string;
	/** The deduction it is about. */
	problem: string;
	request: string;
	deadline: string;
	status: RectificationMarks['status'];
	state: ItemState;
	/** Past its deadline and not yet answered or accepted. */
	overdue: boolean;
	/** The deduction and its evidence: the organ's assessment page for the quarter. */
	link: string;
	messages: RectificationMessageView[];
	unread: boolean;
	createdAt: number;
}

type Row = RectificationMarks &
	Pick<
		RectificationEntry,
		'id' | 'organId' | 'organName' | 'quarter' | 'problem' | 'request' | 'deadline' | 'createdAt'
	>;

const SELECT = `SELECT r.id, r.organ_id AS organId, o.name AS organName, r.quarter, r.problem, r.request, r.deadline,
		r.status, r.created_at AS createdAt, s.organ_seen_message_id AS organSeenMessageId, s.inspector_seen_message_id AS inspectorSeenMessageId,
		(SELECT max(m.id) FROM rectification_message m WHERE m.rectification_id = r.id AND m.kind IN ('request', 'reject')) AS askedMessageId,
		(SELECT max(m.id) FROM rectification_message m WHERE m.rectification_id = r.id AND m.kind = 'answer') AS answeredMessageId
	FROM rectification r JOIN organ o ON o.id = r.organ_id LEFT JOIN rectification_seen s ON s.rectification_id = r.id`;

function select(organId: number | null, open: boolean): Row[] {
	const where = [organId === null ? '' : 'r.organ_id = ?', open ? "r.status <> 'accepted'" : ''].filter(Boolean);
	return statement(`${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY r.id DESC`).all(
		...(organId === null ? [] : [organId])
	) as Row[];
}

const today = () => new Date().toISOString().slice(0, 10);

function messagesOf(rows: Row[]): Map<number, RectificationMessageView[]> {
	const by = new Map<number, RectificationMessageView[]>();
	if (!rows.length) return by;
	const ids = rows.map((r) => r.id);
	const where = new Map(rows.map((r) => [r.id, r]));
	const found = getDb()
		.$client.prepare(
			`SELECT m.id, m.rectification_id AS rid, m.kind, m.text, m.file_name AS fileName, coalesce(u.display_name, u.username) AS author, m.created_at AS createdAt
			   FROM rectification_message m LEFT JOIN user u ON u.id = m.author_id
			  WHERE m.rectification_id IN (${ids.map(() => '?').join(',')}) ORDER BY m.id`
		)
		.all(...ids) as (Omit<RectificationMessageView, 'fileLink'> & { rid: number })[];
	for (const { rid, ...m } of found) {
		const r = where.get(rid)!;
		const fileLink = m.fileName ? `/assessment/${r.quarter}/${r.organId}/files/m${m.id}` : null;
		by.set(rid, [...(by.get(rid) ?? []), { ...m, fileLink }]);
	}
	return by;
}

/** The requests of one organ (a clerk) or of all (null: inspectors), newest first; `open` leaves out accepted ones. */
export function rectificationEntries(
	side: 'organ' | 'inspector',
	organId: number | null,
	opts: { open?: boolean } = {}
): RectificationEntry[] {
	const rows = select(organId, opts.open ?? false);
	const messages = messagesOf(rows);
	const now = today();
	return rows.map((r) => {
		const state = rectificationState(r);
		return {
			kind: 'rectification',
			id: r.id,
			organId: r.organId,
			organName: r.organName,
			quarter: r.quarter,
			problem: r.problem,
			request: r.request,
			deadline: r.deadline,
			status: r.status,
			state,
			overdue: state === 'open' && r.deadline < now,
			link: `/assessment/${r.quarter}/${r.organId}`,
			messages: messages.get(r.id) ?? [],
			unread: isRectificationUnread(side, r),
			createdAt: r.createdAt
		};
	});
}

/** The header's share: requests new to the actor's side. */
export function unreadRectifications(side: 'organ' | 'inspector', organId: number | null): number {
	return select(organId, true).filter((r) => isRectificationUnread(side, r)).length;
}

/** Marks what the side was shown as seen, up to each thread's latest message; a clerk only its own organ's. */
export function markRectificationsSeen(side: 'organ' | 'inspector', organId: number | null, ids: number[]): void {
	if (!ids.length) return;
	const c = getDb().$client;
	const column = side === 'organ' ? 'organ_seen_message_id' : 'inspector_seen_message_id';
	const upsert = c.prepare(
		`INSERT INTO rectification_seen (rectification_id, ${column})
		 SELECT r.id, (SELECT max(m.id) FROM rectification_message m WHERE m.rectification_id = r.id)
		   FROM rectification r WHERE r.id = @id ${side === 'organ' ? 'AND r.organ_id = @organId' : ''}
		 ON CONFLICT (rectification_id) DO UPDATE SET ${column} = excluded.${column}`
	);
	c.transaction(() => {
		for (const id of ids) upsert.run(side === 'organ' ? { id, organId } : { id });
	}).immediate();
}

/**
 * The clerk answers a request from the inbox: the assessment's own answer (its thread, its status), after the
 * inbox's checks. Another organ's request is not found (404), whatever its id.
 */
export function answerRectification(id: number, input: AnswerInput, actor: Actor): void {
	const organId = answeringOrgan(actor);
	const r = rectifications.get(id);
	if (!r || r.organId !== organId) throw new ActionError('待办事项不存在', 404);
	if (r.status === 'accepted') throw new ActionError('该整改已通过审核，不能再答复');
	const text = answerText(input);
	try {
		rectifications.answer(
			id,
			text,
			{ id: actor.id, organId },
			input.file && input.file.bytes.length ? input.file : null
		);
	} catch (e) {
		if (e instanceof rectifications.RectificationRefusal) throw new ActionError(e.message);
		throw e;
	}
	markRectificationsSeen('organ', organId, [id]);
}

/** Open requests past their deadline, by organ: reminders (催报) list them beside a missing report. */
export function overdueRectifications(): Map<number, number> {
	const rows = statement(
		"SELECT organ_id AS organId, count(*) AS n FROM rectification WHERE status IN ('open', 'rejected') AND deadline < ? GROUP BY organ_id"
	).all(today()) as { organId: number; n: number }[];
	return new Map(rows.map((r) => [r.organId, r.n]));
}
