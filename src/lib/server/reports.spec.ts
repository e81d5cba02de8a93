import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../tests/helpers/temp-db';
import { closeDb, getDb } from './db';
import * as table from './db/schema';
import * as reports from './reports';
import * as organs from './organs';
import { applyCorrections, figureRows, setCell } from './reports';
import type { Report, Row7 } from '../report/model';
import { APPLICANT_COLUMNS, applicationRowKeys } from '../report/template';

/** A hand-built, arithmetically consistent 2021-template report: 3 applications, all granted. */
function handBuilt(organ: string, year: number, carriedOver = 0, forward = 0): Report {
	const z = (): Row7 => [0, 0, 0, 0, 0, 0, 0];
	const rows: Report['applications']['rows'] = {};
	for (const k of applicationRowKeys('2021')) rows[k] = z();
	rows.new = [3, 0, 0, 0, 0, 0, 3];
	rows.carried_over = [carriedOver, 0, 0, 0, 0, 0, carriedOver];
	rows.granted = [3 + carriedOver - forward, 0, 0, 0, 0, 0, 3 + carriedOver - forward];
	rows.results_total = [...rows.granted];
	rows.carried_forward = [forward, 0, 0, 0, 0, 0, forward];
	return {
		organ,
		year,
		template: '2021',
		title: `${organ}${year}年政府信息公开工作年度报告`,
		published_on: `${year + 1}-01-20`,
		source: { file: 'x.txt', format: 'txt', encoding: 'utf-8', script: 'simplified', sha256: String(year).padStart(64, '0') },
		sections: { '1': '总体情况', '2': '', '3': '', '4': '', '5': '问题', '6': '无' },
		proactive: {
			rules: { issued: 1, repealed: 0, in_force: 5 },
			normative_docs: { in_force: 7, issued: 2, repealed: 1 },
			admin_fees: { amount_10k_yuan: 1.5 }
		},
		applications: { columns: [...APPLICANT_COLUMNS], rows },
		review: { reconsideration: [1, 0, 0, 0, 1], litigation_direct: [0, 0, 0, 0, 0] },
		fees: { info_processing_fee_yuan: 0 },
		findings: [],
		warnings: [],
		provenance: {}
	};
}

describe('figureRows', () => {
	it('puts section 3 rows in seven columns, section 4 groups in five, section 2 fields in template order', () => {
		const rows = figureRows(handBuilt('甲局', 2022));
		const by = (s: string, k: string) => rows.find((r) => r.section === s && r.rowKey === k)!.values;
		expect(rows.filter((r) => r.section === 'applications')).toHaveLength(applicationRowKeys('2021').length);
		expect(by('applications', 'new')).toEqual([3, 0, 0, 0, 0, 0, 3]);
		expect(by('review', 'reconsideration')).toEqual([1, 0, 0, 0, 1]);
		// The model lists in_force first; the columns follow the template: issued, repealed, in_force.
		expect(by('proactive', 'normative_docs')).toEqual([2, 1, 7]);
		const r2019 = handBuilt('乙局', 2020);
		r2019.template = '2019';
		r2019.proactive = { licensing: { decisions: 9, prev_items: 4, change: -1 } };
		expect(figureRows(r2019).find((r) => r.rowKey === 'licensing')!.values).toEqual([4, -1, 9]);
	});
});

describe('setCell and applyCorrections', () => {
	it('address cells by the provenance paths, dotted row keys included, without touching the original', () => {
		const m = handBuilt('甲局', 2022);
		const c = applyCorrections(m, [
			{ cellPath: 'applications.rows.refused.state_secret.total', newValue: 4 },
			{ cellPath: 'review.reconsideration.pending', newValue: 2 },
			{ cellPath: 'proactive.rules.in_force', newValue: 6 },
			{ cellPath: 'fees.info_processing_fee_yuan', newValue: 120 },
			{ cellPath: 'review.litigation_after_reconsideration.total', newValue: 1 },
			{ cellPath: 'proactive.rules.in_force', newValue: 8 }
		]);
		expect(c.applications.rows['refused.state_secret']![6]).toBe(4);
		expect(c.review.reconsideration![3]).toBe(2);
		expect(c.review.litigation_after_reconsideration).toEqual([null, null, null, null, 1]);
		expect(c.proactive.rules.in_force).toBe(8);
		expect(c.fees.info_processing_fee_yuan).toBe(120);
		expect(m.applications.rows['refused.state_secret']![6]).toBe(0);
		expect(m.proactive.rules.in_force).toBe(5);
		expect(setCell(m, 'applications.rows.new.nobody', 1)).toBe(false);
		expect(setCell(m, 'title', 1)).toBe(false);
		expect(setCell(m, 'applications.rows.new.0', 9)).toBe(true);
		expect(m.applications.rows.new![0]).toBe(9);
	});
});

describe('storage of hand-built reports', () => {
	let tmp: ReturnType<typeof useTempDatabase>;
	beforeEach(() => {
		tmp = useTempDatabase('dw-reports-');
	});
	afterEach(() => {
		closeDb();
		tmp.cleanup();
	});

	const store = (model: Report, sha = model.source.sha256) =>
		reports.addRevision({
			organId: organs.ensure(model.organ).id,
			year: model.year!,
			model,
			sha256: sha,
			fileName: 'x.txt',
			format: 'txt',
			encoding: 'utf-8',
			filePath: 'files/00/none',
			fileSize: 1,
			parserVersion: 'test',
			importedBy: null
		});
	const figure = (reportId: number, key: string) =>
		getDb().$client.prepare("SELECT c0, c6 FROM figure WHERE report_id = ? AND section = 'applications' AND row_key = ?").get(reportId, key);
	const rules = (reportId: number) =>
		(getDb().$client.prepare('SELECT rule FROM finding WHERE report_id = ?').all(reportId) as { rule: string }[]).map((r) => r.rule);

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
			.values({ reportId, cellPath: 'applications.rows.carried_forward.natural_person', oldValue: 1, newValue: 0, reason: '核对原件', authorId: user.id })
			.returning()
			.get();
		reports.recompute(reportId);
		expect(figure(reportId, 'carried_forward')).toEqual({ c0: 0, c6: 1 });
		expect(reports.effectiveModel(reportId)!.applications.rows.carried_forward![0]).toBe(0);
		// The corrected cell breaks the row's own sum (A3) and last year's link of the next report (Y1).
		expect(rules(reportId)).toContain('A3');
		expect(rules(next.reportId)).toContain('Y1');
		// The revision keeps what the parser read.
		expect(reports.getRevision(reports.get(reportId)!.currentRevisionId!)!.model.applications.rows.carried_forward![0]).toBe(1);

		db.$client.prepare('UPDATE correction SET undone_at = 1, undone_by = ? WHERE id = ?').run(user.id, corr.id);
		reports.recompute(reportId);
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
		reports.restoreRevision(r.reportId, reports.history(r.reportId)[1].id, null);
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
		const user = getDb().insert(table.user).values({ id: 'u2', username: 'clerk2', passwordHash: 'x', role: 'clerk', organId: from }).returning().get();

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
		expect(getDb().select().from(table.user).all().find((u) => u.id === user.id)!.organId).toBe(into);
		expect(() => organs.mergeOrgans(into, into)).toThrow();
	});
});
