// The parser against the real sample, the peer samples with hand-checked values, bad input, and the checks.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport, ParseRefusal, PARSER_VERSION } from './parse';
import type { Report, Row7 } from './model';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, applicationRowKeys } from './template';
import {
	buildReport,
	diffCells,
	imageOnlyPdf,
	pngBytes,
	randomBytes,
	renderTextBytes
} from '../../../tests/fixtures/parser/build';
import { REAL } from '../../../tests/helpers/fixtures';

const read = (p: string) => new Uint8Array(readFileSync(p));

describe('the real sample (天元区科工信局 2022: GBK one byte off, traditional script, HTML remnants)', async () => {
	const r = await parseReport(read(`${REAL}/samples/tianyuan-kegongxin-2022.txt`), 'tianyuan-kegongxin-2022.txt');

	it('reads template, year and organ from the content', () => {
		expect(r.template).toBe('2021');
		expect(r.other_layout).toBe('2021');
		expect(r.year).toBe(2022);
		expect(['株洲市天元区科学技术和工业信息化局', '株洲市天元区科工信局']).toContain(r.organ);
		expect(r.source.script).toBe('traditional');
		expect(r.parser_version).toBe(PARSER_VERSION);
	});

	it('has all 26 rows of section 3, seven zeros each', () => {
		expect(Object.keys(r.applications.rows).sort()).toEqual(applicationRowKeys('2021').sort());
		for (const row of Object.values(r.applications.rows)) expect(row).toEqual([0, 0, 0, 0, 0, 0, 0]);
	});

	it('maps the garbled labels by row order, with a warning each', () => {
		const byOrder = r.warnings.filter((w) => w.code === 'label_by_order').map((w) => w.where);
		for (const key of ['granted', 'results_total']) expect(byOrder).toContain(`applications.rows.${key}`);
		for (const key of [
			'granted',
			'partial',
			'refused.state_secret',
			'unable.not_held',
			'not_processed.petition',
			'other.no_correction',
			'results_total'
		])
			expect(r.applications.rows[key as keyof typeof r.applications.rows]).toBeDefined();
	});

	it('has the three arrays of section 4 all zeros, section 2 zeros, the fee 0 yuan, no A-findings', () => {
		expect(r.review).toEqual({
			reconsideration: [0, 0, 0, 0, 0],
			litigation_direct: [0, 0, 0, 0, 0],
			litigation_after_reconsideration: [0, 0, 0, 0, 0]
		});
		expect(r.proactive.rules).toEqual({ issued: 0, repealed: 0, in_force: 0 });
		expect(r.proactive.admin_fees).toEqual({ amount_10k_yuan: 0 });
		expect(r.fees.info_processing_fee_yuan).toBe(0);
		expect(r.findings.filter((f) => /^A\d/.test(f.rule))).toEqual([]);
	});

	it('traces every figure to a source line that prints it', () => {
		const lines = r.source_lines!;
		const paths = Object.keys(r.provenance);
		expect(paths.length).toBe(applicationRowKeys('2021').length * 7 + 15 + 10 + 1);
		for (const p of paths) expect(lines[r.provenance[p].line - 1]).toMatch(/0/);
		expect(lines[r.provenance['fees.info_processing_fee_yuan'].line - 1]).toContain('信息處理費');
	});
});

