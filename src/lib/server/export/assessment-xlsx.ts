// The quarterly assessment sheet as the office files it (XLSX, ExcelJS): 汇总 (one row per organ under two merged
// header rows, 一级 over 二级), 扣分明细, 问题清单 (the 通报 list) and 图表. Built from a QuarterSheet only, so a
// closed quarter's snapshot re-exports with the same cell values.
import ExcelJS from 'exceljs';
import { Resvg } from '@resvg/resvg-js';
import type { QuarterSheet } from '../assessment/quarters';
import { gradeCounts, indicatorLosses, scoredIndicators } from '../../assessment/summary';
import { indicatorGroups } from '../../assessment/rubric';
import { evidenceText } from '../../assessment/links';
import { ORGAN_KIND_LABELS, type OrganKind } from '../../report/organ';
import { STATUS_LABELS, type RectificationStatus } from '../assessment/rectifications';
import { assessmentPanels } from '../../charts/assessment';
import { renderPanels } from '../charts-ssr';

export const SHEET_NAMES = ['汇总', '扣分明细', '问题清单', '图表'] as const;

export function sheetTitle(sheet: Pick<QuarterSheet, 'district' | 'label'>): string {
	return `${sheet.district}${sheet.label}政务公开工作考核汇总表`;
}

/** The download's file name (Chinese; sent as RFC 5987 filename*). */
export function exportFileName(sheet: Pick<QuarterSheet, 'district' | 'label'>): string {
	return `${sheetTitle(sheet)}.xlsx`;
}

const kindLabel = (k: string) => ORGAN_KIND_LABELS[k as OrganKind] ?? k;

/** Text that a spreadsheet could take for a formula (or that begins with a control character) stays text. */
const RISKY = /^[=+\-@\t\r]/;

/**
 * Writes a value with one of the shared styles below. ExcelJS deduplicates styles by object identity, so a shared
 * style costs nothing per cell; a style is never mutated after it is shared. Risky text gets the text format.
 */
function put(cell: ExcelJS.Cell, value: string | number | null, style: Partial<ExcelJS.Style> = PLAIN) {
	cell.value = value;
	cell.style = typeof value === 'string' && RISKY.test(value) ? asText(style) : style;
}

const textStyles = new WeakMap<Partial<ExcelJS.Style>, Partial<ExcelJS.Style>>();
function asText(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
	let t = textStyles.get(style);
	if (!t) textStyles.set(style, (t = { ...style, numFmt: '@' }));
	return t;
}

/** Display width of text in Excel's character units: CJK and full-width characters take two. */
function textWidth(s: string): number {
	let w = 0;
	for (const ch of s)
		w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
			? 2
			: 1;
	return w;
}

/** Column widths from the widest value written in each (the longest line of wrapped text), within limits. */
class Widths {
	private w: number[] = [];
	see(col: number, v: string | number | null) {
		if (v === null) return;
		const text = String(v);
		let m = 0;
		for (const line of text.length > 200 ? [text.slice(0, 200)] : text.split('\n')) m = Math.max(m, textWidth(line));
		if (m > (this.w[col] ?? 0)) this.w[col] = m;
	}
	apply(ws: ExcelJS.Worksheet, limits: Record<number, number> = {}, min = 6, max = 40) {
		for (let c = 1; c < this.w.length; c++)
			ws.getColumn(c).width = Math.min(Math.max(min, (this.w[c] ?? 0) + 2), limits[c] ?? max);
	}
}

const THIN: Partial<ExcelJS.Borders> = {
	top: { style: 'thin' },
	left: { style: 'thin' },
	bottom: { style: 'thin' },
	right: { style: 'thin' }
};
const FONT = { name: '宋体', size: 10 };
const PLAIN: Partial<ExcelJS.Style> = { font: FONT };
const HEAD: Partial<ExcelJS.Style> = {
	font: { ...FONT, bold: true },
	alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
	border: THIN,
	fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F0' } }
};
const TITLE: Partial<ExcelJS.Style> = {
	font: { name: '黑体', size: 16, bold: true },
	alignment: { horizontal: 'center', vertical: 'middle' }
};
const NUM: Partial<ExcelJS.Style> = {
	font: FONT,
	border: THIN,
	alignment: { horizontal: 'center', vertical: 'middle' }
};
const CENTER = NUM;
const LEFT: Partial<ExcelJS.Style> = {
	font: FONT,
	border: THIN,
	alignment: { horizontal: 'left', vertical: 'middle' }
};
const WRAP: Partial<ExcelJS.Style> = {
	font: FONT,
	border: THIN,
	alignment: { horizontal: 'left', vertical: 'top', wrapText: true }
};
const TOP: Partial<ExcelJS.Style> = { font: FONT, border: THIN, alignment: { vertical: 'top' } };
const BOLD: Partial<ExcelJS.Style> = { font: { ...FONT, bold: true } };

