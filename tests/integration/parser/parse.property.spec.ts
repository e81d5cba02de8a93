// Property: random nonzero tables, rendered to each format, parse back identically.
import { afterAll, describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/lib/report/parse';
import { buildReport, diffCells, renderTextBytes, type Variant } from '../../fixtures/parser/build';
import { createRng } from '../../../src/lib/generator/prng';
import { renderDocx } from '../../../src/lib/server/generate/docx';
import { PdfPrinter } from '../../../src/lib/server/generate/pdf';
import { renderHtml } from '../../../src/lib/generator/render/index';

const printer = new PdfPrinter();
afterAll(() => printer.close());

function randomVariant(format: Variant['format'], seed: number): Variant {
	const rng = createRng(`variant-${format}-${seed}`);
	const script = rng.pick(['simplified', 'traditional'] as const);
	if (format === 'txt') {
		const encoding =
			script === 'traditional'
				? rng.pick(['big5', 'utf-8'] as const)
				: rng.pick(['utf-8', 'utf-8-bom', 'gb18030'] as const);
		return { format, style: rng.pick(['pipe', 'tab', 'flat'] as const), encoding, script };
	}
	if (format === 'html') {
		const encoding =
			script === 'traditional' ? rng.pick(['big5', 'utf-8'] as const) : rng.pick(['utf-8', 'gb18030'] as const);
		return { format, encoding, script, charset: encoding === 'gb18030' ? 'gbk' : encoding };
	}
	return { format, script };
}

const RUNS: Record<Variant['format'], number> = { txt: 40, html: 25, docx: 8, pdf: 4 };

for (const format of ['txt', 'html', 'docx', 'pdf'] as const) {
	describe(`${format}: random tables round-trip`, () => {
		it(`${RUNS[format]} random reports`, async () => {
			for (let i = 0; i < RUNS[format]; i++) {
				const rng = createRng(`prop-${format}-${i}`);
				const template = rng.pick(['2021', '2019'] as const);
				const otherLayout = template === '2021' && rng.chance(0.25) ? '2019' : template;
				const truth = buildReport({
					template,
					otherLayout,
					seed: `prop-${format}-${i}`,
					fee: rng.chance(0.2) ? 0 : undefined
				});
				const v = randomVariant(format, i);
				const bytes =
					v.format === 'docx'
						? await renderDocx(truth, { script: v.script })
						: v.format === 'pdf'
							? await printer.print(renderHtml(truth, { script: v.script, print: true }))
							: renderTextBytes(truth, v);
				const r = await parseReport(bytes, `p.${format}`);
				expect({ i, variant: v, diff: diffCells(r, truth) }).toEqual({ i, variant: v, diff: [] });
			}
		});
	});
}