describe('peer PDFs with hand-checked values', () => {
	const cases = [
		['kirogovcompare/hzq2023_working.pdf', 'hzq2023_working.pdf'],
		['kirogovcompare/hzq2024_working.pdf', 'hzq2024_working.pdf'],
		['govnianbao/szfgs2024.pdf', 'szfgs2024.pdf']
	];
	for (const [path, name] of cases) {
		it(`${name}: every cell of the expected file`, async () => {
			const exp = JSON.parse(readFileSync(`${REAL}/peer-samples/expected/${name}.expected.json`, 'utf8'));
			const r = await parseReport(read(`${REAL}/peer-samples/${path}`), name);
			const bad: string[] = [];
			for (const [item, fields] of Object.entries(exp.proactive as Record<string, Record<string, number>>))
				for (const [f, v] of Object.entries(fields))
					if (r.proactive[item]?.[f] !== v) bad.push(`proactive.${item}.${f}`);
			expect(Object.keys(r.applications.rows).sort()).toEqual(Object.keys(exp.applications.rows).sort());
			for (const [key, row] of Object.entries(exp.applications.rows as Record<string, Row7>))
				APPLICANT_COLUMNS.forEach((c, i) => {
					if ((r.applications.rows as Record<string, Row7>)[key]?.[i] !== row[i])
						bad.push(`applications.rows.${key}.${c}`);
				});
			for (const [g, arr] of Object.entries(exp.review as Record<string, number[]>))
				REVIEW_COLUMNS.forEach((c, i) => {
					if ((r.review as Record<string, number[]>)[g]?.[i] !== arr[i]) bad.push(`review.${g}.${c}`);
				});
			expect(bad).toEqual([]);
			expect(r.fees.info_processing_fee_yuan).toBe(exp.fees.info_processing_fee_yuan);
			expect(r.organ).toBe(exp.organ);
			expect(r.year).toBe(exp.year);
			// Provenance: each figure's line, on its page, prints the figure.
			for (const [p, prov] of Object.entries(r.provenance)) {
				expect(prov.page).toBeGreaterThan(0);
				if (!p.startsWith('fees')) {
					const v = eval_(r, p);
					expect(r.source_lines![prov.line - 1].replace(/,/g, '')).toContain(String(v));
				}
			}
		});
	}

	it('洪泽区 2023 is a hybrid (2021 section 2, 2019 row （六）) and keeps its own failing A4 totals', async () => {
		const r = await parseReport(read(`${REAL}/peer-samples/kirogovcompare/hzq2023_working.pdf`), 'hzq2023_working.pdf');
		expect(r.template).toBe('2021');
		expect(r.other_layout).toBe('2019');
		expect(r.review.reconsideration).toEqual([10, 1, 0, 0, 0]);
		const a4 = r.findings.filter((f) => f.rule === 'A4');
		expect(a4.map((f) => f.cells.some((c) => c.startsWith('review.reconsideration')))).toContain(true);
		expect(a4.length).toBe(2);
	});
});

function eval_(r: Report, path: string): unknown {
	const m = /^applications\.rows\.(.+)\.([a-z_]+)$/.exec(path);
	if (m) return (r.applications.rows as Record<string, Row7>)[m[1]][APPLICANT_COLUMNS.indexOf(m[2] as never)];
	const rv = /^review\.([a-z_]+)\.([a-z_]+)$/.exec(path);
	if (rv) return (r.review as Record<string, number[]>)[rv[1]][REVIEW_COLUMNS.indexOf(rv[2] as never)];
	const p = /^proactive\.([a-z_]+)\.([a-z_0-9]+)$/.exec(path);
	if (p) return r.proactive[p[1]][p[2]];
	throw new Error(path);
}

describe('the other peer samples parse without crashing', () => {
	const dirs = ['kirogovcompare', 'pingtan-archive', 'govnianbao'];
	for (const d of dirs)
		for (const f of readdirSync(join(REAL, 'peer-samples', d))) {
			it(f, async () => {
				const r = await parseReport(read(join(REAL, 'peer-samples', d, f)), f);
				expect(r.year).toBeGreaterThanOrEqual(2019);
				expect(Object.keys(r.sections).length).toBeGreaterThanOrEqual(3);
			});
		}

	it('沭阳县 2025 (OCR text): the totals the manifest lists', async () => {
		const f = readdirSync(join(REAL, 'peer-samples/kirogovcompare')).find((x) => x.endsWith('.txt'))!;
		const r = await parseReport(read(join(REAL, 'peer-samples/kirogovcompare', f)), f);
		const total = (k: string) => (r.applications.rows as Record<string, Row7>)[k]?.[6];
		expect([total('new'), total('carried_over'), total('results_total'), total('carried_forward')]).toEqual([
			713, 36, 718, 31
		]);
		expect(r.fees.info_processing_fee_yuan).toBe(380);
	});

	it('沭阳县发改局 2023 (Word HTML): blank legal-person cells are null, not 0', async () => {
		const f = readdirSync(join(REAL, 'peer-samples/kirogovcompare')).find((x) => x.endsWith('.html'))!;
		const r = await parseReport(read(join(REAL, 'peer-samples/kirogovcompare', f)), f);
		const row = r.applications.rows.new!;
		expect(row.slice(1, 6)).toEqual([null, null, null, null, null]);
		expect(row[0]).not.toBeNull();
		expect(row[6]).toBe(row[0]);
		expect(r.organ).toBe('沭阳县发展和改革局');
		expect(r.year).toBe(2023);
	});
});

