// Tables users upload as spreadsheets (the publication log, the roster, crawl sources): CSV text and XLSX workbooks.
import { readZip, ZipRefusal } from './zip';

export interface RawRow {
	line: number;
	cells: unknown[];
	/** A hyperlink on the title cell, when the sheet has no url column. */
	link?: string;
}

function decode(bytes: Uint8Array): string {
	// Excel on Chinese Windows saves CSV in GBK: strict UTF-8 first.
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		return new TextDecoder('gb18030').decode(bytes);
	}
}

/** CSV bytes (UTF-8 or GBK, comma, tab or semicolon) as rows of cells with their line numbers. */
export function csvTable(bytes: Uint8Array): RawRow[] {
	const text = decode(bytes);
	const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
	const sep = [',', '\t', ';'].reduce(
		(best, s) => (firstLine.split(s).length > firstLine.split(best).length ? s : best),
		','
	);
	const rows: RawRow[] = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let line = 1;
	let rowLine = 1;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else {
				if (ch === '\n') line++;
				cell += ch;
			}
		} else if (ch === '"' && cell === '') quoted = true;
		else if (ch === sep) {
			cells.push(cell);
			cell = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			cells.push(cell);
			rows.push({ line: rowLine, cells });
			cells = [];
			cell = '';
			rowLine = ++line;
		} else cell += ch;
	}
	if (cell !== '' || cells.length) {
		cells.push(cell);
		rows.push({ line: rowLine, cells });
	}
	return rows;
}

/**
 * An XLSX workbook, vetted first: exceljs inflates without limits, so the zip reader checks the archive against
 * `maxTotalBytes`. `refuse` makes the caller's own error from a Chinese message.
 */
export async function loadWorkbook(
	bytes: Uint8Array,
	maxTotalBytes: number,
	refuse: (message: string, cause: unknown) => Error
) {
	try {
		readZip(bytes, { maxTotalBytes, maxDepth: 0 });
	} catch (e) {
		if (e instanceof ZipRefusal) throw refuse(`XLSX 文件无法读取：${e.message}`, e);
		throw e;
	}
	// Loaded on demand: exceljs takes a noticeable part of a second to load, and most imports are reports.
	const { default: ExcelJS } = await import('exceljs');
	const wb = new ExcelJS.Workbook();
	try {
		await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
	} catch (e) {
		throw refuse(`XLSX 文件损坏或不是 Excel 工作簿（${(e as Error).message}）`, e);
	}
	return wb;
}
