import { describe, expect, it } from 'vitest';
import { Document, PageBreak, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { buildReport } from '../../fixtures/parser/build';
import { renderDocx } from '../../../src/lib/server/generate/docx';
import { readDocxFast } from '../../../src/lib/report/extract/docx-fast';
import { extractDocxMammoth } from '../../../src/lib/report/extract/docx';

async function pack(children: (Paragraph | Table)[]): Promise<Uint8Array> {
	return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

const cell = (text: string, opts: { bold?: boolean; merge?: 'restart' | 'continue'; span?: number } = {}) =>
	new TableCell({
		children: [new Paragraph({ children: [new TextRun({ text, bold: opts.bold })] })],
		verticalMerge:
			opts.merge === 'restart'
				? VerticalMergeType.RESTART
				: opts.merge === 'continue'
					? VerticalMergeType.CONTINUE
					: undefined,
		columnSpan: opts.span
	});

describe('readDocxFast: the lines mammoth + the HTML reader give, or null', () => {
	it('equals the mammoth path on generated reports (both templates, both scripts)', async () => {
		for (const [i, template] of (['2021', '2019', '2021', '2019'] as const).entries()) {
			const report = buildReport({ template, seed: `docx-fast-${i}` });
			const bytes = await renderDocx(report, { script: i % 2 ? 'traditional' : 'simplified' });
			const fast = readDocxFast(bytes);
			expect(fast).not.toBeNull();
			expect(fast).toEqual(await extractDocxMammoth(bytes));
		}
	});

	it('equals the mammoth path on merged cells, spans, tabs, line breaks and formatting outside tables', async () => {
		const bytes = await pack([
			new Paragraph({
				children: [new TextRun({ text: '标题', bold: true }), new TextRun({ text: '\t2023 年', italics: true })]
			}),
			new Paragraph({ children: [new TextRun({ text: '第一行' }), new TextRun({ text: '第二行', break: 1 })] }),
			new Paragraph({ children: [] }),
			new Table({
				rows: [
					new TableRow({
						children: [cell('（三）不予公开', { merge: 'restart' }), cell('1.属于国家秘密'), cell('3'), cell('')]
					}),
					new TableRow({
						children: [cell('', { merge: 'continue' }), cell('2.其他法律行政法规禁止公开'), cell('0'), cell('1 2')]
					}),
					new TableRow({ children: [cell('总计', { span: 2 }), cell('3'), cell('')] }),
					new TableRow({ children: [cell(''), cell(''), cell(''), cell('')] })
				]
			})
		]);
		const fast = readDocxFast(bytes);
		expect(fast).not.toBeNull();
		expect(fast).toEqual(await extractDocxMammoth(bytes));
		// The continued merge cell is gone from the second row; the all-blank row is dropped.
		expect(fast!.lines.slice(3).map((l) => l.cells)).toEqual([
			['（三）不予公开', '1.属于国家秘密', '3', ''],
			['2.其他法律行政法规禁止公开', '0', '12'],
			['总计', '3', '']
		]);
	});

	it('leaves documents it cannot read exactly to mammoth', async () => {
		// Bold inside a cell: mammoth's <strong> splits the cell text where the HTML reader adds a space.
		const bold = await pack([
			new Table({ rows: [new TableRow({ children: [cell('予以公开', { bold: true }), cell('3')] })] })
		]);
		expect(readDocxFast(bold)).toBeNull();
		// A page break inside a run, and a nested table.
		const pageBreak = await pack([new Paragraph({ children: [new TextRun('a'), new PageBreak(), new TextRun('b')] })]);
		expect(readDocxFast(pageBreak)).toBeNull();
		const nested = await pack([
			new Table({
				rows: [
					new TableRow({
						children: [
							new TableCell({
								children: [new Table({ rows: [new TableRow({ children: [cell('x')] })] }), new Paragraph('')]
							})
						]
					})
				]
			})
		]);
		expect(readDocxFast(nested)).toBeNull();
		expect(readDocxFast(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toBeNull();
	});
});
