// The 通报 draft as DOCX (docx 9.7.0): 方正小标宋 title, 黑体 headings, 仿宋 body at 三号 with a two-character indent,
// the layout Chinese offices publish. Dated by the sheet's `asOf`, so a closed quarter drafts the same text.
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { QuarterSheet } from '../assessment/quarters';
import { noticeBlocks, type NoticeBlock } from '../../assessment/notice';

const BODY = '仿宋_GB2312';
const SIZE = 32; // 三号 (16 pt), in half-points

function paragraph(b: NoticeBlock): Paragraph {
	switch (b.kind) {
		case 'title':
			return new Paragraph({
				alignment: AlignmentType.CENTER,
				spacing: { after: 400 },
				children: [new TextRun({ text: b.text, font: '方正小标宋简体', size: 44 })]
			});
		case 'heading':
			return new Paragraph({
				indent: { firstLine: 640 },
				spacing: { line: 560 },
				children: [new TextRun({ text: b.text, font: '黑体', size: SIZE })]
			});
		case 'signature':
			return new Paragraph({
				alignment: AlignmentType.RIGHT,
				spacing: { line: 560 },
				children: [new TextRun({ text: b.text, font: BODY, size: SIZE })]
			});
		case 'paragraph':
			return new Paragraph({
				indent: b.text.endsWith('：') && b.text.length < 10 ? undefined : { firstLine: 640 },
				spacing: { line: 560 },
				children: [new TextRun({ text: b.text, font: BODY, size: SIZE })]
			});
	}
}

export function noticeFileName(sheet: Pick<QuarterSheet, 'district' | 'label'>): string {
	return `关于${sheet.district}${sheet.label}政务公开工作考核情况的通报（草稿）.docx`;
}

export async function assessmentNoticeDocx(sheet: QuarterSheet): Promise<Buffer> {
	const deadlines = new Map<number, string>();
	for (const r of sheet.rectifications)
		if (r.status !== 'accepted' && (!deadlines.has(r.organId) || r.deadline < deadlines.get(r.organId)!))
			deadlines.set(r.organId, r.deadline);
	const blocks = noticeBlocks({
		district: sheet.district,
		label: sheet.label,
		asOf: sheet.asOf,
		rubric: sheet.rubric,
		scores: sheet.scores,
		deadlines
	});
	const doc = new Document({
		creator: '政务公开年报督查平台',
		title: blocks[0].kind === 'title' ? blocks[0].text : '',
		styles: { default: { document: { run: { font: BODY, size: SIZE } } } },
		sections: [
			{
				properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
				children: blocks.map(paragraph)
			}
		]
	});
	return Buffer.from(await Packer.toBuffer(doc));
}
