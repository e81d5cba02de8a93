import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateTruth } from './district';
import {
	applicationsTable,
	expandGrid,
	layoutReport,
	reviewTable,
	proactiveTable,
	type TableBlock
} from '../report/layout';
import { encodeText, encodable, renderHtml, renderTxt } from './render/index';
import { toSimplified } from '../report/normalize';
import { SECTIONS } from '../report/template';
import { REAL, TEMPLATES } from '../../../tests/helpers/fixtures';

const truth = generateTruth({ organs: 12, years: [2020, 2022], seed: 'render', errorRate: 0 });
const r2022 = truth.reports.find((t) => t.report.year === 2022 && t.report.other_layout === '2021')!.report;
const r2020 = truth.reports.find((t) => t.report.year === 2020)!.report;

/** The table in the notation of docs/templates/*.rows.tsv: [span=N], [vmerge=restart|continue], figures blank. */
function toRowsTsv(table: TableBlock): string[] {
	const grid = expandGrid(table);
	return grid.map((row, r) => {
		const cells: string[] = [];
		for (let c = 0; c < row.length; c++) {
			const { cell, origin } = row[c];
			const above = r > 0 && grid[r - 1][c].cell === cell;
			const left = c > 0 && row[c - 1].cell === cell;
			if (left) continue;
			const span = (cell.colSpan ?? 1) > 1 ? `[span=${cell.colSpan}]` : '';
			if (!origin && above) cells.push(`${span}[vmerge=continue]`);
			else cells.push(`${span}${(cell.rowSpan ?? 1) > 1 ? '[vmerge=restart]' : ''}${cell.path ? '' : cell.text}`);
		}
		return cells.join('\t');
	});
}

function blankFormTables(): string[][] {
	const file = `${TEMPLATES}/2021-blank-form.rows.tsv`;
	expect(existsSync(file), `${file} (the 2021 blank form) must exist`).toBe(true);
	const lines = readFileSync(file, 'utf8')
		.split('\n')
		.map((l) => l.replace(/\r$/, ''));
	const tables: string[][] = [];
	let cur: string[] | null = null;
	for (const l of lines) {
		if (l.includes('\t') || l.startsWith('[span')) (cur ??= []).push(l);
		else if (cur && l.trim() === '') continue;
		else if (cur) {
			tables.push(cur);
			cur = null;
		}
	}
	if (cur) tables.push(cur);
	return tables;
}

describe('table layout', () => {
	it('reproduces the merge structure of the national 2021 blank form (sections 3 and 4)', () => {
		const tables = blankFormTables();
		const s3 = tables.find((t) => t[0].includes('勾稽关系'))!;
		const s4 = tables.find((t) => t[0].includes('行政复议'))!;
		const trim = (rows: string[]) => rows.map((r) => r.replace(/\t+$/, ''));
		expect(trim(toRowsTsv(applicationsTable(r2022)))).toEqual(trim(s3));
		expect(trim(toRowsTsv(reviewTable(r2022)))).toEqual(trim(s4));
	});

	it('lays out section 2 with the 2021 columns and the 2019 columns (本年新制作数量, 政府集中采购)', () => {
		const t21 = renderTxt(r2022, 'tab');
		expect(t21).toContain('信息内容\t本年制发件数\t本年废止件数\t现行有效件数');
		expect(t21).not.toContain('政府集中采购');
		const t19 = proactiveTable(r2020).rows.map((row) => row.map((c) => c.text).join('|'));
		expect(t19).toContain('信息内容|本年新制作数量|本年新公开数量|对外公开总数量');
		expect(t19.some((l) => l.startsWith('政府集中采购|'))).toBe(true);
		expect(t19).toContain('信息内容|上一年项目数量|本年增/减|处理决定数量');
	});

	it('prints the single row （六）其他处理 in the 2019 layout and the three sub-rows in 2021', () => {
		const t19 = renderTxt(r2020, 'pipe');
		expect(t19).toMatch(/^（六）其他处理 \| \d+ \| /m);
		expect(t19).not.toContain('逾期不补正');
		const t21 = renderTxt(r2022, 'pipe');
		expect(t21).toMatch(/^（六）其他处理 \| 1\.申请人无正当理由逾期不补正/m);
	});
});

