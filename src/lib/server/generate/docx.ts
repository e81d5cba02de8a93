// DOCX through the `docx` package (9.7.0): the same blocks as the HTML, with the template's merged cells as
// gridSpan/vMerge, as a Word-made report has them. Made byte-deterministic afterwards: fixed core-property dates
// and zip entry times, so that a seed gives the same file.
import {
	AlignmentType,
	Document,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	VerticalAlign,
	WidthType
} from 'docx';
import { unzipSync, zipSync, strFromU8, strToU8, type Zippable } from 'fflate';
import type { Report } from '../../report/model';
import { layoutReport, type Block } from '../../report/layout';
import { applyScript } from '../../generator/render/script';

export interface DocxRenderOptions {
	script?: 'simplified' | 'traditional';
	/** ISO date written into the document properties (defaults to a fixed date, for determinism). */
	documentDate?: string;
}

const FIXED_DATE = '2020-01-01T00:00:00Z';
const FONT = '仿宋_GB2312';

export async function renderDocx(report: Report, opts: DocxRenderOptions = {}): Promise<Uint8Array> {
	const t = (s: string) => applyScript(s, opts.script);
	const children = layoutReport(report).map((b) => blockToDocx(b, t));
	const doc = new Document({
		creator: t(report.organ),
		title: t(report.title || ''),
		styles: { default: { document: { run: { font: FONT, size: 24 } } } },
		sections: [{ properties: {}, children }]
	});
	const buf = await Packer.toBuffer(doc);
	return normalizeZip(new Uint8Array(buf), opts.documentDate ?? FIXED_DATE);
}

function blockToDocx(block: Block, t: (s: string) => string): Paragraph | Table {
	switch (block.kind) {
		case 'title':
			return new Paragraph({
				alignment: AlignmentType.CENTER,
				children: [new TextRun({ text: t(block.text), bold: true, size: 36 })]
			});
		case 'heading':
			return new Paragraph({ children: [new TextRun({ text: t(block.text), bold: true })] });
		case 'paragraph':
			return new Paragraph({ indent: { firstLine: 480 }, children: [new TextRun(t(block.text))] });
		case 'signature':
		case 'date':
			return new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(t(block.text))] });
		case 'table':
			return new Table({
				width: { size: 100, type: WidthType.PERCENTAGE },
				rows: block.rows.map(
					(row) =>
						new TableRow({
							children: row.map(
								(c) =>
									new TableCell({
										columnSpan: c.colSpan,
										rowSpan: c.rowSpan,
										verticalAlign: VerticalAlign.CENTER,
										children: [
											new Paragraph({
												alignment: AlignmentType.CENTER,
												children: [new TextRun({ text: t(c.text), size: 18 })]
											})
										]
									})
							)
						})
				)
			});
	}
}

/** Rewrites the zip with fixed dates in docProps/core.xml and fixed entry times, in a stable entry order. */
function normalizeZip(bytes: Uint8Array, isoDate: string): Uint8Array {
	const entries = unzipSync(bytes);
	const out: Zippable = {};
	const mtime = new Date(isoDate);
	for (const name of Object.keys(entries)) {
		let data = entries[name];
		if (name === 'docProps/core.xml') {
			const xml = strFromU8(data).replace(
				/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
				`$1${isoDate.replace(/\.\d+Z$/, 'Z')}$2`
			);
			data = strToU8(xml);
		}
		out[name] = [data, { mtime, level: 6 }];
	}
	return zipSync(out, { mtime });
}
