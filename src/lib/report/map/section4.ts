// Section 4 (行政复议、行政诉讼): fifteen figures in the template's order, or split from a run of digits when
// the text did not give them one by one.
import type { Review, Row5 } from '../model';
import { reviewPath } from '../cell-path';
import { REVIEW_GROUPS, REVIEW_GROUP_LABELS } from '../template';
import { collectRows, type Fig } from './rows';
import { fifteenSums, soleReading } from './flat-row';
import { REVIEW_FIGURES, mapReview } from './review';
import { readSection4RunTogether } from './run-together';
import type { SectionRange } from './sections';
import { deriveTotal, provenanceAt, type MapInput, type SectionMapping } from './section';

export function mapSection4(input: MapInput, range: SectionRange | undefined): SectionMapping<Review> {
	const { doc, norm } = input;
	const out: SectionMapping<Review> = { values: {}, provenance: {}, warnings: [] };
	if (!range) return out;
	const rows = collectRows(doc, norm, range.start, range.end, REVIEW_FIGURES, { keepLeadingBlanks: true });
	const all = rows.flatMap((r) => r.figs);
	if (rows.length > 0 && rows.every((r) => r.oneALine)) return readFlat(input, all);
	const res = mapReview(rows);
	for (const g of REVIEW_GROUPS) {
		const figs = res.groups[g];
		if (!figs) continue;
		out.values[g] = figs.map((f) => f.value) as Row5;
		figs.forEach((f, c) => (out.provenance[reviewPath(g, c)] = provenanceAt(doc, f.line)));
		if (figs.length === 5 && figs[4].value === null) {
			const parts = figs.slice(0, 4).map((f) => f.value);
			const d = deriveTotal(
				parts,
				parts.map((_, c) => reviewPath(g, c)),
				reviewPath(g, 4),
				provenanceAt(doc, figs[4].line),
				REVIEW_GROUP_LABELS[g]
			);
			if (d) {
				out.values[g]![4] = d.value;
				out.provenance[reviewPath(g, 4)] = d.provenance;
				out.warnings.push(d.warning);
			}
		}
	}
	if (res.count === REVIEW_FIGURES) return out;
	const rt = readSection4RunTogether(doc, norm, range.start, range.end);
	if (rt && Object.values(rt.review).some((g) => g && g.some((v) => v !== null)))
		return { values: rt.review, provenance: rt.provenance, warnings: rt.warnings };
	if (res.count > 0)
		out.warnings.push({
			code: 'review_count',
			message: `第四部分应有 ${REVIEW_FIGURES} 个数字，读到 ${res.count} 个`,
			where: 'review'
		});
	return out;
}

/**
 * One value a line: fifteen figures in order; too few (repeated lines dropped) or too many (a number broken
 * over lines) are read again only where the three groups' sums leave one reading, else none is placed.
 */
function readFlat(input: MapInput, figs: Fig[]): SectionMapping<Review> {
	const out: SectionMapping<Review> = { values: {}, provenance: {}, warnings: [] };
	let placed: Fig[] | null = figs.length === REVIEW_FIGURES ? figs : null;
	const printed = figs.map((f) => f.raw).join(' ');
	if (!placed && figs.length > 0) {
		const r = soleReading(figs, REVIEW_FIGURES, fifteenSums);
		if (r.values) {
			placed = r.figs;
			out.warnings.push({
				code: r.kind,
				message:
					r.kind === 'collapsed_run'
						? `第四部分只印出 ${figs.length} 个数字（${printed}），相同数字连续的行似被删去；按各组总计唯一可能的读法展开，请核对原文`
						: `第四部分有 ${figs.length} 个数字（${printed}），似有数字被断成两行；按各组总计唯一可能的读法合并，请核对原文`,
				where: 'review'
			});
		} else
			out.warnings.push({
				code: 'review_count',
				message: `第四部分应有 ${REVIEW_FIGURES} 个数字，读到 ${figs.length} 个（${printed}），${r.readings ? `按各组总计有 ${r.readings} 种读法` : '按各组总计无法还原'}，全部记为空`,
				where: 'review'
			});
	}
	if (!placed) return out;
	REVIEW_GROUPS.forEach((g, k) => {
		const five = placed!.slice(k * 5, k * 5 + 5);
		out.values[g] = five.map((f) => f.value) as Row5;
		five.forEach((f, c) => (out.provenance[reviewPath(g, c)] = provenanceAt(input.doc, f.line)));
	});
	return out;
}
