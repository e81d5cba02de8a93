// Tables scraped into one run of text with no cell separators (平潭: "一、本年新收政府信息公开申请数量801000081二、…").
// Rows are found by their printed labels in template order; the digits between one label and the next are the
// row's cells, split by ./split only where the table's sums leave exactly one reading.
import type { Doc } from '../extract/doc';
import type { Provenance, Row5, Row7, Warning } from '../model';
import { normalizeText } from '../normalize';
import {
	freeSplitWarning,
	section3SplitWarnings,
	section4SplitWarnings,
	splitFree,
	splitSection3,
	splitSection4,
	type RunToken
} from './split';
import {
	APPLICATION_ROWS,
	REVIEW_COLUMNS,
	REVIEW_GROUPS,
	applicationRowKeys,
	proactiveItems,
	APPLICANT_COLUMNS,
	type ApplicationRowKey,
	type TemplateVersion
} from '../template';
import { applicationPath, proactiveItemPath, proactivePath, reviewPath } from '../cell-path';
import { provenanceAt } from './section';

interface Span {
	text: string;
	/** Line index (0-based) of each character of `text`. */
	lineOf: Int32Array;
}

/** Lines [from, to) joined with newlines, remembering each character's line. */
function span(norm: string[], from: number, to: number): Span {
	const parts: string[] = [];
	const owners: number[] = [];
	for (let i = from; i < to; i++) {
		parts.push(norm[i] + '\n');
		for (let k = 0; k <= norm[i].length; k++) owners.push(i);
	}
	return { text: parts.join(''), lineOf: Int32Array.from(owners) };
}

