// bytes → Report: decode → extract (per format) → map to the template → checks. Refusals are ParseRefusal.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { decodeText, detectScript, junkShare, MAX_BYTES, sniffFormat } from './decode';
import type { Doc } from './extract/doc';
import { extractTxt } from './extract/txt';
import { extractHtml, HtmlTooDeep, isTruncatedHtml, MAX_HTML_DEPTH } from './extract/html';
import { looksLikeMarkup, markupInScript } from './extract/markup';
import { extractDocx } from './extract/docx';
import { extractPdf } from './extract/pdf';
import { MAX_PDF_DECODED_BYTES, PdfTooLarge } from './extract/pdf-guard';
import { mapDocument } from './map/document';
import { runChecksSafely } from './run-checks';
import type { Format, Report } from './model';

/** Bump when the parser's output for the same bytes changes. */
export const PARSER_VERSION = 'parser-1';

export class ParseRefusal extends Error {
	file: string;
	reason: string;
	constructor(file: string, reason: string) {
		super(`${file}: ${reason}`);
		this.name = 'ParseRefusal';
		this.file = file;
		this.reason = reason;
	}
}

export const REFUSALS = {
	empty: '文件为空 (empty file)',
	tooLarge: '文件超过 20 MB，拒绝读取 (file over 20 MB)',
	image: '这是图片文件，不是年报文本 (an image file, not a report)',
	binary: '二进制内容，无法识别为文本、HTML、DOCX 或 PDF (binary data, not a readable document)',
	zip: '压缩包不是 DOCX 文档 (a zip archive, not a DOCX)',
	pdfBroken: 'PDF 文件损坏或无法打开 (damaged PDF)',
	pdfNoText: 'PDF 没有文字层（扫描件或图片），无法读取 (image-only PDF, no text layer)',
	docxBroken: 'DOCX 文件损坏或无法打开 (damaged DOCX)',
	htmlTruncated: 'HTML 文件不完整（被截断）(truncated HTML)',
	htmlTooDeep: `HTML 元素嵌套超过 ${MAX_HTML_DEPTH} 层，疑为构造异常的文件，未读取 (HTML nested too deeply)`,
	pdfTooLarge: `PDF 内容解压后超过 ${MAX_PDF_DECODED_BYTES / 1024 / 1024} MB，疑为构造异常的文件，未读取 (PDF content inflates too much)`,
	notReport: '内容不是政府信息公开工作年度报告 (not an annual report on government information disclosure)'
} as const;

/** The lines joined by newlines, stopping once `chars` characters are there (detectScript reads no further). */
function head(doc: Doc, chars: number): string {
	let s = '';
	for (let i = 0; i < doc.lines.length; i++) {
		s += (i ? '\n' : '') + doc.lines[i].text;
		if (s.length >= chars) break;
	}
	return s;
}

// Node's native hash, reached without importing a Node module (the core stays platform-free: elsewhere the
// JS digest runs). Not Web Crypto's digest: it is async, and its thread-pool round trip idles the parser on
// small reports.
type NodeCrypto = { createHash(alg: string): { update(b: Uint8Array): { digest(enc: 'hex'): string } } };
const nodeCrypto = (
	globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;

function sha256Hex(bytes: Uint8Array): string {
	if (nodeCrypto) return nodeCrypto.createHash('sha256').update(bytes).digest('hex');
	return encodeHexLowerCase(sha256(bytes));
}

export async function parseReport(bytes: Uint8Array, fileName: string): Promise<Report> {
	const refuse = (reason: string): never => {
		throw new ParseRefusal(fileName, reason);
	};
	if (bytes.length === 0) refuse(REFUSALS.empty);
	if (bytes.length > MAX_BYTES) refuse(REFUSALS.tooLarge);
	const sniffed = sniffFormat(bytes, fileName);
	if (sniffed === 'png' || sniffed === 'jpeg' || sniffed === 'gif') refuse(REFUSALS.image);
	if (sniffed === 'zip') refuse(REFUSALS.zip);
	if (sniffed === 'unknown') refuse(REFUSALS.binary);
	const format = sniffed as Format;

	let doc: Doc;
	let encoding = 'utf-8';
	if (format === 'pdf') {
		let res;
		try {
			res = await extractPdf(bytes);
		} catch (e) {
			return refuse(e instanceof PdfTooLarge ? REFUSALS.pdfTooLarge : REFUSALS.pdfBroken);
		}
		if (res.textChars < 20) refuse(REFUSALS.pdfNoText);
		doc = res.doc;
	} else if (format === 'docx') {
		try {
			doc = await extractDocx(bytes);
		} catch {
			return refuse(REFUSALS.docxBroken);
		}
	} else {
		const dec = decodeText(bytes, format === 'html');
		encoding = dec.encoding;
		if (junkShare(dec.text) > 0.02) refuse(REFUSALS.binary);
		// Markup is found by content: a page's HTML in a script's string literal, or markup saved as .txt.
		const inScript = markupInScript(dec.text);
		if (inScript !== null) doc = extractHtml(inScript);
		else if (format === 'html' || looksLikeMarkup(dec.text)) {
			if (isTruncatedHtml(dec.text)) refuse(REFUSALS.htmlTruncated);
			try {
				doc = extractHtml(dec.text);
			} catch (e) {
				if (e instanceof HtmlTooDeep) return refuse(REFUSALS.htmlTooDeep);
				throw e;
			}
		} else doc = extractTxt(dec.text);
	}

	const mapped = mapDocument(doc);
	if (!mapped.looksLikeReport) refuse(REFUSALS.notReport);
	const { looksLikeReport: _, ...rest } = mapped;
	void _;
	const report: Report = {
		...rest,
		source: {
			file: fileName,
			format,
			encoding,
			script: detectScript(head(doc, 4000)),
			sha256: sha256Hex(bytes)
		},
		findings: [],
		parser_version: PARSER_VERSION
	};
	report.findings = await runChecksSafely(report);
	return report;
}
