// A chart's tables as an Excel workbook: one table per sheet, a title row, the header frozen under it, numbers as
// numbers and rates as number-formatted percentages (so a sheet sums and sorts them).
import type { DataTable } from '../charts/tables';
import { columnKind } from '../charts/export-names';

const FORMATS = { ratio: '0.0%', year: '0', id: '0', money: '#,##0.00', count: '#,##0', text: '@' } as const;

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (s: string) => s.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

export async function tablesToXlsx(title: string, tables: { name: string; table: DataTable }[]): Promise<Uint8Array> {
	// Loaded on demand: exceljs is heavy and only downloads need it.
	const { default: ExcelJS } = await import('exceljs');
	const wb = new ExcelJS.Workbook();
	wb.creator = '政务公开年报督查平台';
	for (const { name, table } of tables) {
		const ws = wb.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 2 }] });
		const width = Math.max(1, table.columns.length);
		ws.addRow([`${title} · ${name}`]);
		ws.mergeCells(1, 1, 1, width);
		ws.getRow(1).font = { bold: true, size: 13 };
		const head = ws.addRow(table.columns);
		head.font = { bold: true };
		head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } };
		for (const r of table.rows) ws.addRow(r.map((c) => (c === null ? null : c)));
		table.columns.forEach((heading, i) => {
			const col = ws.getColumn(i + 1);
			const kind = columnKind(heading);
			const numeric = table.rows.some((r) => typeof r[i] === 'number');
			if (numeric) col.numFmt = FORMATS[kind];
			col.width = Math.min(
				40,
				Math.max(
					8,
					heading.length * 2 + 2,
					...table.rows.slice(0, 200).map((r) => String(r[i] ?? '').length * (numeric ? 1.2 : 2))
				)
			);
		});
		ws.getRow(1).getCell(1).numFmt = '@';
		ws.getRow(2).eachCell((c) => (c.numFmt = '@'));
	}
	return new Uint8Array(await wb.xlsx.writeBuffer());
}
