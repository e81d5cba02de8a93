// Generation with I/O: DOCX and PDF renderers, and (below) the whole synthetic district for the CLI and the demo.
export { renderDocx, type DocxRenderOptions } from './docx';
export { renderPdf, PdfPrinter, fixPdfDates } from './pdf';