describe('text renderings', () => {
	it('writes pipe rows the way the real sample does', () => {
		const sample = readFileSync(`${REAL}/samples/tianyuan-kegongxin-2022.txt`, 'utf8');
		const zeroed = structuredClone(r2022);
		for (const row of Object.values(zeroed.applications.rows)) row!.fill(0);
		for (const g of Object.values(zeroed.review)) g!.fill(0);
		const mine = renderTxt(zeroed, 'pipe').split('\n');
		const theirs = toSimplified(sample)
			.split('\n')
			.map((l) => l.replace(/\(/g, '（').replace(/\)/g, '）').replace(/\r$/, ''));
		// Rows whose labels the sample kept intact (no garbled parenthesis) must match character for character.
		const probes = [
			'第二十条第（一）项',
			'信息内容 | 本年制发件数',
			'一、本年新收政府信息公开申请数量 |',
			'2.其他法律行政法规禁止公开 |',
			'3.危及“三安全一稳定” |',
			'行政复议 | 行政诉讼 |'
		];
		for (const p of probes) {
			const a = theirs.find((l) => l.startsWith(p));
			expect(a, `sample has ${p}`).toBeDefined();
			expect(
				mine.find((l) => l.startsWith(p)),
				p
			).toBe(a);
		}
	});

	it('prints every figure of the report in each text style, in order', () => {
		for (const style of ['pipe', 'tab', 'flat'] as const) {
			const text = renderTxt(r2022, style);
			const numbers = layoutReport(r2022)
				.filter((b): b is TableBlock => b.kind === 'table')
				.flatMap((b) =>
					b.rows
						.flat()
						.filter((c) => c.path)
						.map((c) => c.text)
				);
			let at = 0;
			for (const n of numbers) {
				const i = text.indexOf(n, at);
				expect(i, `${style}: ${n}`).toBeGreaterThanOrEqual(0);
				at = i;
			}
		}
	});

	it('gives every tab row the full grid width and the flat style one value per line', () => {
		const lines = renderTxt(r2022, 'tab').split('\n');
		const s3 = lines.filter(
			(l) => l.startsWith('一、本年新收') || l.startsWith('（七）总计') || l.startsWith('三、本年度办理结果')
		);
		for (const l of s3) expect(l.split('\t').length).toBe(10);
		const flat = renderTxt(r2022, 'flat').split('\n');
		const i = flat.indexOf('一、本年新收政府信息公开申请数量');
		expect(flat.slice(i + 1, i + 8).map(Number)).toEqual(r2022.applications.rows.new);
	});

	it('has the title, the six headings in order, section 6 on the fee, and the date line last', () => {
		const text = renderTxt(r2022, 'pipe');
		const lines = text.trimEnd().split('\n');
		expect(lines[0]).toBe(`${r2022.organ}2022年政府信息公开工作年度报告`);
		let at = 0;
		for (const s of SECTIONS) {
			const i = lines.indexOf(`${s.ordinal}、${s.title}`, at);
			expect(i, s.title).toBeGreaterThan(at);
			at = i;
		}
		expect(text).toContain('信息处理费');
		const [y, m, d] = r2022.published_on!.split('-').map(Number);
		expect(lines.at(-1)).toBe(`${y}年${m}月${d}日`);
	});

	it('leaves out a section that the report lacks', () => {
		const r = structuredClone(r2022);
		delete r.sections['4'];
		const text = renderTxt(r, 'pipe');
		expect(text).not.toContain('四、政府信息公开行政复议、行政诉讼情况');
		expect(text).not.toContain('未经复议直接起诉');
	});

	it('converts to traditional script character by character, reversibly for matching', () => {
		const t = renderTxt(r2022, 'pipe', { script: 'traditional' });
		expect(t).toContain('政府信息公開工作年度報告');
		expect(t).toContain('結轉下年度繼續辦理');
		expect(toSimplified(t)).toContain('结转下年度继续办理');
		expect(toSimplified(t).split('\n').length).toBe(renderTxt(r2022, 'pipe').split('\n').length);
	});

	it('encodes GB18030 and Big5 so that WHATWG decoders give the text back', () => {
		const simp = renderTxt(r2022, 'pipe');
		const trad = renderTxt(r2022, 'pipe', { script: 'traditional' });
		expect(new TextDecoder('gb18030').decode(encodeText(simp, 'gb18030'))).toBe(simp);
		expect(new TextDecoder('big5').decode(encodeText(trad, 'big5'))).toBe(trad);
		expect(encodable(trad, 'big5')).toBe(true);
		expect(encodable('为', 'big5')).toBe(false);
		expect([...encodeText(simp, 'utf-8-bom').slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});
});

describe('HTML rendering', () => {
	it('declares the charset, and draws the tables with the template’s rowspan/colspan', () => {
		const html = renderHtml(r2022, { charset: 'gbk' });
		expect(html).toContain('<meta charset="gbk">');
		expect(html).toContain(`<title>${r2022.organ}2022年政府信息公开工作年度报告</title>`);
		expect(html).toMatch(/<td rowspan="3" colspan="3"( class="l")?>（本列数据的勾稽关系为/);
		expect(html).toContain('<td rowspan="22">三、本年度办理结果</td>');
		expect(html).toContain('<td rowspan="8">（三）不予公开</td>');
		expect(html).toContain('<td colspan="5">未经复议直接起诉</td>');
		expect((html.match(/<tr>/g) ?? []).length).toBe(14 + (3 + 25) + 4);
		const h19 = renderHtml(r2020);
		expect(h19).toContain('<td rowspan="20">三、本年度办理结果</td>');
		expect(h19).toContain('<td colspan="2">（六）其他处理</td>');
	});

	it('escapes text and converts the script of the whole page', () => {
		const r = structuredClone(r2022);
		r.sections['5'] = '问题<script>&';
		const html = renderHtml(r, { script: 'traditional' });
		expect(html).toContain('問題&lt;script&gt;&amp;');
		expect(html).not.toContain('<script>');
	});
});
