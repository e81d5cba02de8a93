// The inbox on a temp database: a note asking for an answer reaches the organ's clerks only, with an unread count;
// the clerk answers (text and a file), the inspector sees the answer and closes it; a reminder reaches the clerks of
// exactly the selected organs; the printable notice lists them.
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { freshDatabaseEachTest } from '../../../../tests/helpers/db-per-test';
import { handBuilt } from '../../../../tests/helpers/hand-built-report';
import { storeModel } from '../../../../tests/helpers/stored-report';
import * as organs from '../organs';
import * as users from '../users';
import { addAnnotation, deleteAnnotation, listAnnotations } from '../annotations';
import { answerFile, answerItem, closeItem, listInbox, markSeen, unreadCount } from './items';
import { reminderCandidates, sendReminder } from '../reminders';
import { reminderNoticeDocx } from '../reminder-notice';
import { readOriginal } from '../files';
import { ActionError } from '../corrections';
import type { Actor } from '../../auth/actor';

freshDatabaseEachTest('dw-inbox-');

async function setUp() {
	const names = ['区甲局', '区乙局', '区丙局'];
	const reps = names.map((n, i) => storeModel(handBuilt(n, 2024), String(i + 1).padStart(64, 'a')));
	const [a, b, c] = names.map((n) => organs.findByName(n)!);
	const mk = async (username: string, role: Actor['role'], organId: number | null = null): Promise<Actor> => {
		const u = await users.create({ username, password: 'password-123', role, organId });
		return { id: u.id, role, organId };
	};
	return {
		a,
		b,
		c,
		reportA: reps[0].reportId,
		inspector: await mk('insp', 'inspector'),
		clerkA: await mk('clerk-a', 'clerk', a.id),
		clerkA2: await mk('clerk-a2', 'clerk', a.id),
		clerkB: await mk('clerk-b', 'clerk', b.id),
		clerkC: await mk('clerk-c', 'clerk', c.id)
	};
}

describe('inbox', () => {
	it('a note asking for an answer: unread for the organ, answered with a file, seen and closed by the inspector', async () => {
		const s = await setUp();
		addAnnotation({ reportId: s.reportA, note: '普通批注' }, s.inspector);
		const note = addAnnotation(
			{
				reportId: s.reportA,
				cellPath: 'applications.rows.new.total',
				note: '本年新收为何比上年少？',
				asksAnswer: true
			},
			s.inspector
		);
		expect(unreadCount(s.clerkA)).toBe(1);
		expect(unreadCount(s.clerkA2)).toBe(1);
		expect(unreadCount(s.clerkB)).toBe(0);
		expect(listInbox(s.clerkB).items).toEqual([]);
		const [item] = listInbox(s.clerkA).items;
		expect(item).toMatchObject({ kind: 'note', body: '本年新收为何比上年少？', state: 'open', unread: true });
		expect(item.link).toBe(`/organs/${s.a.id}/2024?cell=applications.rows.new.total`);
		markSeen(s.clerkA, [item.id]);
		expect(unreadCount(s.clerkA)).toBe(0);
		expect(unreadCount(s.inspector)).toBe(0);

		// Another organ's clerk cannot answer it; an inspector cannot answer for the organ.
		expect(() => answerItem(item.id, { text: 'x' }, s.clerkB)).toThrow(ActionError);
		expect(() => answerItem(item.id, { text: 'x' }, s.inspector)).toThrow(ActionError);
		answerItem(
			item.id,
			{
				text: '2024年申请渠道调整，已核实无误。',
				file: { name: '说明.pdf', bytes: new TextEncoder().encode('%PDF-说明') }
			},
			s.clerkA
		);
		expect(unreadCount(s.inspector)).toBe(1);
		const seen = listInbox(s.inspector).items.find((i) => i.id === item.id)!;
		expect(seen).toMatchObject({
			state: 'answered',
			answer: '2024年申请渠道调整，已核实无误。',
			answerFileName: '说明.pdf',
			unread: true
		});
		expect(new TextDecoder().decode(readOriginal(answerFile(item.id, s.clerkA).path))).toBe('%PDF-说明');
		expect(() => answerFile(item.id, s.clerkB)).toThrow(ActionError);
		expect(listAnnotations(s.reportA).find((n) => n.id === note.id)!.ask).toMatchObject({
			answer: '2024年申请渠道调整，已核实无误。',
			closedAt: null
		});

		expect(() => closeItem(item.id, s.clerkA)).toThrow(ActionError);
		closeItem(item.id, s.inspector);
		expect(unreadCount(s.inspector)).toBe(0);
		expect(listInbox(s.clerkA, { open: true }).items).toEqual([]);
		expect(listInbox(s.clerkA).items[0].state).toBe('closed');
		expect(() => answerItem(item.id, { text: '再补充' }, s.clerkA)).toThrow(/已办结/);
		// Removing the note removes its item.
		deleteAnnotation(note.id, s.inspector);
		expect(listInbox(s.clerkA).items).toEqual([]);
	});

	it('a reminder reaches the clerks of exactly the selected organs', async () => {
		const s = await setUp();
		// 2025: no organ has a report, all are candidates.
		expect(
			reminderCandidates(2025)
				.filter((c) => !c.hasReport)
				.map((c) => c.organId)
				.sort()
		).toEqual([s.a.id, s.b.id, s.c.id].sort());
		expect(reminderCandidates(2024).every((c) => c.hasReport)).toBe(true);
		const r = sendReminder(
			{ year: 2025, organIds: [s.a.id, s.c.id], message: '', deadline: '2026-03-31' },
			s.inspector
		);
		expect(r.organs).toBe(2);
		for (const [clerk, expected] of [
			[s.clerkA, 1],
			[s.clerkA2, 1],
			[s.clerkB, 0],
			[s.clerkC, 1]
		] as const) {
			expect(unreadCount(clerk)).toBe(expected);
			expect(listInbox(clerk).items.filter((i) => i.kind === 'reminder')).toHaveLength(expected);
		}
		const got = listInbox(s.clerkC).items[0];
		expect(got.deadline).toBe('2026-03-31');
		expect(got.body).toContain('2025年度');
		expect(reminderCandidates(2025).find((c) => c.organId === s.a.id)!.reminded).toBe(1);
		expect(() => sendReminder({ year: 2025, organIds: [s.a.id], message: '', deadline: null }, s.clerkA)).toThrow(
			ActionError
		);
		expect(() => sendReminder({ year: 2025, organIds: [], message: '', deadline: null }, s.inspector)).toThrow(
			ActionError
		);
	});

	it('reminder candidates are the roster organs of the year: an organ off the roster is not listed', async () => {
		const s = await setUp();
		organs.setStatus(s.b.id, 'outside', null);
		expect(
			reminderCandidates(2025)
				.map((c) => c.organId)
				.sort()
		).toEqual([s.a.id, s.c.id].sort());
	});

	it('the printable notice lists the organs, the year and the deadline', async () => {
		const bytes = await reminderNoticeDocx({
			year: 2025,
			organs: ['区甲局', '区丙局'],
			message: '请尽快发布。',
			deadline: '2026-03-31',
			date: '2026-12-01'
		});
		const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
		for (const s of ['区甲局', '区丙局', '2025年度', '2026年3月31日', '请尽快发布。']) expect(xml).toContain(s);
		expect(xml).not.toContain('区乙局');
	});
});
