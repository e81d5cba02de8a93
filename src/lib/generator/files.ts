// Which files a district's reports become: per report and format, a rendering variant (text style, encoding,
// script), the file name (organ and year), and for the plain formats the bytes themselves. DOCX and PDF bytes
// are made on the server side (src/lib/server/generate), from the same plan.
import type { Format, Report, Script } from '../report/model';
import { createRng } from './prng';
import { renderHtml, renderTxt, encodeText, type TextEncoding, type TxtStyle } from './render/index';
import type { TruthReport } from './district';

export const FORMATS: readonly Format[] = ['txt', 'html', 'docx', 'pdf'];

export interface FileVariant {
	format: Format;
	script: Script;
	/** Bytes' encoding (txt, html); 'utf-8' for docx and pdf, which carry their own. */
	encoding: TextEncoding;
	/** Text layout (txt only). */
	style?: TxtStyle;
	/** Declared charset of an HTML page. */
	charset?: string;
	eol?: '\n' | '\r\n';
}

export interface FilePlan {
	name: string;
	/** Index into the district's reports. */
	report: number;
	variant: FileVariant;
}

export interface PlanOptions {
	formats: readonly Format[];
	seed: string | number;
	/** One format per report (chosen at random among `formats`) instead of every format for every report. */
	mix?: boolean;
	/** Share of files in traditional script (default 0.12). */
	traditionalRate?: number;
}

export function planFiles(reports: TruthReport[], opts: PlanOptions): FilePlan[] {
	const out: FilePlan[] = [];
	reports.forEach((t, i) => {
		const rng = createRng(`${opts.seed}/files/${t.organ_id}/${t.report.year}`);
		const formats = opts.mix ? [rng.pick(opts.formats)] : opts.formats;
		for (const format of formats) {
			const variant = pickVariant(format, rng.fork(format), opts.traditionalRate ?? 0.12);
			out.push({ name: fileName(t, format), report: i, variant });
		}
	});
	return out;
}

export function fileName(t: TruthReport, format: Format): string {
	// Names carry the organ and the year; the organ id keeps them unique and sortable across renamings.
	const safe = t.report.organ.replace(/[\\/:*?"<>|\s]/g, '');
	return `${t.organ_id}_${t.report.year}_${safe}.${format}`;
}

function pickVariant(format: Format, rng: ReturnType<typeof createRng>, traditionalRate: number): FileVariant {
	const script: Script = rng.chance(traditionalRate) ? 'traditional' : 'simplified';
	const trad = script === 'traditional';
	if (format === 'txt') {
		const style = rng.pick<TxtStyle>(['pipe', 'pipe', 'tab', 'flat']);
		const encoding: TextEncoding = trad
			? rng.chance(0.7)
				? 'big5'
				: 'utf-8'
			: rng.pick<TextEncoding>(['utf-8', 'utf-8', 'gb18030', 'gb18030', 'utf-8-bom']);
		return { format, script, encoding, style, eol: rng.chance(0.3) ? '\r\n' : '\n' };
	}
	if (format === 'html') {
		const encoding: TextEncoding = trad ? (rng.chance(0.6) ? 'big5' : 'utf-8') : rng.chance(0.5) ? 'gb18030' : 'utf-8';
		// GB18030 pages declare "gbk" as real sites do; the parser must not trust the label's narrower table.
		const charset = encoding === 'gb18030' ? 'gbk' : encoding === 'big5' ? 'big5' : 'utf-8';
		return { format, script, encoding, charset };
	}
	return { format, script, encoding: 'utf-8' };
}

/** Text of a txt or html file (before encoding). */
export function renderText(report: Report, v: FileVariant, opts: { print?: boolean } = {}): string {
	if (v.format === 'txt') return renderTxt(report, v.style ?? 'pipe', { script: v.script, eol: v.eol });
	return renderHtml(report, { script: v.script, charset: v.charset ?? 'utf-8', print: opts.print });
}

/** Bytes of a txt or html file. */
export function renderTextFile(report: Report, v: FileVariant): Uint8Array {
	return encodeText(renderText(report, v), v.encoding);
}

/** The truth entry of one file: the report with its `source` filled in. */
export function truthFor(report: Report, plan: FilePlan, sha256: string): Report {
	return {
		...report,
		source: {
			file: plan.name,
			format: plan.variant.format,
			encoding: plan.variant.encoding === 'utf-8-bom' ? 'utf-8' : plan.variant.encoding,
			script: plan.variant.script,
			sha256
		}
	};
}
