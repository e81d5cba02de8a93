// What every section mapper returns, and the small pieces they share.
import type { Doc } from '../extract/doc';
import type { Provenance, Warning } from '../model';
import type { TemplateVersion } from '../template';

/** One section's reading: its values, where each figure came from, and what was doubtful. */
export interface SectionMapping<V> {
	values: V;
	provenance: Record<string, Provenance>;
	warnings: Warning[];
}

/** The document as the mappers read it: the extracted lines and their normalised text (index-aligned). */
export interface MapInput {
	doc: Doc;
	norm: string[];
}

/** The first year of the 2021 template; before it, the 2019 one. */
export const FIRST_2021_TEMPLATE_YEAR = 2021;

/** The template a report of this year uses when its text does not say (no year: the current one). */
export const layoutForYear = (year: number | null): TemplateVersion =>
	(year ?? FIRST_2021_TEMPLATE_YEAR) >= FIRST_2021_TEMPLATE_YEAR ? '2021' : '2019';

/** The provenance of a figure on a 0-based document line: 1-based line, and the page for PDFs. */
export function provenanceAt(doc: Doc, line: number): Provenance {
	const p: Provenance = { line: line + 1 };
	const page = doc.lines[line]?.page;
	if (page !== undefined) p.page = page;
	return p;
}

/**
 * A blank total whose parts are all printed: their sum, with provenance `{ derived: 'sum', from }` (and the
 * row's line) and a warning. Never for a blank part, and never evidence for the row-sum check (A3/A4 skip it).
 */
export function deriveTotal(
	parts: (number | null)[],
	paths: string[],
	totalPath: string,
	at: Provenance,
	name: string
): { value: number; provenance: Provenance; warning: Warning } | null {
	if (!parts.every((v) => typeof v === 'number')) return null;
	const value = Math.round((parts as number[]).reduce((a, b) => a + b, 0) * 100) / 100;
	return {
		value,
		provenance: { ...at, derived: 'sum', from: paths },
		warning: {
			code: 'derived_total',
			message: `“${name}”总计栏空白，各项均已填报，按各项之和记为 ${value}（推算值，不作为合计校验的依据）`,
			where: totalPath
		}
	};
}
