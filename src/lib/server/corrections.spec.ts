import { describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../../../tests/helpers/db-per-test';
import { storeModel } from '../../../tests/helpers/stored-report';
import { getDb } from './db';
import * as table from './db/schema';
import * as reports from './reports/read';
import { ActionError, correctFigure, listCorrections, undoCorrection } from './corrections';
import type { Actor } from '../auth/actor';
import { addAnnotation, deleteAnnotation, listAnnotations } from './annotations';
import { clone, sampleReport } from '../../../tests/oracles/sample-report';
import { runChecks } from '../report/checks';
import type { Report } from '../report/model';

freshDatabaseEachTest('dw-corrections-', () => {
	const db = getDb();
	for (const [id, role] of [
		['insp', 'inspector'],
		['lead', 'leader'],
		['adm', 'admin'],
		['insp2', 'inspector']
	] as const)
		db.insert(table.user)
			.values({ id, username: id, displayName: `用户${id}`, passwordHash: 'x', role })
			.run();
});

const inspector: Actor = { id: 'insp', role: 'inspector', organId: null };
const leader: Actor = { id: 'lead', role: 'leader', organId: null };

function store(model: Report, sha = model.source.sha256 || String(model.year).padStart(64, '0')) {
	model.findings = runChecks(model);
	return storeModel(model, sha);
}

/** The fixture with one A1 error: 本年新收（自然人） printed as 12 instead of 10. */
function withA1Error(): Report {
	const m = sampleReport();
	m.applications.rows.new = [12, 2, 0, 0, 1, 0, 15];
	return m;
}

const rules = (reportId: number) =>
	(
		getDb().$client.prepare('SELECT rule, cells_json AS cells FROM finding WHERE report_id = ?').all(reportId) as {
			rule: string;
			cells: string;
		}[]
	).map((r) => ({ rule: r.rule, cells: JSON.parse(r.cells) as string[] }));
const figure = (reportId: number, key: string) =>
	getDb()
		.$client.prepare("SELECT c0, c6 FROM figure WHERE report_id = ? AND section = 'applications' AND row_key = ?")
		.get(reportId, key);

describe('correctFigure', () => {
	it('logs who, when, old, new and why, keeps the parsed value, and re-runs the checks', () => {
		const { reportId, revisionId } = store(withA1Error());
		const a1 = rules(reportId).filter((f) => f.rule === 'A1');
		expect(a1.length).toBeGreaterThan(0);
		expect(a1.flatMap((f) => f.cells)).toContain('applications.rows.new.natural_person');

		// The A3 row sum of 本年新收 is 15 as printed; correcting both cells clears A1 and A3.
		const c1 = correctFigure(
			{ reportId, cellPath: 'applications.rows.new.natural_person', value: '10', reason: '核对原件，应为10件' },
			inspector
		);
		correctFigure(
			{ reportId, cellPath: 'applications.rows.new.total', value: '13', reason: '核对原件，应为13件' },
			inspector
		);
		expect(c1).toMatchObject({
			oldValue: 12,
			newValue: 10,
			parsedValue: 12,
			reason: '核对原件，应为10件',
			authorId: 'insp',
			authorName: '用户insp',
			undoneAt: null
		});
		expect(c1.label).toBe('表三 一、本年新收政府信息公开申请数量 · 自然人');
		expect(c1.createdAt).toBeGreaterThan(0);
		expect(rules(reportId).map((f) => f.rule)).not.toContain('A1');
		expect(figure(reportId, 'new')).toEqual({ c0: 10, c6: 13 });
		expect(reports.get(reportId)!.findingsCount).toBe(rules(reportId).length);
		// The revision still holds what the parser read.
		expect(reports.getRevision(revisionId)!.model.applications.rows.new).toEqual([12, 2, 0, 0, 1, 0, 15]);
		const audit = getDb()
			.select()
			.from(table.auditLog)
			.all()
			.filter((a) => a.action === 'report.correct');
		expect(audit).toHaveLength(2);
		expect(JSON.parse(audit[0].detail!)).toMatchObject({ old: 12, new: 10, reason: '核对原件，应为10件' });
	});

	it('can blank a cell and correct a fee or a section 2 money figure', () => {
		const { reportId } = store(sampleReport());
		correctFigure(
			{ reportId, cellPath: 'review.reconsideration.pending', value: '—', reason: '原件此格空白' },
			inspector
		);
		expect(reports.effectiveModel(reportId)!.review.reconsideration![3]).toBeNull();
		correctFigure(
			{ reportId, cellPath: 'proactive.admin_fees.amount_10k_yuan', value: '3.5', reason: '单位为万元' },
			inspector
		);
		expect(reports.effectiveModel(reportId)!.proactive.admin_fees.amount_10k_yuan).toBe(3.5);
		correctFigure(
			{ reportId, cellPath: 'fees.info_processing_fee_yuan', value: 200, reason: '第六部分写明收取200元' },
			inspector
		);
		expect(reports.get(reportId)!.feeYuan).toBe(200);
	});

	it('refuses without a reason, with a bad value, an unknown cell, an unchanged value or a leader', () => {
		const { reportId } = store(sampleReport());
		const attempt = (input: Partial<Parameters<typeof correctFigure>[0]>, actor = inspector) => {
			try {
				correctFigure(
					{ reportId, cellPath: 'applications.rows.new.total', value: '14', reason: '核对', ...input },
					actor
				);
				return null;
			} catch (e) {
				expect(e).toBeInstanceOf(ActionError);
				return e as ActionError;
			}
		};
		expect(attempt({ reason: '   ' })?.message).toContain('理由');
		expect(attempt({ value: '十四' })?.status).toBe(400);
		expect(attempt({ value: '1.5' })?.message).toContain('整数');
		expect(attempt({ cellPath: 'title' })?.status).toBe(400);
		expect(attempt({ value: '13' })?.message).toContain('相同');
		expect(attempt({ reportId: 9999 })?.status).toBe(404);
		expect(attempt({}, leader)?.status).toBe(403);
		expect(listCorrections(reportId)).toEqual([]);
		expect(attempt({})).toBeNull();
		expect(listCorrections(reportId)).toHaveLength(1);
	});

	it('undo brings the parsed value and its findings back, and is logged', () => {
		const { reportId } = store(withA1Error());
		const before = rules(reportId);
		const c = correctFigure(
			{ reportId, cellPath: 'applications.rows.new.natural_person', value: '10', reason: '核对原件' },
			inspector
		);
		// A1 of the column is gone; the row's own sum (A3) now disagrees instead.
		expect(rules(reportId)).not.toEqual(before);
		expect(rules(reportId).map((f) => f.rule)).toContain('A3');
		expect(() => undoCorrection(c.id, leader)).toThrow(ActionError);
		expect(() => undoCorrection(c.id, inspector, reportId + 1)).toThrow(/不存在/);
		const undone = undoCorrection(c.id, { id: 'insp2', role: 'inspector', organId: null });
		expect(undone).toMatchObject({ undoneBy: 'insp2', undoneByName: '用户insp2' });
		expect(undone.undoneAt).toBeGreaterThan(0);
		expect(rules(reportId)).toEqual(before);
		expect(figure(reportId, 'new')).toEqual({ c0: 12, c6: 15 });
		expect(() => undoCorrection(c.id, inspector)).toThrow(/已撤销/);
		expect(listCorrections(reportId).map((x) => x.id)).toEqual([c.id]);
	});

	it('a correction survives a new revision, applied to the new file, and its Y1 reaches the next year', () => {
		const y2022 = sampleReport();
		const y2023 = clone(sampleReport());
		y2023.year = 2023;
		y2023.title = y2023.title.replace('2022', '2023');
		y2023.published_on = '2024-01-10';
		// Carried over from 2022 exactly what 2022 carried forward, and its own sums hold.
		y2023.applications.rows.carried_over = [1, 0, 0, 0, 0, 0, 1];
		y2023.applications.rows.new = [11, 2, 0, 0, 1, 0, 14];
		const a = store(y2022, 'a'.repeat(64));
		const b = store(y2023, 'b'.repeat(64));
		expect(rules(b.reportId).map((f) => f.rule)).not.toContain('Y1');
		correctFigure(
			{ reportId: a.reportId, cellPath: 'applications.rows.carried_forward.total', value: '5', reason: '测试' },
			inspector
		);
		expect(rules(b.reportId).map((f) => f.rule)).toContain('Y1');
		const again = clone(y2022);
		again.sections['6'] = '另一份文件';
		store(again, 'c'.repeat(64));
		expect(reports.effectiveModel(a.reportId)!.applications.rows.carried_forward![6]).toBe(5);
		expect(listCorrections(a.reportId)[0].parsedValue).toBe(1);
	});
});

describe('annotations', () => {
	it('notes on the report and on a cell, with author and time; removable by the author or an admin', () => {
		const { reportId } = store(sampleReport());
		const n1 = addAnnotation({ reportId, note: '  请单位核实第三部分  ' }, inspector);
		const n2 = addAnnotation({ reportId, cellPath: 'applications.rows.granted.6', note: '与正文不一致' }, inspector);
		expect(n1).toMatchObject({ cellPath: null, note: '请单位核实第三部分', authorName: '用户insp' });
		expect(n2).toMatchObject({ cellPath: 'applications.rows.granted.total', label: '表三 （一）予以公开 · 总计' });
		expect(n2.createdAt).toBeGreaterThan(0);
		expect(() => addAnnotation({ reportId, note: ' ' }, inspector)).toThrow(/不能为空/);
		expect(() => addAnnotation({ reportId, cellPath: 'nowhere', note: 'x' }, inspector)).toThrow(ActionError);
		expect(() => addAnnotation({ reportId, note: 'x' }, leader)).toThrow(/权限/);
		expect(() => deleteAnnotation(n1.id, { id: 'insp2', role: 'inspector', organId: null })).toThrow(/自己/);
		deleteAnnotation(n1.id, { id: 'adm', role: 'admin', organId: null });
		deleteAnnotation(n2.id, inspector, reportId);
		expect(listAnnotations(reportId)).toEqual([]);
		expect(
			getDb()
				.select()
				.from(table.auditLog)
				.all()
				.filter((a) => a.action === 'report.annotation.delete')
		).toHaveLength(2);
	});
});