const reCache = new Map<string, RegExp>();
/** A label as a pattern: NFKC/simplified, any whitespace allowed between its characters. */
function labelPattern(label: string): RegExp {
	let re = reCache.get(label);
	if (!re) {
		const chars = [...normalizeText(label).replace(/\s+/g, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
		re = new RegExp(chars.join('\\s*'), 'g');
		reCache.set(label, re);
	}
	return re;
}

function findFrom(text: string, label: string, from: number): { start: number; end: number } | null {
	const re = labelPattern(label);
	re.lastIndex = from;
	const m = re.exec(text);
	return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** The run of digits (and blanks) between two labels, as solver tokens; a list number before the next label dropped. */
function tokensBetween(text: string, nextNumber: string | null): RunToken[] {
	let t = text;
	if (nextNumber) {
		const n = normalizeText(nextNumber).replace(/\s+/g, '');
		const esc = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		t = t.replace(new RegExp(esc + '\\s*$'), '');
	}
	// Group headings between rows ((三)不予公开, 三、本年度办理结果) hold no digits; keep only digit runs.
	const runs = t.match(/\d+/g) ?? [];
	// Cells the text did separate (pipes, tabs) are one cell each: 95 between pipes is 95, never 9 and 5, and
	// separated cells are the row reader's, not this one's (figures gathered across a row's wrapped label and
	// the next row's list number would be taken for the row). Only a figure no cell can hold (0000000) is cells
	// run together.
	if (/[|\t]/.test(t))
		return runs.some((d) => /^0\d/.test(d)) ? runs.map((d) => (/^0\d/.test(d) ? d : { digits: d, cells: 1 })) : [];
	return runs as RunToken[];
}

export interface RunTogetherSection3 {
	rows: Partial<Record<ApplicationRowKey, Row7>>;
	layout: TemplateVersion;
	provenance: Record<string, Provenance>;
	warnings: Warning[];
	found: number;
}

function labelsOf(key: ApplicationRowKey): string[] {
	const def = APPLICATION_ROWS.find((r) => r.key === key)!;
	// Short labels (其他, 总计) only with their list number; the rest by label or variant.
	if (def.label.length <= 4 && !['予以公开', '重复申请'].includes(def.label)) return [def.number + def.label];
	return [def.label, ...def.variants.filter((v) => v.length >= 4)];
}

export function readSection3RunTogether(
	doc: Doc,
	norm: string[],
	from: number,
	to: number
): RunTogetherSection3 | null {
	const sp = span(norm, from, to);
	let best: { layout: TemplateVersion; anchors: { key: ApplicationRowKey; start: number; end: number }[] } | null =
		null;
	for (const layout of ['2021', '2019'] as const) {
		const anchors: { key: ApplicationRowKey; start: number; end: number }[] = [];
		let pos = 0;
		for (const key of applicationRowKeys(layout)) {
			let hit: { start: number; end: number } | null = null;
			for (const l of labelsOf(key)) {
				const h = findFrom(sp.text, l, pos);
				if (h && (!hit || h.start < hit.start)) hit = h;
			}
			if (hit) {
				anchors.push({ key, ...hit });
				pos = hit.end;
			}
		}
		if (!best || anchors.length > best.anchors.length) best = { layout, anchors };
	}
	if (!best || best.anchors.length < 4) return null;
	const input: Partial<Record<ApplicationRowKey, RunToken[]>> = {};
	const firstDigit: Partial<Record<ApplicationRowKey, number>> = {};
	best.anchors.forEach((a, k) => {
		const next = best!.anchors[k + 1];
		const nextDef = next ? APPLICATION_ROWS.find((r) => r.key === next.key)! : null;
		const between = sp.text.slice(a.end, next ? next.start : sp.text.length);
		input[a.key] = tokensBetween(between, nextDef ? nextDef.number : null);
		const d = /\d/.exec(between);
		firstDigit[a.key] = d ? a.end + d.index : a.start;
	});
	const res = splitSection3({ rows: input, otherLayout: best.layout });
	const out: RunTogetherSection3 = {
		rows: {},
		layout: best.layout,
		provenance: {},
		warnings: section3SplitWarnings({ rows: input, otherLayout: best.layout }, res),
		found: best.anchors.length
	};
	for (const a of best.anchors) {
		const values = res.rows[a.key];
		out.rows[a.key] = (values ?? [null, null, null, null, null, null, null]) as Row7;
		if (!values) continue;
		const line = sp.lineOf[firstDigit[a.key]!] ?? from;
		APPLICANT_COLUMNS.forEach((c, i) => {
			if (values[i] !== null) out.provenance[applicationPath(a.key, c)] = provenanceAt(doc, line);
		});
	}
	return out;
}

export function readSection4RunTogether(doc: Doc, norm: string[], from: number, to: number) {
	const sp = span(norm, from, to);
	const m = /\d/.exec(sp.text);
	const flat = (sp.text.match(/\d+/g) ?? []) as RunToken[];
	if (flat.length === 0) return null;
	const res = splitSection4({ flat });
	const review: Partial<Record<(typeof REVIEW_GROUPS)[number], Row5>> = {};
	const provenance: Record<string, Provenance> = {};
	const line = m ? sp.lineOf[m.index] : from;
	for (const g of REVIEW_GROUPS) {
		const v = res.groups[g];
		review[g] = (v ?? [null, null, null, null, null]) as Row5;
		if (v) REVIEW_COLUMNS.forEach((c) => (provenance[reviewPath(g, c)] = provenanceAt(doc, line)));
	}
	return { review, provenance, warnings: section4SplitWarnings({ flat }, res) };
}

/** Section 2 items by label; no sum rule, so a run is split only when the text allows one reading. */
export function readSection2RunTogether(doc: Doc, norm: string[], from: number, to: number, layout: TemplateVersion) {
	const sp = span(norm, from, to);
	const items = proactiveItems(layout);
	const proactive: Record<string, Record<string, number | null>> = {};
	const provenance: Record<string, Provenance> = {};
	const warnings: Warning[] = [];
	const anchors: { key: string; start: number; end: number }[] = [];
	let pos = 0;
	for (const it of items) {
		const labels = [it.label, ...it.variants].sort((a, b) => b.length - a.length);
		let hit: { start: number; end: number } | null = null;
		for (const l of labels) {
			const h = findFrom(sp.text, l, pos);
			if (h && (!hit || h.start < hit.start)) hit = h;
		}
		if (hit) {
			anchors.push({ key: it.key, ...hit });
			pos = hit.end;
		}
	}
	anchors.forEach((a, k) => {
		const it = items.find((x) => x.key === a.key)!;
		let between = sp.text.slice(a.end, k + 1 < anchors.length ? anchors[k + 1].start : sp.text.length);
		// Stop at the next article heading or column header.
		between = between.split(/第二十条|信息内容/)[0];
		const tokens = (between.match(/-?\d+(?:\.\d+)?/g) ?? []) as string[];
		proactive[it.key] = Object.fromEntries(it.fields.map((f) => [f, null]));
		if (tokens.length === 0) return;
		const where = proactiveItemPath(it.key);
		if (tokens.length === it.fields.length) {
			it.fields.forEach((f, i) => (proactive[it.key][f] = Number(tokens[i])));
		} else if (tokens.every((t) => /^\d+$/.test(t))) {
			const s = splitFree(tokens, it.fields.length);
			if (s.values) it.fields.forEach((f, i) => (proactive[it.key][f] = s.values![i]));
			const w = freeSplitWarning(where, `表二“${it.label}”`, tokens, it.fields.length, s);
			if (w) warnings.push(w);
		} else {
			warnings.push({
				code: 'run_together_unsolved',
				message: `表二“${it.label}”的数字连写为“${tokens.join(' ')}”，含负号或小数，无法唯一拆分，未取值`,
				where
			});
		}
		const d = /\d/.exec(between);
		const line = d ? sp.lineOf[a.end + d.index] : sp.lineOf[a.start];
		for (const f of it.fields)
			if (proactive[it.key][f] !== null) provenance[proactivePath(it.key, f)] = provenanceAt(doc, line);
	});
	return { proactive, provenance, warnings, found: anchors.length };
}
