import { describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../../../../tests/helpers/db-per-test';
import { storeModel } from '../../../../tests/helpers/stored-report';
import { handBuilt } from '../../../../tests/helpers/hand-built-report';
import { getDb } from '../db';
import * as table from '../db/schema';
import * as reports from './read';
import { recompute, restoreRevision } from './write';
import * as organs from '../organs';
import type { Report } from '../../report/model';

describe('storage of hand-built reports', () => {
	freshDatabaseEachTest('dw-reports-');
	const store = (model: Report, sha = model.source.sha256) => storeModel(model, sha);
	const figure = (reportId: number, key: string) =>
		getDb()
			.$client.prepare("SELECT c0, c6 FROM figure WHERE report_id = ? AND section = 'applications' AND row_key = ?")
			.get(reportId, key);
	const rules = (reportId: number) =>
		(getDb().$client.prepare('SELECT rule FROM finding WHERE report_id = ?').all(reportId) as { rule: string }[]).map(
			(r) => r.rule
		);

	it('writes figures, denormalised columns and Y1 in both directions of arrival', () => {
		const later = store(handBuilt('甲局', 2022, 2, 0));
		expect(rules(later.reportId)).not.toContain('Y1');
		const earlier = store(handBuilt('甲局', 2021, 0, 1));
		// 2021 carried 1 forward; 2022 says 2 were carried over: Y1 on 2022, found when 2021 arrives.
		expect(rules(later.reportId)).toContain('Y1');
		expect(rules(earlier.reportId)).not.toContain('Y1');
		const row = reports.get(later.reportId)!;
		expect(row).toMatchObject({ year: 2022, template: '2021', publishedOn: '2023-01-20', feeYuan: 0 });
		expect(row.findingsCount).toBe(rules(later.reportId).length);
		expect(figure(later.reportId, 'carried_over')).toEqual({ c0: 2, c6: 2 });
	});

	it('recomputes the effective model from active corrections, and back when one is undone', async () => {
		const { reportId } = store(handBuilt('甲局', 2021, 0, 1));
		const next = store(handBuilt('甲局', 2022, 1, 0));
		expect(rules(next.reportId)).not.toContain('Y1');
		const db = getDb();
		const user = db
			.insert(table.user)
			.values({ id: 'u1', username: 'insp', passwordHash: 'x', role: 'inspector' })
			.returning()
			.get();
		const corr = db
			.insert(table.correction)
			.values({
				reportId,
				cellPath: 'applications.rows.carried_forward.natural_person',
				oldValue: 1,
				newValue: 0,
				reason: '核对原件',
				authorId: user.id
			})
			.returning()
			.get();
		recompute(reportId);
		expect(figure(reportId, 'carried_forward')).toEqual({ c0: 0, c6: 1 });
		expect(reports.effectiveModel(reportId)!.applications.rows.carried_forward![0]).toBe(0);
		// The corrected cell breaks the row's own sum (A3) and last year's link of the next report (Y1).
		expect(rules(reportId)).toContain('A3');
		expect(rules(next.reportId)).toContain('Y1');
		// The revision keeps what the parser read.
		expect(
			reports.getRevision(reports.get(reportId)!.currentRevisionId!)!.model.applications.rows.carried_forward![0]
		).toBe(1);

		db.$client.prepare('UPDATE correction SET undone_at = 1, undone_by = ? WHERE id = ?').run(user.id, corr.id);
		recompute(reportId);
		expect(figure(reportId, 'carried_forward')).toEqual({ c0: 1, c6: 1 });
		expect(rules(reportId)).not.toContain('A3');
		expect(rules(next.reportId)).not.toContain('Y1');
	});

	it('lists reports by organ and year, and keeps revisions in history', () => {
		store(handBuilt('甲局', 2021));
		store(handBuilt('乙局', 2021));
		const second = handBuilt('甲局', 2021, 0, 0);
		second.published_on = '2022-03-01';
		const r = store(second, 'f'.repeat(64));
		expect(r.created).toBe(false);
		expect(reports.list({ year: 2021 }).map((x) => x.organName)).toEqual(['乙局', '甲局'].sort());
		expect(reports.list({ organIds: [organs.findByName('甲局')!.id] })).toHaveLength(1);
		expect(reports.history(r.reportId).map((h) => h.current)).toEqual([true, false]);
		// A department publishing in March is late: T1 on the current revision only.
		expect(rules(r.reportId)).toContain('T1');
		restoreRevision(r.reportId, reports.history(r.reportId)[1].id, null);
		expect(rules(r.reportId)).not.toContain('T1');
		expect(reports.get(r.reportId)!.publishedOn).toBe('2022-01-20');
	});

	it('merging organs moves reports, keeps both files of a shared year, and links the years for Y1', () => {
		const old2021 = store(handBuilt('甲局', 2021, 0, 1));
		const renamed2022 = store(handBuilt('甲局（新）', 2022, 2, 0));
		const twin = handBuilt('甲局', 2022, 2, 0);
		twin.sections['6'] = '另一份文件';
		const old2022 = store(twin, 'e'.repeat(64));
		expect(rules(renamed2022.reportId)).not.toContain('Y1');
		const from = organs.findByName('甲局')!.id;
		const into = organs.findByName('甲局（新）')!.id;
		const user = getDb()
			.insert(table.user)
			.values({ id: 'u2', username: 'clerk2', passwordHash: 'x', role: 'clerk', organId: from })
			.returning()
			.get();

		organs.mergeOrgans(from, into, null);
		expect(organs.get(from)).toBeUndefined();
		expect(organs.findByName('甲局')!.id).toBe(into);
		expect(reports.list({ organId: into }).map((r) => r.year)).toEqual([2022, 2021]);
		// 2022 existed on both sides: the merged organ's report stays current, the other file joins its history.
		const hist = reports.history(renamed2022.reportId);
		expect(hist.map((h) => [h.id, h.current])).toEqual([
			[old2022.revisionId, false],
			[renamed2022.revisionId, true]
		]);
		expect(reports.get(old2022.reportId)).toBeUndefined();
		// 2021 carried 1 forward, 2022 says 2 were carried over: now the same organ, so Y1 is found.
		expect(rules(renamed2022.reportId)).toContain('Y1');
		expect(reports.get(old2021.reportId)!.organId).toBe(into);
		expect(
			getDb()
				.select()
				.from(table.user)
				.all()
				.find((u) => u.id === user.id)!.organId
		).toBe(into);
		expect(() => organs.mergeOrgans(into, into)).toThrow();
	});
});
