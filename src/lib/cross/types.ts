// Findings that need more than one report: the subject (organ × year), the other side (another organ's report, last
// year's, the children), and the values involved, so a reviewer sees both sides and the fingerprint can tell whether
// the figures changed.
import type { Finding, Report } from '../report/model';

/** One organ's report of one year, as the cross-report rules read it. Organ keys are strings (db ids as text). */
export interface ReportRef {
	organ: string;
	organName: string;
	year: number;
	model: Report;
}

/** A text range [start, end) in a section's original text. */
export type Span = [number, number];

export interface OtherSide {
	organ: string;
	organName: string;
	year: number;
	/** Cells (or `sections.N`) of the other report that the finding compares. */
	cells: string[];
}

export interface CrossFinding extends Finding {
	/** The organ and year the finding is about (a missing report has no report, so not a report id). */
	organ: string;
	year: number;
	/** The figures (or text digests) involved, by cell; `other:` / `children:` prefixes for the other side. */
	values: Record<string, number | string | null>;
	other?: OtherSide;
	/** H1: a child is missing or the parent reports only 本级 — the sums cannot be trusted either way. */
	uncertain?: boolean;
	/** X6: the shared passages, in this report's and the other's section text. */
	passages?: { section: '1' | '5'; self: Span[]; other: Span[] }[];
	/** H1: the children whose reports were summed, and those expected but not held. */
	children?: { organ: string; organName: string }[];
	missingChildren?: { organ: string; organName: string }[];
	/** D3: the cells a silent edit changed, before → after. */
	changes?: { path: string; before: number | null; after: number | null }[];
}
