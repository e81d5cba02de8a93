// The exported workbook read back with ExcelJS: what an office opens must hold the sheet it files.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDatabaseForSuite } from '../../../../tests/helpers/temp-db';
import { importDistrict } from '../../../../tests/helpers/import-district';
import { generateDistrict } from '../generate';
import { importFiles } from '../import';
import * as organs from '../organs';
import { close, entries, getSheet, rubrics } from '../assessment';
import { assessmentXlsx, DETAIL_HEAD, sheetTitle, SHEET_NAMES } from './assessment-xlsx';
import { assessmentNoticeDocx } from './assessment-docx';
import { strFromU8, unzipSync } from 'fflate';
import { gradeFor } from '../../assessment/score';
import { scoredIndicators } from '../../assessment/summary';

const Q = { year: 2024, q: 1 as const };
const FORMULA_NAME = '=HYPERLINK("http://evil.example","点我")局';
const tmp = tempDatabaseForSuite('dw-assessment-xlsx-');
beforeAll(async () => {
	const district = await generateDistrict({
		organs: 8,
		years: [2023, 2024],
		seed: 'assessment-xlsx',
		formats: ['txt'],
		mix: true,
		errorRate: 0.5,
		traditionalRate: 0,
		publicationLog: true
	});
	await importDistrict(district);
	organs.ensure(FORMULA_NAME, 'department');
	const some = getSheet(Q).scores[0].organId;
	entries.add(Q, rubrics.latest().rubric, { organId: some, indicatorId: 'bonus', points: 3, reason: '年报图解' }, null);
	entries.add(
		Q,
		rubrics.latest().rubric,
		{ organId: some, indicatorId: 'request.ontime', points: 5, reason: '逾期答复1件' },
		null
	);
}, 120_000);

async function read(buf: Buffer): Promise<ExcelJS.Workbook> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(buf as unknown as ArrayBuffer);
	return wb;
}

/** Every cell value of every sheet, as plain data. */
function cells(wb: ExcelJS.Workbook): Record<string, unknown[][]> {
	const out: Record<string, unknown[][]> = {};
	for (const ws of wb.worksheets) {
		const rows: unknown[][] = [];
		ws.eachRow({ includeEmpty: true }, (row, n) => (rows[n] = (row.values as unknown[]).slice(1)));
		out[ws.name] = rows;
	}
	return out;
}

