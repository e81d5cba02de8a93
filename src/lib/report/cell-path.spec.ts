import { describe, expect, it } from 'vitest';
import {
	FEE_PATH,
	applicationPath,
	applicationRowPath,
	buildCellPath,
	canonicalPath,
	cellLabel,
	columnIndex,
	parseCellPath,
	previousPath,
	proactiveItemPath,
	proactivePath,
	readCellPath,
	reviewGroupPath,
	reviewPath,
	sectionPath,
	parseSectionPath,
	isWithin
} from './cell-path';
import {
	APPLICANT_COLUMNS,
	APPLICATION_ROWS,
	REVIEW_COLUMNS,
	REVIEW_GROUPS,
	TEMPLATE_VERSIONS,
	proactiveItems
} from './template';

/** Every figure cell path of both templates, spelled out here independently of the module. */
function everyPath(): string[] {
	const out = new Set<string>();
	for (const v of TEMPLATE_VERSIONS)
		for (const it of proactiveItems(v)) for (const f of it.fields) out.add(`proactive.${it.key}.${f}`);
	for (const r of APPLICATION_ROWS) for (const c of APPLICANT_COLUMNS) out.add(`applications.rows.${r.key}.${c}`);
	for (const g of REVIEW_GROUPS) for (const c of REVIEW_COLUMNS) out.add(`review.${g}.${c}`);
	out.add('fees.info_processing_fee_yuan');
	return [...out];
}

describe('building paths', () => {
	it('spells cells, rows and sections as the model contract does', () => {
		expect(applicationPath('refused.state_secret', 6)).toBe('applications.rows.refused.state_secret.total');
		expect(applicationPath('new', 'natural_person')).toBe('applications.rows.new.natural_person');
		expect(reviewPath('reconsideration', 3)).toBe('review.reconsideration.pending');
		expect(reviewPath('litigation_direct', 'upheld')).toBe('review.litigation_direct.upheld');
		expect(proactivePath('rules', 'issued')).toBe('proactive.rules.issued');
		expect(FEE_PATH).toBe('fees.info_processing_fee_yuan');
		expect(applicationRowPath('other.no_fee')).toBe('applications.rows.other.no_fee');
		expect(reviewGroupPath('reconsideration')).toBe('review.reconsideration');
		expect(proactiveItemPath('rules')).toBe('proactive.rules');
		expect(sectionPath('6')).toBe('sections.6');
		expect(previousPath(applicationPath('carried_forward', 0))).toBe(
			'previous.applications.rows.carried_forward.natural_person'
		);
	});
	it('hands out the same string for the same cell', () => {
		expect(applicationPath('granted', 6)).toBe(applicationPath('granted', 'total'));
	});
});

describe('parseCellPath and buildCellPath', () => {
	it('round-trip every cell of both templates', () => {
		const paths = everyPath();
		expect(paths.length).toBeGreaterThan(200);
		for (const p of paths) {
			const ref = parseCellPath(p);
			expect(ref, p).not.toBeNull();
			expect(buildCellPath(ref!)).toBe(p);
			expect(canonicalPath(p)).toBe(p);
		}
	});
	it('reads dotted row keys and column indexes', () => {
		expect(parseCellPath('applications.rows.refused.third_party.2')).toEqual({
			section: 'applications',
			row: 'refused.third_party',
			col: 2
		});
		expect(parseCellPath('review.litigation_after_reconsideration.total')).toEqual({
			section: 'review',
			group: 'litigation_after_reconsideration',
			col: 4
		});
		expect(parseCellPath('proactive.procurement.amount_10k_yuan')).toEqual({
			section: 'proactive',
			item: 'procurement',
			field: 'amount_10k_yuan'
		});
		expect(parseCellPath(FEE_PATH)).toEqual({ section: 'fees' });
		expect(canonicalPath('applications.rows.new.6')).toBe('applications.rows.new.total');
		expect(canonicalPath('review.reconsideration.4')).toBe('review.reconsideration.total');
	});
	it('names nothing for paths outside the tables', () => {
		for (const p of [
			'title',
			'applications.rows.nobody.total',
			'applications.rows.new.nobody',
			'review.appeal.total',
			'proactive.rules.colour',
			'applications.rows.new.7',
			'review.reconsideration',
			'applications.rows.new',
			'fees',
			'sections.3'
		])
			expect(parseCellPath(p), p).toBeNull();
	});
});

