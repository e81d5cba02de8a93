// A document's lines → the report model (without checks): sections, the three tables, fees, title and date.
import type { Doc } from '../extract/doc';
import type { Applications, Cell, Proactive, Provenance, Report, Review, Row7, Row5, Warning } from '../model';
import { labelKey, normalizeLines, stripPunctuation } from '../normalize';
import { findSections, type SectionRange } from './sections';
import { collectRows, type Fig, type ValueRow } from './rows';
import { alignBest, rowName } from './applications';
import { mapProactive, proactiveLayout, trimFigs } from './proactive';
import { mapReview } from './review';
import { readSection2RunTogether, readSection3RunTogether, readSection4RunTogether } from './run-together';
import { fullerOrgan, readFee, readPublishedOn, readTitle } from './meta';
import { APPLICANT_COLUMNS, REVIEW_GROUPS, type SectionId, type TemplateId, type TemplateVersion } from '../template';
import { FEE_PATH, applicationPath, applicationRowPath, proactiveItemPath, proactivePath, reviewPath } from '../cell-path';

export type Mapped = Omit<Report, 'source' | 'findings'> & { looksLikeReport: boolean };

export interface MapOptions {
	/** Splits cells run together ("801000081") where the table's sums allow exactly one split. */
	split?: (digits: string, want: number) => number[][];
}

