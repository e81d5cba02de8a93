// Text helpers for the rules that read the report's prose: normalised (simplified script, NFKC, no spaces,
// no thousands separators) so keywords and figures match however the source spelled them.
import type { Report } from '../model';
import { normalizeText } from '../normalize';
import { memo } from '../memo';

/** Simplified, NFKC, whitespace removed, "3,119" → "3119". */
export function normProse(text: string): string {
	const t = normalizeText(text).replace(/\s+/g, '');
	return t.includes(',') ? t.replace(/(\d),(?=\d{3}(?!\d))/g, '$1') : t;
}

// Several rules read the same section (1 three times) and the whole text (twice): normalised once per report.
// Keyed by the report AND the text itself, so a report edited between runs (corrections) is never served stale,
// and nothing outlives the report object.
const proseByReport = new WeakMap<object, Map<string, string>>();

function proseOf(report: Report, text: string): string {
	let m = proseByReport.get(report);
	if (!m) proseByReport.set(report, (m = new Map()));
	return memo(m, text, 16, normProse, text);
}

export function sectionProse(report: Report, id: '1' | '2' | '3' | '4' | '5' | '6'): string | null {
	const t = report.sections?.[id];
	return typeof t === 'string' && t.trim() ? proseOf(report, t) : null;
}

// Two rules read the whole source: its lines are joined once, so the prose memo finds the very same string
// (no second join, hash and comparison of the whole text). The parser's arrays are not edited in place.
const joinedLines = new WeakMap<string[], { length: number; text: string }>();

function joined(lines: string[]): string {
	const j = joinedLines.get(lines);
	if (j && j.length === lines.length) return j.text;
	const text = lines.join('\n');
	joinedLines.set(lines, { length: lines.length, text });
	return text;
}

/** The whole source as prose: source_lines when the parser kept them, else title and sections in order. */
export function wholeProse(report: Report): string {
	if (report.source_lines?.length) return proseOf(report, joined(report.source_lines));
	const parts = [
		report.title ?? '',
		...(['1', '2', '3', '4', '5', '6'] as const).map((id) => report.sections?.[id] ?? '')
	];
	return proseOf(report, parts.join('\n'));
}

/** Drops a leading section heading ("五、存在的主要问题及改进情况") so length checks see the body. */
export function stripHeading(prose: string): string {
	return prose.replace(/^[一二三四五六][、.．]?[^。；]{0,30}?(?:情况|事项|措施)/, '');
}
