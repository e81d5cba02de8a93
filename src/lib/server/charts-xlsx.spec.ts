// A chart's Excel download with organ names taken from uploads: a name that would start a formula is a text cell
// holding exactly that name (never a formula, never altered), and numbers stay numbers.
import { describe, expect, it } from 'vitest';
import { tablesToXlsx } from './charts-xlsx';

const HOSTILE = [
	'=HYPERLINK("http://evil.example","点此")',
	'+1+cmd|" /C calc"!A0',
	'-2+3',
	'@SUM(A1:A9)',
	'\t=1+1',
	'\r=1+1',
	'株洲市天元区科工信局'
];

describe('tablesToXlsx', () => {
	it('writes formula-looking organ names as text cells, exactly as given', async () => {
		const rows = HOSTILE.map((name, i) => [name, 2023, i * 10]);
		const bytes = await tablesToXlsx('测试', [
			{ name: '排名', table: { columns: ['单位', '年度', '收到申请'], rows } }
		]);
		const { default: ExcelJS } = await import('exceljs');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(bytes as unknown as ArrayBuffer);
		const ws = wb.worksheets[0];
		HOSTILE.forEach((name, i) => {
			const cell = ws.getRow(i + 3).getCell(1);
			expect(cell.type, JSON.stringify(name)).toBe(ExcelJS.ValueType.String);
			expect(cell.formula, JSON.stringify(name)).toBeUndefined();
			// XML reads a raw CR back as LF (ExcelJS writes it unescaped): the cell is still that text.
			expect(cell.value).toBe(name.replace(/\r/g, '\n'));
			expect(ws.getRow(i + 3).getCell(3).value).toBe(i * 10);
		});
		// And in the file itself: no <f> (formula) element anywhere in the sheet.
		const { unzipSync, strFromU8 } = await import('fflate');
		const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
		expect(sheet).not.toMatch(/<f[ >]/);
	});
});