describe('readCellPath', () => {
	it('reads the shape without asking the template', () => {
		expect(readCellPath('applications.rows.nobody.total')).toEqual({ section: 'applications', row: 'nobody', col: 6 });
		expect(readCellPath('review.appeal.0')).toEqual({ section: 'review', group: 'appeal', col: 0 });
		expect(readCellPath('proactive.rules.colour')).toEqual({ section: 'proactive', item: 'rules', field: 'colour' });
	});
	it('refuses columns the table lacks and other shapes', () => {
		for (const p of [
			'applications.rows.new.nobody',
			'applications.rows.new.7',
			'review.reconsideration.5',
			'review.a.b.c',
			'proactive.rules',
			'applications.x.new.total',
			''
		])
			expect(readCellPath(p), p).toBeNull();
	});
});

describe('section paths and containment', () => {
	it('reads a section id back and tells a cell within a row', () => {
		expect(parseSectionPath(sectionPath('5'))).toBe('5');
		expect(parseSectionPath('sections.12')).toBeNull();
		expect(parseSectionPath(applicationPath('new', 6))).toBeNull();
		expect(isWithin(reviewPath('reconsideration', 1), reviewGroupPath('reconsideration'))).toBe(true);
		expect(isWithin(applicationPath('refused.state_secret', 6), applicationRowPath('refused'))).toBe(true);
		expect(isWithin(applicationPath('new', 6), applicationRowPath('new'))).toBe(true);
		expect(isWithin(applicationPath('new', 6), applicationPath('new', 6))).toBe(true);
		expect(isWithin(applicationPath('newer', 6), applicationRowPath('new'))).toBe(false);
	});
});

describe('columnIndex', () => {
	it('takes a name or an index within the table', () => {
		expect(columnIndex('total', APPLICANT_COLUMNS)).toBe(6);
		expect(columnIndex('6', APPLICANT_COLUMNS)).toBe(6);
		expect(columnIndex('7', APPLICANT_COLUMNS)).toBe(-1);
		expect(columnIndex('5', REVIEW_COLUMNS)).toBe(-1);
		expect(columnIndex('pending', REVIEW_COLUMNS)).toBe(3);
		expect(columnIndex('nobody', REVIEW_COLUMNS)).toBe(-1);
	});
});

describe('cellLabel', () => {
	it('names cells with the template labels', () => {
		expect(cellLabel('applications.rows.granted.natural_person')).toBe('表三 （一）予以公开 · 自然人');
		expect(cellLabel('applications.rows.partial.total')).toBe('表三 （二）部分公开 · 总计');
		expect(cellLabel('applications.rows.refused.state_secret.commercial')).toBe(
			'表三 （三）不予公开 1.属于国家秘密 · 商业企业'
		);
		expect(cellLabel('review.litigation_direct.corrected')).toBe('表四 未经复议直接起诉 · 结果纠正');
		expect(cellLabel('proactive.rules.issued')).toBe('表二 规章 · 本年制发件数');
		expect(cellLabel('proactive.procurement.items')).toBe('表二 政府集中采购 · 采购项目数量');
		expect(cellLabel('fees.info_processing_fee_yuan')).toContain('信息处理费');
	});
	it('names every cell of both templates, and leaves other paths as they are', () => {
		for (const p of everyPath()) expect(cellLabel(p), p).not.toBe(p);
		expect(cellLabel('sections.3')).toBe('sections.3');
	});
});