describe('the assessment workbook', () => {
	it('has the four sheets, the title naming district and quarter, one row per organ, totals and grades that add up', async () => {
		const sheet = getSheet(Q);
		const wb = await read(await assessmentXlsx(sheet));
		expect(wb.worksheets.map((w) => w.name)).toEqual([...SHEET_NAMES]);
		const ws = wb.getWorksheet('汇总')!;
		expect(ws.getCell('A1').value).toBe(sheetTitle(sheet));
		expect(String(ws.getCell('A1').value)).toMatch(/^.+区2024年第一季度政务公开工作考核汇总表$/);
		const header2 = (ws.getRow(2).values as unknown[]).slice(1).map(String);
		const header3 = (ws.getRow(3).values as unknown[]).slice(1).map(String);
		const col = (h: string) => header2.indexOf(h) + 1;
		const inds = scoredIndicators(sheet.rubric);
		const first = 4;
		const last = ws.rowCount;
		expect(last - first + 1).toBe(organs.list().length);
		const names = new Set<string>();
		for (let r = first; r <= last; r++) {
			const row = ws.getRow(r);
			names.add(String(row.getCell(2).value));
			const scores = inds.map((_, i) => row.getCell(4 + i).value as number);
			for (const v of scores) expect(typeof v).toBe('number');
			const bonus = row.getCell(col('加分（≤10）')).value as number;
			const total = row.getCell(col('总分')).value as number;
			expect(typeof total).toBe('number');
			// Indicator scores are points − deductions (a 0-point indicator shows −deduction): Σ = 100 − deductions.
			const deductions = inds.reduce((s, ind, i) => s + (ind.points ? ind.points - scores[i] : -scores[i]), 0);
			expect(total).toBeCloseTo(100 - deductions + bonus, 6);
			const veto = row.getCell(col('单项否决')).value === '是';
			expect(row.getCell(col('等次')).value).toBe(gradeFor(sheet.rubric, total, veto));
		}
		expect(names).toEqual(new Set(organs.list().map((o) => o.name)));
		// 一级 over 二级: the first group's 一级 cell spans its 二级 columns; fixed columns span both header rows.
		expect(header3[3]).toMatch(/按时发布（5）/);
		expect(ws.getCell(2, 4).isMerged && ws.getCell(2, 5).master.address).toBe(ws.getCell(2, 4).address);
		expect(ws.getCell(3, 2).master.address).toBe('B2');
		expect(String(ws.getCell(2, 4).value)).toMatch(/^年度报告/);
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 2 });
		expect(ws.pageSetup).toMatchObject({
			paperSize: 9,
			orientation: 'landscape',
			printTitlesRow: '2:3',
			fitToWidth: 1
		});
		expect(ws.getColumn(2).width).toBeGreaterThan(16);
		// A bonus entered by the inspector shows as a number.
		expect((ws.getColumn(col('加分（≤10）')).values as unknown[]).some((v) => v === 3)).toBe(true);
	});

	it('stores a formula-looking organ name as text, never as a formula', async () => {
		const wb = await read(await assessmentXlsx(getSheet(Q)));
		for (const name of ['汇总', '扣分明细', '问题清单']) {
			const ws = wb.getWorksheet(name)!;
			let found = 0;
			ws.eachRow((row) =>
				row.eachCell((cell) => {
					if (cell.value === FORMULA_NAME) {
						found++;
						expect(cell.type).toBe(ExcelJS.ValueType.String);
						expect(cell.numFmt).toBe('@');
					}
					expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
				})
			);
			expect(found, name).toBeGreaterThan(0);
		}
	});

	it('details and the problem list carry every deduction; the chart sheet holds its data tables', async () => {
		const sheet = getSheet(Q);
		const wb = await read(await assessmentXlsx(sheet));
		const items = sheet.scores.reduce((s, o) => s + o.indicators.reduce((a, i) => a + i.items.length, 0), 0);
		const vetoes = sheet.scores.reduce((s, o) => s + o.vetoes.length, 0);
		expect(wb.getWorksheet('问题清单')!.rowCount - 2).toBe(items + vetoes);
		const detail = wb.getWorksheet('扣分明细')!;
		expect((detail.getRow(2).values as unknown[]).slice(1)).toEqual([...DETAIL_HEAD]);
		expect((detail.getColumn(3).values as unknown[]).filter((v) => v === '加分')).toHaveLength(1);
		const charts = wb.getWorksheet('图表')!;
		expect((charts.getColumn(1).values as unknown[]).filter((v) => v === '等次分布')).toHaveLength(1);
	});

	it('the 图表 sheet embeds the charts as PNG images: the grade distribution and the indicators losing most', async () => {
		const wb = await read(await assessmentXlsx(getSheet(Q)));
		const charts = wb.getWorksheet('图表')!;
		const images = charts.getImages();
		expect(images).toHaveLength(2);
		for (const img of images) {
			const media = wb.getImage(Number(img.imageId));
			expect(media.extension).toBe('png');
			const png = Buffer.from(media.buffer as unknown as Uint8Array);
			// The PNG signature, then IHDR's width: the 640 px panel rendered at twice its width.
			expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
			expect(png.readUInt32BE(16)).toBe(1280);
			expect(png.length).toBeGreaterThan(5_000);
			// Beside the data tables (columns A–C), one under the other.
			expect(img.range.tl.nativeCol).toBe(4);
		}
		expect(images[1].range.tl.nativeRow).toBeGreaterThan(images[0].range.tl.nativeRow);
	});

	it('a closed quarter re-exports with identical cell values after a new import', async () => {
		close(Q, null);
		const before = cells(await read(await assessmentXlsx(getSheet(Q))));
		const name = organs.list()[0].name;
		await importFiles(
			[
				{
					name: 'late.csv',
					bytes: new TextEncoder().encode(
						`organ,published_on,title,channel,url\n${name},2024-02-02,新动态,工作动态,https://y.example/1\n`
					)
				}
			],
			{ id: null, role: 'admin', organId: null }
		);
		organs.ensure('新成立的局', 'department');
		const after = cells(await read(await assessmentXlsx(getSheet(Q))));
		expect(after).toEqual(before);
	});

	it('drafts the 通报 as DOCX: title, grades, every organ with problems', async () => {
		const sheet = getSheet(Q);
		const xml = strFromU8(unzipSync(new Uint8Array(await assessmentNoticeDocx(sheet)))['word/document.xml']);
		const entities: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&apos;': "'" };
		const text = xml.replace(/<[^>]+>/g, '').replace(/&(quot|amp|lt|gt|apos);/g, (e) => entities[e]);
		expect(text).toContain(`关于${sheet.district}2024年第一季度政务公开工作考核情况的通报`);
		for (const s of sheet.scores.filter((x) => x.indicators.some((i) => i.items.length)))
			expect(text).toContain(`${s.organName}（${s.total}分，${s.grade}）`);
		expect(xml).toContain('仿宋_GB2312');
	});

	it('the CLI writes the same workbook and refuses a bad quarter with exit 2', () => {
		const run = (...args: string[]) =>
			spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
				env: { ...process.env, DATABASE_URL: tmp.url },
				encoding: 'utf8'
			});
		const out = join(tmp.dir, 'q.xlsx');
		const ok = run('export', 'assessment', '--quarter', '2024Q1', '--out', out);
		expect(ok.status, ok.stderr).toBe(0);
		expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
		const docx = run('export', 'assessment', '--quarter', '2024Q1', '--out', join(tmp.dir, 'notice.docx'));
		expect(docx.status, docx.stderr).toBe(0);
		expect(
			strFromU8(unzipSync(new Uint8Array(readFileSync(join(tmp.dir, 'notice.docx'))))['word/document.xml'])
		).toContain('考核情况的通报');
		const bad = run('export', 'assessment', '--quarter', '2024Q7', '--out', out);
		expect(bad.status).toBe(2);
		expect(bad.stderr).toMatch(/季度“2024Q7”无效/);
		const empty = run('export', 'assessment', '--quarter', '2031Q1', '--out', out);
		expect(empty.status).toBe(2);
		expect(empty.stderr).toMatch(/没有可考核的数据/);
	}, 180_000);
});
