// Section 2 (主动公开): the proactive items by their rows, or by their labels in a run of text when the rows
// give too little; the layout from the column headers, else from the year (a warning).
import type { Proactive } from '../model';
import { proactiveItemPath, proactivePath } from '../cell-path';
import { proactiveItems, type TemplateVersion } from '../template';
import { collectRows } from './rows';
import { mostlyOneValuePerLine } from './flat-row';
import { mapProactive, proactiveLayout } from './proactive';
import { readSection2RunTogether } from './run-together';
import type { SectionRange } from './sections';
import { layoutForYear, provenanceAt, type MapInput, type SectionMapping } from './section';

/** A figure with the unit 元 but not 万元 after it. */
const IN_YUAN = /\d\s*元/;

/** Figures a section 2 row holds at most (规章: 制发, 废止, 现行有效). */
const ROW_FIGURES = 3;
/** Fewer items read whole from their rows than this: the table may be run together, try that reading. */
export const MIN_COMPLETE_ITEMS = 2;

export interface Section2Mapping extends SectionMapping<Proactive> {
	/** The layout the column headers name, or the year's when items were read without them; null: neither. */
	layout: TemplateVersion | null;
}

/** `sectionKey`: the section's lines without punctuation, joined (where the column headers are looked for). */
export function mapSection2(
	input: MapInput,
	range: SectionRange | undefined,
	sectionKey: string,
	year: number | null
): Section2Mapping {
	const headerLayout = proactiveLayout(sectionKey);
	if (!range) return { values: {}, provenance: {}, warnings: [], layout: headerLayout };
	const { doc, norm } = input;
	const layout = headerLayout ?? layoutForYear(year);
	const rows = collectRows(doc, norm, range.start, range.end, ROW_FIGURES);
	const res = mapProactive(rows, layout);

	let out: SectionMapping<Proactive> = { values: {}, provenance: {}, warnings: [] };
	for (const [item, fields] of Object.entries(res.items)) {
		out.values[item] = fields;
		for (const [f, fig] of Object.entries(res.figs[item])) {
			out.provenance[proactivePath(item, f)] = provenanceAt(doc, fig.line);
			// An amount the model keeps in 万元, printed in 元 ("251000元"): the printed unit decides.
			if (f.endsWith('_10k_yuan') && fig.value !== null && IN_YUAN.test(fig.raw.normalize('NFKC'))) {
				fields[f] = fig.value / 10000;
				out.warnings.push({
					code: 'unit_yuan',
					message: `第二部分“${item}”金额印作“${fig.raw.trim()}”（单位元），按万元记为 ${fields[f]}`,
					where: proactivePath(item, f)
				});
			}
			if (fig.note)
				out.warnings.push({
					code: 'cell_note',
					message: `第二部分“${item}”单元格带注释“${fig.raw}”，取其前导数字 ${fig.value}`,
					where: proactivePath(item, f)
				});
		}
	}
	for (const s of res.short)
		out.warnings.push({
			code: s.got < s.want ? 'short_row' : 'long_row',
			message: `第二部分“${s.key}”应有 ${s.want} 个数字，读到 ${s.got} 个，无法确定各数字所在的列，全行记为空`,
			where: proactiveItemPath(s.key)
		});

	const complete = Object.keys(res.items).length - res.short.length;
	if (complete < MIN_COMPLETE_ITEMS && !mostlyOneValuePerLine(rows)) {
		const rt = readSection2RunTogether(doc, norm, range.start, range.end, layout);
		if (rt.found > complete) out = { values: rt.proactive, provenance: rt.provenance, warnings: rt.warnings };
	}
	// The heading was not found and the section was found by a table's header: items above that header may have
	// been left outside it, so an item not read is said to be unknown, not silently absent.
	if (range.fuzzy === 'table')
		for (const it of proactiveItems(layout))
			if (!out.values[it.key])
				out.warnings.push({
					code: 'item_unread',
					message: `未找到第二部分的标题，按表头找到的表格中没有“${it.label}”，该项未读出，请核对原文`,
					where: proactiveItemPath(it.key)
				});
	if (Object.keys(out.values).length > 0 && !headerLayout) {
		out.warnings.push({
			code: 'layout_guess',
			message: `第二部分未见表头，按年份采用 ${layout} 年模板`,
			where: 'proactive'
		});
		return { ...out, layout };
	}
	return { ...out, layout: headerLayout };
}