function printSetup(ws: ExcelJS.Worksheet, titleRows: string) {
	ws.pageSetup = {
		...ws.pageSetup,
		paperSize: 9, // A4
		orientation: 'landscape',
		fitToPage: true,
		fitToWidth: 1,
		fitToHeight: 0,
		printTitlesRow: titleRows,
		horizontalCentered: true,
		margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }
	};
	ws.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
}

function titleRow(ws: ExcelJS.Worksheet, text: string, columns: number) {
	ws.mergeCells(1, 1, 1, columns);
	put(ws.getCell(1, 1), text, TITLE);
	ws.getRow(1).height = 30;
}

function summarySheet(wb: ExcelJS.Workbook, sheet: QuarterSheet) {
	const ws = wb.addWorksheet('汇总', { views: [{ state: 'frozen', xSplit: 2, ySplit: 3, activeCell: 'C4' }] });
	const indicators = scoredIndicators(sheet.rubric);
	const groups = indicatorGroups({ ...sheet.rubric, indicators });
	const lead = ['序号', '单位名称', '单位类型'];
	const tail = ['加分', '总分', '等次', '单项否决', '排名', '失分原因'];
	const columns = lead.length + indicators.length + tail.length;
	titleRow(ws, sheetTitle(sheet), columns);
	// Rows 2–3: the fixed columns span both rows; each 一级 spans its 二级 columns.
	// Header cells styled first, then merged: a merged cell takes its master's style.
	for (let r = 2; r <= 3; r++) for (let c = 1; c <= columns; c++) put(ws.getCell(r, c), null, HEAD);
	const widths = new Widths();
	lead.forEach((h, i) => {
		ws.mergeCells(2, i + 1, 3, i + 1);
		put(ws.getCell(2, i + 1), h, HEAD);
	});
	let col = lead.length + 1;
	for (const g of groups) {
		const points = g.indicators.reduce((s, i) => s + i.points, 0);
		if (g.indicators.length > 1) ws.mergeCells(2, col, 2, col + g.indicators.length - 1);
		put(ws.getCell(2, col), `${g.level1}（${points}分）`, HEAD);
		for (const ind of g.indicators) {
			const h = ind.points ? `${ind.level2}（${ind.points}）` : `${ind.level2}（扣分）`;
			put(ws.getCell(3, col), h, HEAD);
			// Indicator headers wrap onto two lines: half their width is enough.
			widths.see(col++, h.slice(0, Math.ceil(h.length / 2)));
		}
	}
	tail.forEach((h, i) => {
		ws.mergeCells(2, col + i, 3, col + i);
		put(ws.getCell(2, col + i), i === 0 ? `加分（≤${sheet.rubric.bonus.cap}）` : h, HEAD);
		widths.see(col + i, h);
	});
	ws.getRow(2).height = 22;
	ws.getRow(3).height = 34;

	const rows = orderedScores(sheet);
	rows.forEach((s, n) => {
		const row = ws.getRow(4 + n);
		const values: (string | number | null)[] = [n + 1, s.organName, kindLabel(s.kind)];
		for (const ind of indicators) {
			const sc = s.indicators.find((i) => i.id === ind.id);
			values.push(sc ? (ind.points ? sc.score : sc.lost ? -sc.lost : 0) : null);
		}
		values.push(
			s.bonus,
			s.total,
			s.grade,
			s.vetoes.length ? '是' : '否',
			s.rank ?? s.unranked ?? '',
			s.reasons || '无'
		);
		values.forEach((v, i) => {
			put(
				row.getCell(i + 1),
				v,
				i === values.length - 1 ? WRAP : i === 1 ? LEFT : typeof v === 'number' ? NUM : CENTER
			);
			widths.see(i + 1, v);
		});
	});
	widths.apply(ws, { [columns]: 60, 2: 36 });
	printSetup(ws, '2:3');
}

