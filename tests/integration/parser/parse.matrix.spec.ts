// Every format × encoding × template, with nonzero figures: parsed back exactly, cell by cell.
import { afterAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/lib/report/parse';
import { buildReport, diffCells, renderTextBytes, type Variant } from '../../fixtures/parser/build';
import { renderDocx } from '../../../src/lib/server/generate/docx';
import { PdfPrinter } from '../../../src/lib/server/generate/pdf';
import { renderHtml } from '../../../src/lib/generator/render/index';

const TEMPLATES = [
	{ name: '2021', template: '2021' as const },
	{ name: '2019', template: '2019' as const },
	{ name: 'hybrid (2021 section 2, 2019 row （六）)', template: '2021' as const, otherLayout: '2019' as const }
];
const TEXT_ENCODINGS = [
	{ encoding: 'utf-8', script: 'simplified' },
	{ encoding: 'utf-8-bom', script: 'simplified' },
	{ encoding: 'gb18030', script: 'simplified' },
	{ encoding: 'big5', script: 'traditional' },
	{ encoding: 'utf-8', script: 'traditional' }
] as const;

const printer = new PdfPrinter();
afterAll(() => printer.close());

async function render(report: ReturnType<typeof buildReport>, v: Variant): Promise<Uint8Array> {
	if (v.format === 'docx') return renderDocx(report, { script: v.script });
	if (v.format === 'pdf') return printer.print(renderHtml(report, { script: v.script, print: true }));
	return renderTextBytes(report, v);
}

function variants(): { label: string; v: Variant }[] {
	const out: { label: string; v: Variant }[] = [];
	for (const style of ['pipe', 'tab', 'flat'] as const)
		for (const e of TEXT_ENCODINGS)
			out.push({ label: `txt/${style}/${e.encoding}/${e.script}`, v: { format: 'txt', style, ...e } });
	for (const [encoding, script, charset] of [
		['utf-8', 'simplified', 'utf-8'],
		['gb18030', 'simplified', 'gbk'],
		['big5', 'traditional', 'big5'],
		['utf-8', 'traditional', 'utf-8']
	] as const)
		out.push({ label: `html/${encoding}/${script}`, v: { format: 'html', encoding, script, charset } });
	for (const script of ['simplified', 'traditional'] as const) {
		out.push({ label: `docx/${script}`, v: { format: 'docx', script } });
		out.push({ label: `pdf/${script}`, v: { format: 'pdf', script } });
	}
	return out;
}

for (const t of TEMPLATES) {
	describe(`template ${t.name}`, () => {
		const truth = buildReport({ template: t.template, otherLayout: t.otherLayout, seed: `matrix-${t.name}` });
		for (const { label, v } of variants()) {
			it(label, async () => {
				const bytes = await render(truth, v);
				const r = await parseReport(bytes, `report.${v.format}`);
				expect(diffCells(r, truth)).toEqual([]);
				expect(r.source.format).toBe(v.format);
				expect(r.source.script).toBe(v.script);
				if (v.format === 'txt' || v.format === 'html')
					expect(r.source.encoding).toBe(v.encoding === 'utf-8-bom' ? 'utf-8' : v.encoding);
				// Every figure has a source line that prints it.
				for (const [path, p] of Object.entries(r.provenance)) {
					expect(p.line, path).toBeGreaterThan(0);
					expect(r.source_lines![p.line - 1], path).toMatch(/\d/);
				}
				expect(r.findings.filter((f) => /^A\d$/.test(f.rule))).toEqual([]);
			});
		}
	});
}
