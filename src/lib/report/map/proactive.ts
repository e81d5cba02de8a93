// Section 2: value rows → proactive items of the layout the section's column headers name.
import { proactiveItems, type ProactiveItemDef, type TemplateVersion } from '../template';
import { labelKey, stripListNumber } from '../normalize';
import type { Fig, ValueRow } from './rows';

const MARKS_2021 = ['本年制发件数', '本年废止件数', '现行有效件数'];
const MARKS_2019 = [
	'本年新制作数量',
	'本年新公开数量',
	'对外公开总数量',
	'上一年项目数量',
	'政府集中采购',
	'采购项目数量'
];

/** Section 2's layout from its column headers; null when the text has neither. */
export function proactiveLayout(sectionKey: string): TemplateVersion | null {
	const a = MARKS_2021.filter((m) => sectionKey.includes(m)).length;
	const b = MARKS_2019.filter((m) => sectionKey.includes(m)).length;
	if (a === 0 && b === 0) return null;
	return a >= b ? '2021' : '2019';
}

function itemFor(row: ValueRow, items: readonly ProactiveItemDef[]): ProactiveItemDef | null {
	const parts = row.label.map((p) => labelKey(stripListNumber(p))).filter(Boolean);
	const own = parts.length ? parts[parts.length - 1] : labelKey((row.near ?? []).join(''));
	if (!own) return null;
	// Exact names first (规范性文件 is inside 行政规范性文件), then containment.
	for (const it of items) if ([it.label, ...it.variants].some((n) => labelKey(n) === own)) return it;
	let best: ProactiveItemDef | null = null;
	let bestLen = 0;
	for (const it of items)
		for (const n of [it.label, ...it.variants]) {
			const k = labelKey(n);
			if (own.includes(k) && k.length > bestLen) {
				best = it;
				bestLen = k.length;
			}
		}
	return best;
}

export interface ProactiveResult {
	items: Record<string, Record<string, number | null>>;
	figs: Record<string, Record<string, Fig>>;
	unmatched: ValueRow[];
	short: { key: string; got: number; want: number }[];
}

export function mapProactive(rows: ValueRow[], layout: TemplateVersion): ProactiveResult {
	const items = proactiveItems(layout);
	const out: ProactiveResult = { items: {}, figs: {}, unmatched: [], short: [] };
	for (const row of rows) {
		const it = itemFor(row, items);
		if (!it || out.items[it.key]) {
			out.unmatched.push(row);
			continue;
		}
		let figs = trimFigs(row.figs, it.fields.length, row.grid);
		// Too few figures, or too many one a line (a number broken over lines): section 2 has no sums to tell
		// which cell each belongs to, so none is placed by position.
		if (figs.length < it.fields.length || (figs.length > it.fields.length && row.oneALine)) {
			out.short.push({ key: it.key, got: figs.length, want: it.fields.length });
			figs = [];
		}
		out.items[it.key] = {};
		out.figs[it.key] = {};
		it.fields.forEach((f, k) => {
			out.items[it.key][f] = figs[k]?.value ?? null;
			if (figs[k]) out.figs[it.key][f] = figs[k];
		});
	}
	return out;
}

const blankFig = (x: Fig) => x.value === null && x.raw.trim() === '';

/** Blank cells after the last expected figure are table padding, not data. */
export function trimFigs(figs: Fig[], want: number, grid = false): Fig[] {
	const f = figs.slice();
	// A full grid leaves the positions a merged label covers blank, right after the label.
	if (grid) while (f.length > want && blankFig(f[0])) f.shift();
	while (f.length > want && f[f.length - 1].value === null && f[f.length - 1].raw.trim() === '') f.pop();
	return f;
}