/** Rows in rank order (highest total first), ties and unranked organs by name. */
function orderedScores(sheet: QuarterSheet) {
	return [...sheet.scores].sort(
		(a, b) => b.total - a.total || (a.organName < b.organName ? -1 : a.organName > b.organName ? 1 : 0)
	);
}

/** The header row of 扣分明细. */
export const DETAIL_HEAD = [
	'序号',
	'单位名称',
	'一级指标',
	'二级指标',
	'检查发现',
	'证据',
	'扣分',
	'来源',
	'整改要求',
	'整改期限',
	'整改状态'
] as const;

type DetailLine = (string | number)[];
type Rectification = QuarterSheet['rectifications'][number];

/** One 扣分明细 line after 序号 and 单位名称; the rectification columns stay blank without a rectification. */
function detailLine(
	level1: string,
	level2: string,
	what: string,
	evidence: string,
	points: number,
	source: string,
	r?: Rectification
): DetailLine {
	const status = r ? (STATUS_LABELS[r.status as RectificationStatus] ?? r.status) : '';
	return [level1, level2, what, evidence, points, source, r?.request ?? '', r?.deadline ?? '', status];
}

/** A sheet of one line per item: the title row, then a frozen header row that seeds the column widths. */
function listSheet(wb: ExcelJS.Workbook, name: string, title: string, head: readonly string[]) {
	const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
	titleRow(ws, title, head.length);
	const widths = new Widths();
	head.forEach((h, i) => {
		put(ws.getCell(2, i + 1), h, HEAD);
		widths.see(i + 1, h);
	});
	return { ws, widths };
}

const rectificationsByItem = (sheet: QuarterSheet) =>
	new Map(sheet.rectifications.map((r) => [`${r.organId}|${r.itemKey}`, r]));

function detailSheet(wb: ExcelJS.Workbook, sheet: QuarterSheet) {
	const { ws, widths } = listSheet(wb, '扣分明细', sheetTitle(sheet).replace(/汇总表$/, '扣分明细'), DETAIL_HEAD);
	const rect = rectificationsByItem(sheet);
	let n = 0;
	for (const s of orderedScores(sheet)) {
		const lines: DetailLine[] = [];
		for (const v of s.vetoes) lines.push(detailLine('单项否决', '', v.label, '', 0, '自动'));
		for (const sc of s.indicators) {
			const ind = sheet.rubric.indicators.find((i) => i.id === sc.id)!;
			for (const item of sc.items) {
				const evidence = item.evidence.map(evidenceText).join('\n');
				const source = item.source === 'auto' ? '自动' : '督查员录入';
				const r = rect.get(`${s.organId}|${item.key}`);
				lines.push(detailLine(ind.level1, ind.level2, item.what, evidence, item.points, source, r));
			}
			if (sc.raw > sc.lost)
				lines.push(
					detailLine(ind.level1, ind.level2, `扣分已达上限${ind.cap}分，超出部分不计`, '', sc.lost - sc.raw, '上限')
				);
		}
		for (const rv of s.reviews) {
			const ind = sheet.rubric.indicators.find((i) => i.id === rv.indicatorId)!;
			const evidence = rv.evidence.map(evidenceText).join('\n');
			lines.push(detailLine(ind.level1, ind.level2, rv.what, evidence, 0, '待人工复核'));
		}
		for (const b of s.bonusItems) lines.push(detailLine('加分', '', b.reason, b.note ?? '', b.points, '督查员录入'));
		for (const l of lines) {
			const row = ws.getRow(3 + n);
			[++n, s.organName, ...l].forEach((v, i) => {
				put(row.getCell(i + 1), v as string | number, i === 4 || i === 5 || i === 8 ? WRAP : TOP);
				widths.see(i + 1, v as string | number);
			});
		}
	}
	widths.apply(ws, { 5: 50, 6: 60, 9: 30 });
	printSetup(ws, '2:2');
}

