// A document's lines → the report model (without checks): sections, title and date, then each section's mapper
// (2, 3, 4 and the fee), whose values, provenance and warnings are merged here once.
import type { Doc } from '../extract/doc';
import type { Report } from '../model';
import { normalizeLines, stripPunctuation } from '../normalize';
import { SECTIONS, type SectionId, type TemplateId } from '../template';
import { findSections, type SectionRange } from './sections';
import { fullerOrgan, readPublishedOn, readTitle } from './meta';
import { layoutForYear, type MapInput } from './section';
import { mapSection2 } from './section2';
import { mapSection3 } from './section3';
import { mapSection4 } from './section4';
import { mapFees } from './fees';

export type Mapped = Omit<Report, 'source' | 'findings'> & { looksLikeReport: boolean };

function sectionTitle(id: SectionId): string {
	const s = SECTIONS.find((x) => x.id === id)!;
	return `${s.ordinal}、${s.title}`;
}

/**
 * The parts' provenance in one object, later parts winning, keys in Object.assign's order. Copied by keyed
 * stores: Object.assign builds the few hundred keys through hidden-class transitions, several times slower.
 */
function mergeProvenance(parts: Report['provenance'][]): Report['provenance'] {
	const out: Report['provenance'] = {};
	for (const p of parts) for (const k of Object.keys(p)) out[k] = p[k];
	return out;
}

/** Lines read at the top of a document for the words that make it a disclosure report. */
const HEAD_LINES = 200;

export function mapDocument(doc: Doc): Mapped {
	const norm = normalizeLines(doc.lines.map((l) => l.text));
	const keys = norm.map(stripPunctuation);
	const input: MapInput = { doc, norm };

	const ranges = findSections(norm, keys);
	const byId = new Map<SectionId, SectionRange>(ranges.map((r) => [r.id, r]));
	const sections: Report['sections'] = {};
	for (const r of ranges)
		sections[r.id] = doc.lines
			.slice(r.start, r.end)
			.map((l) => l.text)
			.join('\n');

	const t = readTitle(norm, doc.title);
	const organ = fullerOrgan(t.organ, norm);
	const pub = readPublishedOn(norm, t.year);

	const r2 = byId.get('2');
	const s2 = mapSection2(input, r2, r2 ? keys.slice(r2.start, r2.end).join('') : '', t.year);
	const s3 = mapSection3(input, byId.get('3'), s2.layout ?? layoutForYear(t.year));
	const s4 = mapSection4(input, byId.get('4'));
	const fees = mapFees(input, byId.get('6'), [byId.get('1'), byId.get('5')]);
	const parts = [s2, s3, s4, fees];
	const headingWarnings = ranges
		.filter((r) => r.fuzzy)
		.map((r) => ({
			code: r.fuzzy === 'table' ? 'heading_missing' : 'heading_fuzzy',
			message:
				r.fuzzy === 'table'
					? `未找到“${sectionTitle(r.id)}”的标题，按第 ${r.start + 1} 行的表头“${doc.lines[r.start].text.trim().slice(0, 40)}”找到该部分的表格，请核对原文`
					: `第 ${r.start + 1} 行“${doc.lines[r.start].text.trim().slice(0, 40)}”与模板标题“${sectionTitle(r.id)}”不完全一致，按序号和相近的标题认作该部分，请核对原文`,
			where: `sections.${r.id}`
		}));

	const hasTables = Object.keys(s3.values.rows).length > 0 || Object.keys(s2.values).length > 0;
	const template: TemplateId = hasTables ? (s2.layout ?? s3.otherLayout ?? layoutForYear(t.year)) : 'free';
	const whole = keys.slice(0, HEAD_LINES).join('');
	const looksLikeReport =
		(ranges.length >= 2 || hasTables) && (/政府信息公开|政务公开|信息公开/.test(whole) || /政府信息公开/.test(t.title));

	return {
		organ,
		year: t.year,
		template,
		title: t.title,
		published_on: pub.date,
		sections,
		proactive: s2.values,
		applications: s3.values,
		review: s4.values,
		fees: fees.values,
		warnings: [...headingWarnings, ...parts.flatMap((p) => p.warnings)],
		provenance: mergeProvenance(parts.map((p) => p.provenance)),
		source_lines: doc.lines.map((l) => l.text),
		other_layout: s3.otherLayout,
		looksLikeReport
	};
}
