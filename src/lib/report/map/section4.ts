// Section 4 (行政复议、行政诉讼): fifteen figures in the template's order, or split from a run of digits when
// the text did not give them one by one.
import type { Review, Row5 } from '../model';
import { reviewPath } from '../cell-path';
import { REVIEW_GROUPS } from '../template';
import { collectRows } from './rows';
import { REVIEW_FIGURES, mapReview } from './review';
import { readSection4RunTogether } from './run-together';
import type { SectionRange } from './sections';
import { provenanceAt, type MapInput, type SectionMapping } from './section';

export function mapSection4(input: MapInput, range: SectionRange | undefined): SectionMapping<Review> {
	const { doc, norm } = input;
	const out: SectionMapping<Review> = { values: {}, provenance: {}, warnings: [] };
	if (!range) return out;
	const res = mapReview(collectRows(doc, norm, range.start, range.end, REVIEW_FIGURES));
	for (const g of REVIEW_GROUPS) {
		const figs = res.groups[g];
		if (!figs) continue;
		out.values[g] = figs.map((f) => f.value) as Row5;
		figs.forEach((f, c) => (out.provenance[reviewPath(g, c)] = provenanceAt(doc, f.line)));
	}
	if (res.count === REVIEW_FIGURES) return out;
	const rt = readSection4RunTogether(doc, norm, range.start, range.end);
	if (rt && Object.values(rt.review).some((g) => g && g.some((v) => v !== null)))
		return { values: rt.review, provenance: rt.provenance, warnings: rt.warnings };
	if (res.count > 0)
		out.warnings.push({ code: 'review_count', message: `第四部分应有 ${REVIEW_FIGURES} 个数字，读到 ${res.count} 个`, where: 'review' });
	return out;
}
