// Drafts end to end on a temp database: the check finds exactly what an import would (A1 in the draft, Y1 against
// last year's stored report) and writes nothing outside the draft table; a clean draft promotes to a revision
// through the import path; a clerk cannot check as another organ.
import { describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../../../../tests/helpers/db-per-test';
import { draftFiles } from '../../../../tests/helpers/draft-files';
import { getDb } from '../db';
import { importFiles } from '../import';
import * as organs from '../organs';
import * as reports from '../reports/read';
import * as users from '../users';
import type { Actor } from '../../auth/actor';
import { checkDraftBytes, DraftRefusal } from './check';
import { deleteDraft, listDrafts, promoteDraft, recheckDraft, saveDraft } from './store';
import { ActionError } from '../corrections';

freshDatabaseEachTest('dw-drafts-');

const admin: Actor = { id: null, role: 'admin', organId: null };
const d = draftFiles();

/** Everything a draft must not touch: reports, revisions, figures, findings, the dashboard's summaries. */
function snapshot(): string {
	const c = getDb().$client;
	const tables = [
		'report',
		'revision',
		'figure',
		'finding',
		'report_summary',
		'publication_year',
		'organ',
		'correction',
		'annotation'
	];
	return JSON.stringify(tables.map((t) => c.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

async function seed() {
	const results = await importFiles([d.stored2022, ...d.others.map((f) => ({ name: f.name, bytes: f.bytes }))], admin);
	expect(
		results.every((r) => r.status.startsWith('imported')),
		JSON.stringify(results)
	).toBe(true);
	const organ = organs.findByName(d.organ)!;
	const other = organs.list().find((o) => o.id !== organ.id)!;
	const clerk = await users.create({ username: 'clerk', password: 'clerk-pass-123', role: 'clerk', organId: organ.id });
	const otherClerk = await users.create({
		username: 'clerk2',
		password: 'clerk-pass-123',
		role: 'clerk',
		organId: other.id
	});
	const inspector = await users.create({ username: 'insp', password: 'insp-pass-123', role: 'inspector' });
	const actor = (u: { id: string; role: string; organId: number | null }) =>
		({ id: u.id, role: u.role, organId: u.organId }) as Actor;
	return { organ, other, clerk: actor(clerk), otherClerk: actor(otherClerk), inspector: actor(inspector) };
}

const rules = (fs: { rule: string; cells: string[] }[]) => fs.map((f) => `${f.rule}:${f.cells[0]}`).sort();

describe('draft check', () => {
	it('finds the A1 error and the broken carry-over against last year, exactly, and changes nothing', async () => {
		const { clerk } = await seed();
		const before = snapshot();
		const clean = await checkDraftBytes(d.clean2023.bytes, d.clean2023.name, { actor: clerk });
		expect(clean.check.findings).toEqual([]);
		expect(clean.check.comparedWith).toBe(2022);
		expect(clean.check.clean).toBe(true);

		const saved = await saveDraft(d.broken2023, clerk);
		expect(rules(saved.check.findings)).toEqual([
			'A1:applications.rows.new.natural_person',
			'A1:applications.rows.new.total',
			'Y1:applications.rows.carried_over.natural_person',
			'Y1:applications.rows.carried_over.total'
		]);
		expect(saved.check.errors).toBe(4);
		expect(saved.check.clean).toBe(false);
		// The fix list names the cells in words and says what to do; last year's cell is marked as last year's.
		const y1 = saved.check.fixes.find((f) => f.rule === 'Y1')!;
		expect(y1.where.join('；')).toMatch(/上年报告 表三.*结转下年度/);
		expect(y1.todo).toMatch(/上一年度/);
		expect(saved.check.fixes.map((f) => f.severity)).toEqual(['error', 'error', 'error', 'error']);

		expect(snapshot()).toBe(before);
		expect(reports.byOrganYear(saved.organId!, 2023)).toBeUndefined();
		expect(listDrafts(clerk).map((x) => x.id)).toEqual([saved.id]);
	});

	it('checks a draft of an organ the database does not hold on the report alone', async () => {
		await seed();
		const res = await checkDraftBytes(d.broken2023.bytes, d.broken2023.name, { organName: '不存在的单位' });
		expect(res.check.organId).toBeNull();
		expect(res.check.comparedWith).toBeNull();
		expect(rules(res.check.findings)).toEqual([
			'A1:applications.rows.new.natural_person',
			'A1:applications.rows.new.total'
		]);
	});

	it('refuses a file that is not a report', async () => {
		await expect(checkDraftBytes(d.notReport.bytes, d.notReport.name)).rejects.toMatchObject({ kind: 'not_report' });
	});

	it('does not let a clerk check a draft as another organ', async () => {
		const { other, otherClerk, clerk } = await seed();
		// The file is the other organ's report (its title names it).
		await expect(checkDraftBytes(d.clean2023.bytes, d.clean2023.name, { actor: otherClerk })).rejects.toBeInstanceOf(
			DraftRefusal
		);
		await expect(saveDraft(d.clean2023, otherClerk)).rejects.toMatchObject({ status: 403 });
		// Nor by asking for another organ by name.
		await expect(saveDraft({ ...d.clean2023, organName: other.name }, clerk)).rejects.toMatchObject({ status: 403 });
		expect(listDrafts(otherClerk)).toEqual([]);
		expect(listDrafts(clerk)).toEqual([]);
	});

	it('keeps drafts for their owner: another user can neither read nor delete them', async () => {
		const { clerk, inspector } = await seed();
		const saved = await saveDraft(d.broken2023, clerk);
		expect(() => deleteDraft(saved.id, inspector)).toThrow(ActionError);
		expect(listDrafts(inspector)).toEqual([]);
		const again = await recheckDraft(saved.id, clerk);
		expect(again.check.errors).toBe(4);
		deleteDraft(saved.id, clerk);
		expect(listDrafts(clerk)).toEqual([]);
	});

	it('promotes a clean draft to an import as a revision; a broken one only when acknowledged', async () => {
		const { clerk, organ } = await seed();
		const broken = await saveDraft(d.broken2023, clerk);
		await expect(promoteDraft(broken.id, clerk, false)).rejects.toBeInstanceOf(ActionError);
		expect(reports.byOrganYear(organ.id, 2023)).toBeUndefined();

		// No 2023 report yet: the clean draft creates it, with one revision.
		const clean = await saveDraft(d.clean2023, clerk);
		const result = await promoteDraft(clean.id, clerk, false);
		expect(result.status).toBe('imported');
		const report = reports.byOrganYear(organ.id, 2023)!;
		expect(report.id).toBe(result.reportId);
		expect(reports.history(report.id)).toHaveLength(1);
		expect(listDrafts(clerk).find((x) => x.id === clean.id)!.promotedAt).not.toBeNull();

		// The broken one, acknowledged, becomes the new revision of that same report, with its findings stored.
		const second = await promoteDraft(broken.id, clerk, true);
		expect(second.newRevision).toBe(true);
		expect(second.reportId).toBe(report.id);
		expect(reports.history(report.id)).toHaveLength(2);
		expect(rules(reports.findingsOf(report.id))).toEqual(rules(broken.check.findings));
	});
});
