import { describe, expect, it } from 'vitest';
import { handBuilt } from '../../../tests/helpers/hand-built-report';
import { checkParentSums } from './parent-sums';
import type { ReportRef } from './types';

const r = (organ: string, model = handBuilt(organ, 2023)): ReportRef => ({
	organ,
	organName: organ,
	year: 2023,
	model
});

function sumOf(...kids: ReportRef[]) {
	const m = handBuilt('区政府', 2023);
	for (const [k, row] of Object.entries(m.applications.rows))
		row!.forEach(
			(_, i) => (row![i] = kids.reduce((s, c) => s + (c.model.applications.rows[k as 'new']![i] as number), 0))
		);
	for (const [g, row] of Object.entries(m.review))
		row!.forEach(
			(_, i) => (row![i] = kids.reduce((s, c) => s + (c.model.review[g as 'reconsideration']![i] as number), 0))
		);
	return m;
}

describe('H1 parent against children', () => {
	const kids = [r('甲局'), r('乙局', handBuilt('乙局', 2023, 2, 1))];

	it('no finding when the parent equals the children’s sums', () => {
		expect(checkParentSums(r('区政府', sumOf(...kids)), kids)).toEqual([]);
	});

	it('a warning naming the cells, both sides’ values', () => {
		const m = sumOf(...kids);
		m.applications.rows.new![6] = 99;
		const found = checkParentSums(r('区政府', m), kids);
		expect(found).toHaveLength(1);
		expect(found[0].severity).toBe('warning');
		expect(found[0].uncertain).toBe(false);
		expect(found[0].cells).toEqual(['applications.rows.new.total']);
		expect(found[0].values).toEqual({ 'applications.rows.new.total': 99, 'children:applications.rows.new.total': 6 });
	});

	it('uncertain when a child is missing or the parent covers only 本级', () => {
		const m = sumOf(...kids);
		m.applications.rows.new![6] = 99;
		const expected = [...kids, r('丙局')].map((k) => ({ organ: k.organ, organName: k.organName }));
		const missing = checkParentSums(r('区政府', m), kids, expected);
		expect(missing[0].uncertain).toBe(true);
		expect(missing[0].message).toContain('不确定');
		expect(missing[0].missingChildren?.map((c) => c.organ)).toEqual(['丙局']);
		const own = sumOf(...kids);
		own.applications.rows.new![6] = 99;
		own.sections['1'] = '本报告仅包含区政府本级的情况。';
		expect(checkParentSums(r('区政府', own), kids)[0].uncertain).toBe(true);
	});

	it('cells a child leaves blank are not compared', () => {
		const m = sumOf(...kids);
		m.applications.rows.new![6] = 99;
		const blank = handBuilt('甲局', 2023);
		blank.applications.rows.new![6] = null;
		expect(checkParentSums(r('区政府', m), [r('甲局', blank), kids[1]])).toEqual([]);
	});
});
