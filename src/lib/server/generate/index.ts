// Generation with I/O: DOCX and PDF renderers, and the whole synthetic district for the CLI and the demo.
export { renderDocx, type DocxRenderOptions } from './docx';
export { renderPdf, PdfPrinter, fixPdfDates } from './pdf';
export {
	generateDistrict,
	type GenerateOptions,
	type GeneratedDistrict,
	type GeneratedFile,
	type TruthFile,
	type TruthJson
} from './district';
export { writeDistrict } from './write';
