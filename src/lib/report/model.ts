// The report model of docs/report-model.md. Its JSON keys are a contract read by tools outside the app:
// keep every key's name and meaning; add keys freely.
import type { ApplicationRowKey, ApplicantColumn, ReviewGroup, TemplateId, TemplateVersion } from './template';

export type Cell = number | null;
export type Row7 = [Cell, Cell, Cell, Cell, Cell, Cell, Cell];
export type Row5 = [Cell, Cell, Cell, Cell, Cell];

export type Format = 'txt' | 'html' | 'docx' | 'pdf';
export type Script = 'simplified' | 'traditional';

export interface Source {
	file: string;
	format: Format;
	encoding: string;
	script: Script;
	sha256: string;
}

/** Section 2 in either layout: `{ rules: { issued, repealed, in_force }, … }` (2021) or the 2019 fields. */
export type Proactive = Record<string, Record<string, Cell>>;

export interface Applications {
	columns: ApplicantColumn[];
	/** Only the rows the report printed: an absent row is absent (C1 reports it), never zero-filled. */
	rows: Partial<Record<ApplicationRowKey, Row7>>;
}

export type Review = Partial<Record<ReviewGroup, Row5>>;

export interface Fees {
	/** 信息处理费 charged, in yuan; null when section 6 says nothing about it. */
	info_processing_fee_yuan: number | null;
}

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
	rule: string;
	severity: Severity;
	/** Chinese, for inspectors: what was expected and what was found, with the numbers. */
	message: string;
	cells: string[];
}

export interface Warning {
	code: string;
	message: string;
	where?: string;
}

/** Where a figure came from in the decoded source text (1-based line; page for PDFs). */
export interface Provenance {
	line: number;
	page?: number;
	/** Character range within the line, when known. */
	start?: number;
	end?: number;
	/** A blank total whose parts were all printed, derived as their sum (line/page: the row's place). */
	derived?: 'sum';
	/** The cell paths the derived total sums. */
	from?: string[];
}

export interface Report {
	organ: string;
	year: number | null;
	template: TemplateId;
	title: string;
	published_on: string | null;
	source: Source;
	sections: Partial<Record<'1' | '2' | '3' | '4' | '5' | '6', string>>;
	proactive: Proactive;
	applications: Applications;
	review: Review;
	fees: Fees;
	findings: Finding[];
	warnings: Warning[];
	/** Cell path (e.g. `applications.rows.granted.total`) → its place in the source text. */
	provenance: Record<string, Provenance>;
	/** The decoded source text as lines (original script), which provenance line numbers index (1-based). */
	source_lines?: string[];
	/** Layout of section 3 row (六): the 2021 three sub-rows or the 2019 single row, as printed. */
	other_layout?: TemplateVersion | null;
	parser_version?: string;
}
