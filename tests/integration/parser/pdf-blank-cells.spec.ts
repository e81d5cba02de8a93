// PDF rows with blank cells: the text layer has no glyph for a blank cell, so such a row prints fewer figures
// than the table has columns. Each figure is placed under its column by x (the columns' x from the table's
// complete rows); the blanks come back null, the row's printed figures right, a blank total derived.
import { afterAll, describe, expect, it } from 'vitest';
import { generateTruth, renderHtml, createRng } from '../../../src/lib/generator/index';
import { PdfPrinter } from '../../../src/lib/server/generate/pdf';
import { parseReport } from '../../../src/lib/report/parse';
import type { Report } from '../../../src/lib/report/model';

const truth = generateTruth({ organs: 6, years: [2022], seed: 'pdf-blank-cells', errorRate: 0 });
const printer = new PdfPrinter(1);
afterAll(() => printer.close());

describe('PDF rows with blank cells', () => {
	it('places the printed figures by x: blanks null, every printed figure right', async () => {
		let blanks = 0;
		let warned = 0;
		const wrong: string[] = [];
		for (const t of truth.reports) {
			const rng = createRng(t.organ_id);
			const shown: Report = structuredClone(t.report);
			const rows = shown.applications.rows as Record<string, (number | null)[]>;
			for (const row of Object.values(rows))
				if (rng.chance(0.3)) {
					row[rng.int(0, 5)] = null;
					blanks++;
				}
			const p = await parseReport(await printer.print(renderHtml(shown, { print: true })), `${t.organ_id}.pdf`);
			const got = p.applications.rows as Record<string, (number | null)[]>;
			for (const [k, row] of Object.entries(rows))
				row.forEach((v, c) => {
					if (got[k]?.[c] !== v) wrong.push(`${t.organ_id} ${k}[${c}]: ${got[k]?.[c]}, printed ${v}`);
				});
			warned += p.warnings.filter((w) => w.code === 'blank_cells').length;
		}
		expect(wrong).toEqual([]);
		expect(blanks).toBeGreaterThan(20);
		expect(warned).toBeGreaterThanOrEqual(blanks / 2);
	}, 120_000);
});
