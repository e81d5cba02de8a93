// The printable reminder notice (催报通知) as DOCX, for offices that still send paper: the organs reminded, the
// year, the deadline and the message, with a line for the sending office's seal and date.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

export interface NoticeInput {
	year: number;
	organs: string[];
	message: string;
	deadline: string | null;
	/** YYYY-MM-DD printed under the signature. */
	date: string;
}

const FONT = '仿宋_GB2312';
const cn = (d: string) =>
	d.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, m, dd) => `${y}年${Number(m)}月${Number(dd)}日`);

export async function reminderNoticeDocx(n: NoticeInput): Promise<Uint8Array> {
	const cell = (text: string, bold = false) =>
		new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
	const doc = new Document({
		title: `关于报送${n.year}年度政府信息公开工作年度报告的催报通知`,
		styles: { default: { document: { run: { font: FONT, size: 28 } } } },
		sections: [
			{
				children: [
					new Paragraph({
						alignment: AlignmentType.CENTER,
						spacing: { after: 300 },
						children: [
							new TextRun({ text: `关于报送${n.year}年度政府信息公开工作年度报告的催报通知`, bold: true, size: 36 })
						]
					}),
					new Paragraph({ children: [new TextRun('下列单位：')] }),
					new Paragraph({ indent: { firstLine: 560 }, spacing: { after: 200 }, children: [new TextRun(n.message)] }),
					...(n.deadline
						? [
								new Paragraph({
									indent: { firstLine: 560 },
									children: [new TextRun({ text: `报送期限：${cn(n.deadline)}`, bold: true })]
								})
							]
						: []),
					new Paragraph({
						spacing: { before: 200, after: 100 },
						children: [new TextRun(`催报单位（共${n.organs.length}个）：`)]
					}),
					new Table({
						width: { size: 100, type: WidthType.PERCENTAGE },
						rows: [
							new TableRow({
								tableHeader: true,
								children: [cell('序号', true), cell('单位名称', true), cell('签收', true)]
							}),
							...n.organs.map((o, i) => new TableRow({ children: [cell(String(i + 1)), cell(o), cell('')] }))
						]
					}),
					new Paragraph({
						alignment: AlignmentType.RIGHT,
						spacing: { before: 600 },
						children: [new TextRun('区政务公开工作主管部门（盖章）')]
					}),
					new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(cn(n.date))] })
				]
			}
		]
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}
