import { describe, expect, it } from 'vitest';
import { alignBest } from './applications';
import type { ValueRow } from './rows';
import { APPLICATION_ROWS, applicationRowKeys, type TemplateVersion } from '../template';

const row = (label: string, line: number): ValueRow => ({
	line,
	label: label ? [label] : [],
	context: [],
	near: [],
	figs: []
});
const rowsOf = (layout: TemplateVersion) =>
	applicationRowKeys(layout).map((k, i) => {
		const d = APPLICATION_ROWS.find((r) => r.key === k)!;
		return row(d.number + d.label, i);
	});

describe('alignBest: rows to template keys by label and order', () => {
	it('clean labels map one to one, in either layout of row （六）', () => {
		for (const layout of ['2021', '2019'] as const) {
			const a = alignBest(rowsOf(layout), '2021');
			expect(a.layout).toBe(layout);
			expect(a.assigned.map((x) => x.key)).toEqual(applicationRowKeys(layout));
			expect(a.assigned.every((x) => x.byLabel)).toBe(true);
		}
	});
	it('a garbled label lands by its position, flagged as not confirmed by the label', () => {
		const rows = rowsOf('2021');
		rows[2] = row('┯枰怨_', 2);
		const a = alignBest(rows, '2021');
		expect(a.assigned[2]).toEqual({ key: 'granted', byLabel: false });
	});
	it('an absent row stays absent: the next row keeps its own key', () => {
		const rows = rowsOf('2021').filter((_, i) => i !== 7);
		const a = alignBest(rows, '2021');
		expect(a.assigned.map((x) => x.key)).toEqual(applicationRowKeys('2021').filter((_, i) => i !== 7));
	});
	it('an extra row that matches nothing is left out', () => {
		const rows = rowsOf('2019');
		rows.splice(5, 0, row('合计说明', 99));
		const a = alignBest(rows, '2019');
		expect(a.assigned[5].key).toBeNull();
		expect(a.assigned.filter((x) => x.key).map((x) => x.key)).toEqual(applicationRowKeys('2019'));
	});
});