describe('bad input is refused with a reason', () => {
	const refusal = async (bytes: Uint8Array, name: string) => {
		try {
			await parseReport(bytes, name);
		} catch (e) {
			expect(e).toBeInstanceOf(ParseRefusal);
			const r = e as ParseRefusal;
			expect(r.file).toBe(name);
			expect(r.message).toBe(`${name}: ${r.reason}`);
			return r.reason;
		}
		throw new Error(`${name} was not refused`);
	};
	it('empty file', async () => expect(await refusal(new Uint8Array(0), 'empty.txt')).toMatch(/空/));
	it('random bytes', async () => expect(await refusal(randomBytes(50_000), 'junk.txt')).toMatch(/二进制/));
	it('random bytes without a name hint', async () =>
		expect(await refusal(randomBytes(4096, 'x'), 'junk')).toMatch(/二进制/));
	it('a PNG renamed .pdf', async () => expect(await refusal(pngBytes(), 'scan.pdf')).toMatch(/图片/));
	it('an image-only PDF', async () => expect(await refusal(imageOnlyPdf(), 'scan.pdf')).toMatch(/文字层/));
	it('a damaged PDF', async () =>
		expect(await refusal(new TextEncoder().encode('%PDF-1.7\n garbage'), 'x.pdf')).toMatch(/PDF/));
	it('a truncated HTML file', async () => {
		const html = new TextDecoder().decode(
			renderTextBytes(buildReport({ template: '2021', seed: 1 }), {
				format: 'html',
				encoding: 'utf-8',
				script: 'simplified',
				charset: 'utf-8'
			})
		);
		const cut = new TextEncoder().encode(html.slice(0, Math.floor(html.length * 0.6)));
		expect(await refusal(cut, 'cut.html')).toMatch(/截断/);
	});
	it('a 25 MB file', async () => {
		const big = new Uint8Array(25 * 1024 * 1024).fill(0x41);
		expect(await refusal(big, 'big.txt')).toMatch(/20 MB/);
	});
	it('text that is not a report', async () => {
		const t = new TextEncoder().encode('会议纪要\n一、会议时间\n二、参会人员\n三、议题\n'.repeat(5));
		expect(await refusal(t, 'minutes.txt')).toMatch(/不是政府信息公开/);
	});
});

describe('checks run on the parsed report', () => {
	const base = () => buildReport({ template: '2021', seed: 'checks' });
	const aRules = async (rep: Report) => {
		const bytes = renderTextBytes(rep, { format: 'txt', style: 'pipe', encoding: 'utf-8', script: 'simplified' });
		const r = await parseReport(bytes, 'c.txt');
		expect(diffCells(r, rep)).toEqual([]);
		return [...new Set(r.findings.map((f) => f.rule).filter((x) => /^(A\d|C1)$/.test(x)))].sort();
	};
	const bump = (rep: Report, key: string, col: number, d: number) => {
		const row = (rep.applications.rows as Record<string, Row7>)[key];
		row[col] = (row[col] as number) + d;
	};

	it('a consistent report has no A- or C1 findings', async () => expect(await aRules(base())).toEqual([]));
	it('A1 only', async () => {
		const r = base();
		bump(r, 'new', 0, 1);
		bump(r, 'new', 1, -1);
		expect(await aRules(r)).toEqual(['A1']);
	});
	it('A2 only', async () => {
		const r = base();
		bump(r, 'granted', 0, 1);
		bump(r, 'granted', 1, -1);
		expect(await aRules(r)).toEqual(['A2']);
	});
	it('A3 only', async () => {
		const r = base();
		bump(r, 'new', 0, 1);
		bump(r, 'carried_forward', 0, 1);
		expect(await aRules(r)).toEqual(['A3']);
	});
	it('A4 only', async () => {
		const r = base();
		r.review.litigation_direct![4] = (r.review.litigation_direct![4] as number) + 3;
		expect(await aRules(r)).toEqual(['A4']);
	});
	it('a report missing section 4 gets C1', async () => {
		const r = buildReport({ template: '2021', seed: 'checks', omitSections: ['4'] });
		r.review = {};
		expect(await aRules(r)).toEqual(['C1']);
	});
	it('a report missing a row of section 3 gets C1, and the row stays absent', async () => {
		const r = base();
		delete r.applications.rows['refused.third_party'];
		const bytes = renderTextBytes(r, { format: 'txt', style: 'pipe', encoding: 'utf-8', script: 'simplified' });
		const parsed = await parseReport(bytes, 'c.txt');
		expect(parsed.applications.rows['refused.third_party']).toBeUndefined();
		expect(parsed.applications.rows['refused.internal_affairs']).toEqual(
			r.applications.rows['refused.internal_affairs']
		);
		expect(parsed.findings.some((f) => f.rule === 'C1')).toBe(true);
	});
});
