// The inbox's other sources on a temp database: a cross-report finding an inspector confirmed reaches the clerks of
// the organ it is about (only them) with its evidence, is answered like a note, and leaves when the confirmation is
// withdrawn unanswered; the assessment's rectification requests are listed with their deadline and evidence,
// answered from the inbox into their own thread, and unread for the side that has something new.
import { describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../../../../tests/helpers/db-per-test';
import { renderReport } from '../../../../tests/helpers/report-files';
import { copiedPair } from '../../../../tests/helpers/copied-pair';
import { importFiles } from '../import';
import * as organs from '../organs';
import * as users from '../users';
import { listFindings, reviewFindings } from '../findings/review';
import * as rectifications from '../assessment/rectifications';
import { reminderCandidates } from '../reminders';
import { readOriginal } from '../files';
import { ActionError } from '../corrections';
import { answerItem, answerRectification, closeItem, listInbox, markSeen, unreadCount } from './items';
import type { Actor } from '../../auth/actor';
import Database from 'better-sqlite3';
import { getDb } from '../db';

freshDatabaseEachTest('dw-inbox-sources-');

const mk = async (username: string, role: Actor['role'], organId: number | null = null): Promise<Actor> => {
	const u = await users.create({ username, password: 'password-123', role, organId });
	return { id: u.id, role, organId };
};

/** The copied pair imported by an inspector, both organs as the database holds them. */
async function importedPair() {
	const { mine, theirs } = copiedPair('inbox-sources-copy');
	const inspector = await mk('insp', 'inspector');
	const res = await importFiles(
		[mine, theirs].map((r, i) => ({ name: `r${i}.txt`, bytes: renderReport(r) })),
		inspector
	);
	expect(res.map((r) => r.status.startsWith('imported'))).toEqual([true, true]);
	const a = organs.findByName(mine.organ)!;
	const b = organs.findByName(theirs.organ)!;
	return {
		a,
		b,
		inspector,
		clerkA: await mk('clerk-a', 'clerk', a.id),
		clerkB: await mk('clerk-b', 'clerk', b.id)
	};
}

describe('confirmed findings in the inbox', () => {
	it('reach only the organ they are about, with the evidence; answered, closed; withdrawn unanswered, gone', async () => {
		const s = await importedPair();
		const x6 = listFindings({ rule: 'X6' }).rows;
		const ofA = x6.find((f) => f.organId === s.a.id)!;
		expect(ofA.kind).toBe('cross');
		expect(x6.some((f) => f.organId === s.b.id)).toBe(true);
		// Open findings are not asked of anyone.
		expect(listInbox(s.clerkA).items).toEqual([]);
		expect(unreadCount(s.clerkA)).toBe(0);

		reviewFindings({ keys: [ofA.key], status: 'confirmed', note: '请说明第一部分为何与他单位雷同' }, s.inspector.id!);
		expect(unreadCount(s.clerkA)).toBe(1);
		expect(unreadCount(s.clerkB)).toBe(0);
		expect(listInbox(s.clerkB).items).toEqual([]);
		const [item] = listInbox(s.clerkA).items;
		expect(item).toMatchObject({ kind: 'finding', organId: s.a.id, state: 'open', unread: true });
		expect(item.title).toBe(`2023年度报告：${ofA.ruleName}（X6）`);
		expect(item.body).toContain(ofA.message);
		expect(item.body).toContain('请说明第一部分为何与他单位雷同');
		expect(item.link).toBe(`/organs/${s.a.id}/2023?cell=${encodeURIComponent(ofA.cells[0])}`);
		// Listing again feeds nothing twice.
		expect(listInbox(s.clerkA).items).toHaveLength(1);

		// Another organ's clerk can neither see nor answer it by id; an inspector does not answer for the organ.
		expect(() => answerItem(item.id, { text: 'x' }, s.clerkB)).toThrow(expect.objectContaining({ status: 404 }));
		expect(() => answerItem(item.id, { text: 'x' }, s.inspector)).toThrow(expect.objectContaining({ status: 403 }));
		markSeen(s.clerkA, [item.id]);
		expect(unreadCount(s.clerkA)).toBe(0);
		answerItem(item.id, { text: '已改写第一部分，将发布更正版。' }, s.clerkA);
		expect(unreadCount(s.inspector)).toBe(1);
		expect(listInbox(s.inspector).items[0]).toMatchObject({
			state: 'answered',
			answer: '已改写第一部分，将发布更正版。'
		});
		closeItem(item.id, s.inspector);
		expect(listInbox(s.clerkA, { open: true }).items).toEqual([]);

		// The other side's finding confirmed, then withdrawn before it was answered: it leaves the organ's inbox.
		const ofB = x6.find((f) => f.organId === s.b.id)!;
		reviewFindings({ keys: [ofB.key], status: 'confirmed' }, s.inspector.id!);
		expect(listInbox(s.clerkB).items.map((i) => i.kind)).toEqual(['finding']);
		expect(listInbox(s.clerkA).items).toHaveLength(1);
		reviewFindings({ keys: [ofB.key], status: 'dismissed', reason: 'false_positive' }, s.inspector.id!);
		expect(listInbox(s.clerkB).items).toEqual([]);
		expect(unreadCount(s.clerkB)).toBe(0);
		// The answered and closed one stays on record.
		expect(listInbox(s.clerkA).items[0].state).toBe('closed');
	});
});

describe('the header count', () => {
	it('takes no write lock for a confirmation whose finding a later import replaced', async () => {
		const s = await importedPair();
		const ofA = listFindings({ rule: 'X6' }).rows.find((f) => f.organId === s.a.id)!;
		reviewFindings({ keys: [ofA.key], status: 'confirmed' }, s.inspector.id!);
		expect(unreadCount(s.clerkA)).toBe(1);
		const item = listInbox(s.clerkA).items[0];
		closeItem(item.id, s.inspector);
		// Confirmed, its item gone, and no finding carries the fingerprint any more: nothing to feed.
		const c = getDb().$client;
		c.prepare('DELETE FROM inbox_item WHERE id = ?').run(item.id);
		c.prepare('DELETE FROM cross_finding WHERE fingerprint = ?').run(ofA.fingerprint);
		// Another process importing (holding the write lock): the count must not wait for it.
		const other = new Database(process.env.DATABASE_URL!);
		other.pragma('busy_timeout = 0');
		other.exec('BEGIN IMMEDIATE');
		c.pragma('busy_timeout = 50');
		try {
			expect(unreadCount(s.clerkA)).toBe(0);
		} finally {
			other.exec('ROLLBACK');
			other.close();
			c.pragma('busy_timeout = 5000');
		}
	});
});

describe('rectification requests in the inbox', () => {
	async function setUp() {
		const s = await importedPair();
		const ask = (organId: number, deadline: string) =>
			rectifications.request(
				{
					quarter: '2025Q1',
					organId,
					itemKey: `report.timely:${organId}`,
					indicatorId: 'report.timely',
					problem: '2024年度报告未按时发布',
					request: '补报2024年度报告并说明逾期原因',
					deadline
				},
				s.inspector.id
			);
		return { ...s, ask };
	}

	it('listed for the organ with deadline and evidence, answered from the inbox into its thread, reviewed', async () => {
		const s = await setUp();
		const id = s.ask(s.a.id, '2099-03-31');
		const idB = s.ask(s.b.id, '2099-03-31');
		expect(unreadCount(s.clerkA)).toBe(1);
		const view = listInbox(s.clerkA);
		expect(view.rectifications.map((r) => r.id)).toEqual([id]);
		const [r] = view.rectifications;
		expect(r).toMatchObject({
			organId: s.a.id,
			quarter: '2025Q1',
			deadline: '2099-03-31',
			state: 'open',
			status: 'open',
			overdue: false,
			unread: true,
			link: `/assessment/2025Q1/${s.a.id}`
		});
		expect(r.messages.map((m) => m.kind)).toEqual(['request']);
		expect(listInbox(s.clerkB).rectifications.map((x) => x.id)).toEqual([idB]);

		// Another organ's request cannot be answered by id (not found); an inspector cannot answer at all.
		expect(() => answerRectification(idB, { text: '已整改' }, s.clerkA)).toThrow(
			expect.objectContaining({ status: 404 })
		);
		expect(() => answerRectification(id, { text: '已整改' }, s.inspector)).toThrow(
			expect.objectContaining({ status: 403 })
		);
		expect(() => answerRectification(id, { text: '  ' }, s.clerkA)).toThrow(ActionError);
		expect(rectifications.get(idB)!.messages).toHaveLength(1);

		markSeen(s.clerkA, [], [id]);
		expect(unreadCount(s.clerkA)).toBe(0);
		answerRectification(
			id,
			{ text: '已于3月补报。', file: { name: '补报说明.pdf', bytes: new TextEncoder().encode('%PDF-补报') } },
			s.clerkA
		);
		expect(rectifications.get(id)!.status).toBe('answered');
		const answered = listInbox(s.inspector).rectifications.find((x) => x.id === id)!;
		expect(answered).toMatchObject({ state: 'answered', unread: true, organName: s.a.name });
		const msg = answered.messages[1];
		expect(msg).toMatchObject({ kind: 'answer', text: '已于3月补报。', fileName: '补报说明.pdf' });
		expect(msg.fileLink).toBe(`/assessment/2025Q1/${s.a.id}/files/m${msg.id}`);
		expect(new TextDecoder().decode(readOriginal(rectifications.attachment(msg.id, s.a.id)!.path))).toBe('%PDF-补报');
		expect(unreadCount(s.inspector)).toBe(1);
		markSeen(s.inspector, [], [id]);
		expect(unreadCount(s.inspector)).toBe(0);

		// Rejected: news to the organ again; answered again; accepted: closed, out of the open list.
		rectifications.review(id, 'reject', '请附发布截图', s.inspector.id);
		expect(unreadCount(s.clerkA)).toBe(1);
		expect(listInbox(s.clerkA).rectifications[0]).toMatchObject({ status: 'rejected', state: 'open' });
		answerRectification(id, { text: '截图已附。' }, s.clerkA);
		expect(unreadCount(s.clerkA)).toBe(0);
		rectifications.review(id, 'accept', '', s.inspector.id);
		expect(listInbox(s.clerkA, { open: true }).rectifications).toEqual([]);
		expect(listInbox(s.clerkA).rectifications[0].state).toBe('closed');
		expect(() => answerRectification(id, { text: '再补充' }, s.clerkA)).toThrow(/已通过/);
	});

	it('a request past its deadline is overdue, and its organ is a reminder candidate for it', async () => {
		const s = await setUp();
		s.ask(s.a.id, '2020-01-31');
		expect(listInbox(s.clerkA).rectifications[0].overdue).toBe(true);
		const byOrgan = new Map(reminderCandidates(2023).map((c) => [c.organId, c]));
		expect(byOrgan.get(s.a.id)).toMatchObject({ hasReport: true, overdue: 1 });
		expect(byOrgan.get(s.b.id)!.overdue).toBe(0);
	});
});