function issueSheet(wb: ExcelJS.Workbook, sheet: QuarterSheet) {
	const title = `${sheet.district}${sheet.label}政务公开工作存在问题清单`;
	const { ws, widths } = listSheet(wb, '问题清单', title, ['序号', '单位名称', '存在问题', '整改时限']);
	const rect = rectificationsByItem(sheet);
	let n = 0;
	for (const s of [...sheet.scores].sort((a, b) =>
		a.organName < b.organName ? -1 : a.organName > b.organName ? 1 : 0
	)) {
		const problems = [...s.vetoes.map((v) => ({ what: `单项否决：${v.label}`, deadline: '' }))];
		for (const sc of s.indicators)
			for (const item of sc.items)
				problems.push({ what: item.what, deadline: rect.get(`${s.organId}|${item.key}`)?.deadline ?? '' });
		for (const p of problems) {
			const row = ws.getRow(3 + n);
			[++n, s.organName, p.what, p.deadline].forEach((v, i) => {
				put(row.getCell(i + 1), v, i === 2 ? WRAP : TOP);
				widths.see(i + 1, v);
			});
		}
	}
	widths.apply(ws, { 3: 80 });
	printSetup(ws, '2:2');
}

/** SVG → PNG at twice the width (sharp when the sheet is zoomed or printed); CJK text from the system fonts. */
function svgToPng(svg: string, width: number): Buffer {
	return new Resvg(svg, {
		fitTo: { mode: 'width', value: width * 2 },
		font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' }
	})
		.render()
		.asPng();
}

export async function chartSheet(wb: ExcelJS.Workbook, sheet: QuarterSheet): Promise<number> {
	const ws = wb.addWorksheet('图表');
	const grades = gradeCounts(sheet.rubric, sheet.scores);
	const losses = indicatorLosses(sheet.rubric, sheet.scores);
	titleRow(ws, `${sheet.district}${sheet.label}政务公开工作考核图表`, 8);
	let r = 3;
	const table = (title: string, head: string[], rows: (string | number)[][]) => {
		put(ws.getCell(r, 1), title, BOLD);
		r++;
		head.forEach((h, i) => put(ws.getCell(r, i + 1), h, HEAD));
		r++;
		for (const row of rows) {
			row.forEach((v, i) => put(ws.getCell(r, i + 1), v, typeof v === 'number' ? NUM : LEFT));
			r++;
		}
		r++;
	};
	table(
		'等次分布',
		['等次', '单位数'],
		grades.map((g) => [g.grade, g.organs])
	);
	table(
		'失分最多的指标',
		['指标', '合计扣分', '扣分单位数'],
		losses.map((l) => [l.indicator, l.points, l.organs])
	);
	ws.getColumn(1).width = 30;
	ws.getColumn(2).width = 12;
	ws.getColumn(3).width = 12;
	let images = 0;
	let top = 2;
	for (const p of assessmentPanels({ quarterLabel: sheet.label, grades, losses })) {
		const png = svgToPng(renderPanels([p], 640)[0], 640);
		const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
		ws.addImage(id, { tl: { col: 4, row: top }, ext: { width: 640, height: p.height } });
		top += Math.ceil(p.height / 20) + 1;
		images++;
	}
	printSetup(ws, '1:1');
	return images;
}

/** The whole workbook. Its dates are the sheet's `asOf` day, so re-exporting a closed quarter changes nothing. */
export async function buildAssessmentWorkbook(sheet: QuarterSheet): Promise<ExcelJS.Workbook> {
	const wb = new ExcelJS.Workbook();
	wb.creator = '政务公开年报督查平台';
	const day = new Date(`${sheet.asOf}T00:00:00Z`);
	wb.created = day;
	wb.modified = day;
	wb.title = sheetTitle(sheet);
	summarySheet(wb, sheet);
	detailSheet(wb, sheet);
	issueSheet(wb, sheet);
	await chartSheet(wb, sheet);
	return wb;
}

export async function assessmentXlsx(sheet: QuarterSheet): Promise<Buffer> {
	const wb = await buildAssessmentWorkbook(sheet);
	return Buffer.from(await wb.xlsx.writeBuffer());
}
