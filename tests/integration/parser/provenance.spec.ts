// Provenance, as the drill-down uses it: for the real sample and a generated report in each format, every figure
// the parser read points at a source line, and that line prints the figure.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseReport } from '../../../src/lib/report/parse';
import { figureCellPaths, getCell } from '../../../src/lib/report/corrections';
import { FEE_PATH } from '../../../src/lib/report/cell-path';
import type { Report } from '../../../src/lib/report/model';
import { buildReport, renderTextBytes } from '../../fixtures/parser/build';
import { renderDocx } from '../../../src/lib/server/generate/docx';
import { PdfPrinter } from '../../../src/lib/server/generate/pdf';
import { renderHtml } from '../../../src/lib/generator/render/index';
import { REAL } from '../../helpers/fixtures';

/** Does the line print this number as a whole token (full-width digits and thousands separators folded)? */
function linePrints(line: string, value: number): boolean {
	const text = line.normalize('NFKC').replace(/(\d),(?=\d{3}\b)/g, '$1');
	const printed = Number.isInteger(value) ? String(value) : String(value).replace(/0+$/, '');
	return new RegExp(`(^|[^\\d.])${printed.replace('.', '\\.')}0*([^\\d.]|$)`).test(text);
}

/** Cells whose number is not printed on the line their provenance names, with what that line says. */
function untraced(r: Report): string[] {
	const out: string[] = [];
	for (const path of figureCellPaths(r)) {
		const v = getCell(r, path);
		if (typeof v !== 'number') continue;
		const p = r.provenance[path];
		if (!p) {
			out.push(`${path}=${v}: no provenance`);
			continue;
		}
		const line = r.source_lines?.[p.line - 1];
		// A fee of 0 is read from words ("未收取信息处理费"): the line must say so.
		const saysNone =
			path === FEE_PATH && v === 0 && line !== undefined && /未.{0,8}收|免收|不收|沒有收|没有收/.test(line);
		if (line === undefined || !(linePrints(line, v) || saysNone))
			out.push(`${path}=${v}: line ${p.line} is ${JSON.stringify(line)}`);
	}
	return out;
}

const numbers = (r: Report) => figureCellPaths(r).filter((p) => typeof getCell(r, p) === 'number').length;

describe('linePrints', () => {
	it('matches whole numbers only', () => {
		expect(linePrints('本年新收 | 12 | 3 |', 12)).toBe(true);
		expect(linePrints('本年新收 | 112 | 3 |', 12)).toBe(false);
		expect(linePrints('本年新收 | 12.5 |', 12)).toBe(false);
		expect(linePrints('收费 １２ 万元', 12)).toBe(true);
		expect(linePrints('合计 1,204 件', 1204)).toBe(true);
		expect(linePrints('金额 3.50', 3.5)).toBe(true);
	});
});

describe('every figure traced to a source line that prints it', () => {
	it('the real sample (GBK decoded one byte off, traditional script)', async () => {
		const bytes = readFileSync(`${REAL}/samples/tianyuan-kegongxin-2022.txt`);
		const r = await parseReport(bytes, 'tianyuan-kegongxin-2022.txt');
		expect(numbers(r)).toBeGreaterThan(200);
		expect(untraced(r)).toEqual([]);
	});

	const printer = new PdfPrinter();
	afterAll(() => printer.close());
	const report = buildReport({ template: '2021', seed: 'provenance', year: 2023, fee: 350 });
	const report2019 = buildReport({ template: '2019', seed: 'provenance-2019', year: 2020 });

	const cases: { label: string; render: (r: Report) => Promise<Uint8Array> | Uint8Array; ext: string }[] = [
		{
			label: 'txt (pipe table, UTF-8)',
			ext: 'txt',
			render: (r) => renderTextBytes(r, { format: 'txt', style: 'pipe', encoding: 'utf-8', script: 'simplified' })
		},
		{
			label: 'txt (one value a line, GB18030)',
			ext: 'txt',
			render: (r) => renderTextBytes(r, { format: 'txt', style: 'flat', encoding: 'gb18030', script: 'simplified' })
		},
		{
			label: 'html (Big5, traditional)',
			ext: 'html',
			render: (r) => renderTextBytes(r, { format: 'html', encoding: 'big5', script: 'traditional', charset: 'big5' })
		},
		{ label: 'docx', ext: 'docx', render: (r) => renderDocx(r, { script: 'simplified' }) },
		{ label: 'pdf', ext: 'pdf', render: (r) => printer.print(renderHtml(r, { script: 'simplified', print: true })) }
	];
	for (const c of cases)
		for (const [name, truth] of [
			['2021', report],
			['2019', report2019]
		] as const)
			it(`${c.label}, ${name} template`, async () => {
				const r = await parseReport(await c.render(truth), `report.${c.ext}`);
				expect(numbers(r)).toBe(numbers(truth));
				expect(untraced(r)).toEqual([]);
			});
});
