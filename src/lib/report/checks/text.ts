// Text helpers for the rules that read the report's prose: normalised (simplified script, NFKC, no spaces,
// no thousands separators) so keywords and figures match however the source spelled them.
import type { Report } from '../model';
import { normalizeText } from '../normalize';

/** Simplified, NFKC, whitespace removed, "3,119" → "3119". */
export function normProse(text: string): string {
	return normalizeText(text)
		.replace(/\s+/g, '')
		.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

export function sectionProse(report: Report, id: '1' | '2' | '3' | '4' | '5' | '6'): string | null {
	const t = report.sections?.[id];
	return typeof t === 'string' && t.trim() ? normProse(t) : null;
}

/** The whole source as prose: source_lines when the parser kept them, else title and sections in order. */
export function wholeProse(report: Report): string {
	if (report.source_lines?.length) return normProse(report.source_lines.join('\n'));
	const parts = [report.title ?? '', ...(['1', '2', '3', '4', '5', '6'] as const).map((id) => report.sections?.[id] ?? '')];
	return normProse(parts.join('\n'));
}

/** Drops a leading section heading ("五、存在的主要问题及改进情况") so length checks see the body. */
export function stripHeading(prose: string): string {
	return prose.replace(/^[一二三四五六][、.．]?[^。；]{0,30}?(?:情况|事项|措施)/, '');
}
