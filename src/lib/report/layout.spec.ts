// The rendered table layout on its own (the generator's renderers and the report page both draw it; the merge
// structure against the national blank form is tested with the renderers in generator/render.spec.ts).
import { describe, expect, it } from 'vitest';
import {
	applicationsTable,
	expandGrid,
	formatCell,
	layoutReport,
	proactiveTable,
	reviewTable,
	type TableBlock
} from './layout';
import { figureCellPaths, getCell } from './corrections';
import { FEE_PATH, parseCellPath } from './cell-path';
import { clone, sampleReport } from '../../../tests/oracles/sample-report';

const figureCells = (t: TableBlock) => t.rows.flat().filter((c) => c.path);

describe('table layout', () => {
	it('draws every figure cell of the model once, with its value and its path', () => {
		const m = sampleReport();
		const tables = [proactiveTable(m), applicationsTable(m), reviewTable(m)];
		const cells = tables.flatMap(figureCells);
		expect(cells.map((c) => c.path).sort()).toEqual(
			figureCellPaths(m)
				.filter((p) => p !== FEE_PATH)
				.sort()
		);
		for (const c of cells) {
			expect(parseCellPath(c.path!), c.path).not.toBeNull();
			expect(c.text, c.path).toBe(formatCell(getCell(m, c.path!)));
		}
	});

	it('fills every grid position, spans included', () => {
		for (const t of [proactiveTable(sampleReport()), applicationsTable(sampleReport()), reviewTable(sampleReport())]) {
			const grid = expandGrid(t);
			expect(grid.length).toBe(t.rows.length);
			for (const row of grid) {
				expect(row.length).toBe(t.columns);
				for (const cell of row) expect(cell).toBeDefined();
			}
		}
	});

	it('draws the 2019 single row （六） and leaves out rows the report did not print', () => {
		const m = clone(sampleReport());
		const rows = m.applications.rows as Record<string, unknown>;
		for (const k of ['other.no_correction', 'other.no_fee', 'other.other']) delete rows[k];
		rows.other = [1, 0, 0, 0, 0, 0, 1];
		delete rows.partial;
		m.other_layout = '2019';
		const paths = figureCells(applicationsTable(m)).map((c) => c.path);
		expect(paths).toContain('applications.rows.other.total');
		expect(paths.some((p) => p!.startsWith('applications.rows.other.no_fee'))).toBe(false);
		expect(paths.some((p) => p!.startsWith('applications.rows.partial.'))).toBe(false);
	});

	it('lays out the title, the six headings and the tables in order', () => {
		const blocks = layoutReport(sampleReport());
		expect(blocks[0].kind).toBe('title');
		expect(blocks.filter((b) => b.kind === 'table').map((b) => (b as TableBlock).section)).toEqual(['2', '3', '4']);
	});
});