export function mapDocument(doc: Doc, opts: MapOptions = {}): Mapped {
	const norm = normalizeLines(doc.lines.map((l) => l.text));
	const keys = norm.map(stripPunctuation);
	const warnings: Warning[] = [];
	const provenance: Record<string, Provenance> = {};
	const trace = (path: string, f: Fig | { line: number }) => {
		const p: Provenance = { line: f.line + 1 };
		const page = doc.lines[f.line]?.page;
		if (page !== undefined) p.page = page;
		provenance[path] = p;
	};

	const ranges = findSections(norm, keys);
	const byId = new Map<SectionId, SectionRange>(ranges.map((r) => [r.id, r]));
	const sections: Report['sections'] = {};
	for (const r of ranges) sections[r.id] = doc.lines.slice(r.start, r.end).map((l) => l.text).join('\n');

	// Title, organ, year.
	const t = readTitle(norm, doc.title);
	const organ = fullerOrgan(t.organ, norm);
	const pub = readPublishedOn(norm, t.year);

	// Section 2.
	const s2 = byId.get('2');
	const s2Key = s2 ? keys.slice(s2.start, s2.end).join('') : '';
	let pLayout = proactiveLayout(s2Key);
	const proactive: Proactive = {};
	if (s2) {
		const rows = collectRows(doc, norm, s2.start, s2.end, 3);
		const layout = pLayout ?? ((t.year ?? 2021) >= 2021 ? '2021' : '2019');
		const res = mapProactive(rows, layout);
		for (const [item, fields] of Object.entries(res.items)) {
			proactive[item] = fields;
			for (const [f, fig] of Object.entries(res.figs[item])) {
				trace(proactivePath(item, f), fig);
				if (fig.note) warnings.push({ code: 'cell_note', message: `第二部分“${item}”单元格带注释“${fig.raw}”，取其前导数字 ${fig.value}`, where: proactivePath(item, f) });
			}
		}
		for (const s of res.short)
			warnings.push({ code: 'short_row', message: `第二部分“${s.key}”应有 ${s.want} 个数字，只读到 ${s.got} 个`, where: proactiveItemPath(s.key) });
		const complete = Object.keys(res.items).length - res.short.length;
		if (complete < 2) {
			const rt = readSection2RunTogether(doc, norm, s2.start, s2.end, layout);
			if (rt.found > complete) {
				for (const k of Object.keys(proactive)) delete proactive[k];
				for (const k of Object.keys(provenance)) if (k.startsWith('proactive.')) delete provenance[k];
				for (let w = warnings.length - 1; w >= 0; w--) if (warnings[w].where?.startsWith('proactive')) warnings.splice(w, 1);
				Object.assign(proactive, rt.proactive);
				Object.assign(provenance, rt.provenance);
				warnings.push(...rt.warnings);
				res.items = rt.proactive;
			}
		}
		if (Object.keys(res.items).length > 0 && !pLayout) {
			pLayout = layout;
			warnings.push({ code: 'layout_guess', message: `第二部分未见表头，按年份采用 ${layout} 年模板`, where: 'proactive' });
		}
	}

	// Section 3.
	const s3 = byId.get('3');
	const applications: Applications = { columns: [...APPLICANT_COLUMNS], rows: {} };
	let otherLayout: TemplateVersion | null = null;
	const s3Rows = s3 ? collectRows(doc, norm, s3.start, s3.end, 7) : [];
	if (s3Rows.length > 0) {
		const prefer = pLayout ?? ((t.year ?? 2021) >= 2021 ? '2021' : '2019');
		const al = alignBest(s3Rows, prefer);
		otherLayout = al.assigned.some((a) => a.key === 'other') ? '2019' : al.assigned.some((a) => a.key?.startsWith('other.')) ? '2021' : null;
		al.assigned.forEach((a, i) => {
			const row = s3Rows[i];
			if (!a.key) {
				warnings.push({ code: 'extra_row', message: `第三部分第 ${row.line + 1} 行不属于模板中的任何一行，已忽略：“${labelText(row)}”`, where: `line ${row.line + 1}` });
				return;
			}
			const path = applicationRowPath(a.key);
			if (!a.byLabel)
				warnings.push({ code: 'label_by_order', message: `第 ${row.line + 1} 行标签“${labelText(row)}”无法识别，按模板行序归入“${rowName(a.key)}”`, where: path });
			const figs = rowFigures(row, 7, path, warnings, opts);
			applications.rows[a.key] = figs.map((f) => f?.value ?? null) as Row7;
			figs.forEach((f, c) => {
				if (!f) return;
				const where = applicationPath(a.key!, c);
				trace(where, f);
				if (f.note) warnings.push({ code: 'cell_note', message: `单元格带注释“${f.raw}”，取其前导数字 ${f.value}`, where });
			});
		});
	}

	// Cells run together with no separator: read the rows by their labels and let the sums split the digits.
	if (s3) {
		// Rows read with exactly seven figures (blanks included); run-together rows come out short.
		const misfit = new Set(warnings.filter((w) => w.code === 'short_row' || w.code === 'long_row').map((w) => w.where));
		const full = Object.keys(applications.rows).filter((k) => !misfit.has(applicationRowPath(k))).length;
		if (full < 8) {
			const rt = readSection3RunTogether(doc, norm, s3.start, s3.end);
			if (rt && rt.found > full) {
				applications.rows = rt.rows;
				otherLayout = rt.layout;
				for (const k of Object.keys(provenance)) if (k.startsWith('applications.')) delete provenance[k];
				for (let w = warnings.length - 1; w >= 0; w--) if (warnings[w].where?.startsWith('applications') || warnings[w].code === 'extra_row') warnings.splice(w, 1);
				Object.assign(provenance, rt.provenance);
				warnings.push(...rt.warnings);
			}
		}
	}

	// Section 4.
	const s4 = byId.get('4');
	const review: Review = {};
	if (s4) {
		const rows = collectRows(doc, norm, s4.start, s4.end, 15);
		const res = mapReview(rows);
		for (const g of REVIEW_GROUPS) {
			const figs = res.groups[g];
			if (!figs) continue;
			review[g] = figs.map((f) => f.value) as Row5;
			figs.forEach((f, c) => trace(reviewPath(g, c), f));
		}
		if (res.count !== 15) {
			const rt = readSection4RunTogether(doc, norm, s4.start, s4.end);
			if (rt && Object.values(rt.review).some((g) => g && g.some((v) => v !== null))) {
				for (const g of REVIEW_GROUPS) delete review[g];
				for (const k of Object.keys(provenance)) if (k.startsWith('review.')) delete provenance[k];
				Object.assign(review, rt.review);
				Object.assign(provenance, rt.provenance);
				warnings.push(...rt.warnings);
				res.count = 15;
			}
		}
		if (res.count > 0 && res.count !== 15)
			warnings.push({ code: 'review_count', message: `第四部分应有 15 个数字，读到 ${res.count} 个`, where: 'review' });
	}

	// Section 6: 信息处理费; fall back to the whole text when section 6 is missing.
	const s6 = byId.get('6');
	let fee = s6 ? readFee(norm, s6.start, s6.end) : { yuan: null, line: -1 };
	if (fee.yuan === null && !s6) fee = readFee(norm, 0, norm.length);
	if (fee.line >= 0) trace(FEE_PATH, { line: fee.line });

	const hasTables = Object.keys(applications.rows).length > 0 || Object.keys(proactive).length > 0;
	const template: TemplateId = hasTables ? (pLayout ?? otherLayout ?? ((t.year ?? 2021) >= 2021 ? '2021' : '2019')) : 'free';
	const whole = keys.slice(0, 200).join('');
	const looksLikeReport =
		(ranges.length >= 2 || hasTables) && (/政府信息公开|政务公开|信息公开/.test(whole) || /政府信息公开/.test(t.title));

	return {
		organ,
		year: t.year,
		template,
		title: t.title,
		published_on: pub.date,
		sections,
		proactive,
		applications,
		review,
		fees: { info_processing_fee_yuan: fee.yuan },
		warnings,
		provenance,
		source_lines: doc.lines.map((l) => l.text),
		other_layout: otherLayout,
		looksLikeReport
	};
}

function labelText(row: ValueRow): string {
	const s = (row.label.length ? row.label : row.near).join(' ');
	return s.length > 40 ? s.slice(0, 40) + '…' : s;
}

/** A row's figures, exactly `want` of them: padding trimmed, run-together cells split when the sums allow. */
function rowFigures(row: ValueRow, want: number, path: string, warnings: Warning[], opts: MapOptions): (Fig | null)[] {
	let figs = trimFigs(row.figs, want, row.grid);
	if (figs.length === want) return figs;
	if (figs.length > want) {
		warnings.push({ code: 'long_row', message: `“${labelText(row)}”有 ${figs.length} 个数字，只取前 ${want} 个`, where: path });
		return figs.slice(0, want);
	}
	// Fewer figures: a PDF row with blank cells → place figures by column x when known.
	const out: (Fig | null)[] = [...figs];
	while (out.length < want) out.push(null);
	warnings.push({ code: 'short_row', message: `“${labelText(row)}”应有 ${want} 个数字，只读到 ${figs.length} 个，缺少的记为空`, where: path });
	void opts;
	return out;
}

export type { Cell };
