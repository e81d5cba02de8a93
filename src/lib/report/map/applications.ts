// Section 3: value rows → the template's row keys, by label AND by the template's fixed row order.
// An alignment (dynamic programming) of the printed rows against each layout of row （六） picks the layout and
// lands a row whose label is garbled by its position between recognised rows; each such fallback is a warning.
import { APPLICATION_ROWS, applicationRowKeys, type ApplicationRowKey, type TemplateVersion } from '../template';
import { labelKey, stripListNumber } from '../normalize';
import type { ValueRow } from './rows';
import { memo } from '../memo';

interface RowName {
	key: ApplicationRowKey;
	names: string[];
}

const NAMES: RowName[] = APPLICATION_ROWS.map((r) => ({
	key: r.key,
	names: [r.label, ...r.variants].map((n) => labelKey(n)).filter((n) => n.length > 0)
}));
const NAME_BY_KEY = new Map(NAMES.map((n) => [n.key, n]));

/** Names of two characters or fewer-than-four (其他, 总计, 予以公开…) must be the whole label, not a part of one. */
function matches(part: string, name: string): boolean {
	if (name.length <= 2) return part === name;
	return part.includes(name);
}

function partKeys(parts: string[]): string[] {
	return parts.map((p) => labelKey(stripListNumber(p))).filter((k) => k.length > 0);
}

// Printed labels are the template's, so the same label fragments recur in every report: scores are kept by the
// row's label, wrapped label and context (bounded like labelKey's cache). The maps are shared: read-only.
const scoreCache = new Map<string, Map<ApplicationRowKey, number>>();

/** Score of each row key for one printed row: 3 own label, 2 wrapped/group label, 1 heading context. */
export function labelScores(row: ValueRow): Map<ApplicationRowKey, number> {
	const id = `${row.label.join('\u001f')}\u001e${row.near.join('\u001f')}\u001e${row.context.join('\u001f')}`;
	return memo(scoreCache, id, 20000, computeLabelScores, row);
}

function computeLabelScores(row: ValueRow): Map<ApplicationRowKey, number> {
	const out = new Map<ApplicationRowKey, number>();
	const own = partKeys(row.label);
	const last = own.length ? own[own.length - 1] : '';
	const joined = labelKey(row.near.length ? row.near.join('') : row.label.join(''));
	const ctx = partKeys(row.context);
	for (const { key, names } of NAMES) {
		let s = 0;
		for (const n of names) {
			if (last && matches(last, n)) s = Math.max(s, 3);
			else if (own.some((p) => matches(p, n)) || (n.length > 2 && joined.includes(n))) s = Math.max(s, 2);
			else if (ctx.some((p) => matches(p, n))) s = Math.max(s, 1);
		}
		if (s > 0) out.set(key, s);
	}
	// A row whose own label names a sub-row is not also the group's single row (（六）其他处理 | 1.申请人…).
	if ((out.get('other') ?? 0) < 3 && [...out.entries()].some(([k, v]) => k.startsWith('other.') && v >= 2))
		out.delete('other');
	// Label lines gathered above one row of figures that name two rows (二、上年结 / 转…申请数量 / （一） / 予以公开
	// above a single row, labels detached from their figures): which row the figures are is not the label's to say.
	if (row.label.length > 1 && last) {
		const named = [...out.entries()].filter(
			([k, v]) =>
				v >= 2 && NAME_BY_KEY.get(k)!.names.some((n) => n.length > 2 && joined.includes(n) && !last.includes(n))
		);
		const top = [...out.entries()].find(([, v]) => v === 3);
		if (top && named.some(([k]) => k !== top[0])) for (const k of out.keys()) out.set(k, 1);
	}
	return out;
}

export interface Alignment {
	layout: TemplateVersion;
	score: number;
	/** For each printed row, the key it maps to (or null: an extra row), and whether the label confirmed it. */
	assigned: { key: ApplicationRowKey | null; byLabel: boolean }[];
}

const MATCH_BASE = 1;
const SKIP_TEMPLATE = -1;
const SKIP_ROW = -1.5;
const CONFLICT = -4;

const KEYS = { '2019': applicationRowKeys('2019'), '2021': applicationRowKeys('2021') };
/** Each layout's row keys by their index (a row's scores name one to three keys: looked up, not scanned). */
const KEY_INDEX = {
	'2019': new Map(KEYS['2019'].map((k, j) => [k, j])),
	'2021': new Map(KEYS['2021'].map((k, j) => [k, j]))
};

export function align(rows: ValueRow[], layout: TemplateVersion, scores = rows.map(labelScores)): Alignment {
	const keys = KEYS[layout];
	const n = rows.length;
	const m = keys.length;
	const w = m + 1;
	// local[i*m + j]: score of printed row i as template row j (a conflict when the row's label names another row).
	const local = new Float64Array(n * m);
	const label = new Float64Array(n * m);
	const index = KEY_INDEX[layout];
	for (let i = 0; i < n; i++) {
		let max = 0;
		for (const [k, s] of scores[i]) {
			const j = index.get(k);
			if (j === undefined) continue;
			label[i * m + j] = s;
			if (s > max) max = s;
		}
		for (let j = 0; j < m; j++) {
			const s = label[i * m + j];
			local[i * m + j] = max >= 2 && s < max ? CONFLICT : MATCH_BASE + s;
		}
	}
	// dp[i*w + j]: best score aligning the first i rows with the first j template rows.
	const dp = new Float64Array((n + 1) * w).fill(-Infinity);
	const how = new Uint8Array((n + 1) * w);
	dp[0] = 0;
	for (let i = 0; i <= n; i++) {
		for (let j = 0; j <= m; j++) {
			if (i === 0 && j === 0) continue;
			let best = -Infinity;
			let h = 0;
			if (i > 0 && j > 0) {
				const v = dp[(i - 1) * w + j - 1] + local[(i - 1) * m + j - 1];
				if (v > best) {
					best = v;
					h = 1;
				}
			}
			if (j > 0 && dp[i * w + j - 1] + SKIP_TEMPLATE > best) {
				best = dp[i * w + j - 1] + SKIP_TEMPLATE;
				h = 2;
			}
			if (i > 0 && dp[(i - 1) * w + j] + SKIP_ROW > best) {
				best = dp[(i - 1) * w + j] + SKIP_ROW;
				h = 3;
			}
			dp[i * w + j] = best;
			how[i * w + j] = h;
		}
	}
	const assigned: Alignment['assigned'] = rows.map(() => ({ key: null, byLabel: false }));
	let i = n;
	let j = m;
	while (i > 0 || j > 0) {
		const h = how[i * w + j];
		if (h === 1) {
			assigned[i - 1] = { key: keys[j - 1], byLabel: label[(i - 1) * m + j - 1] >= 2 };
			i--;
			j--;
		} else if (h === 2) j--;
		else i--;
	}
	return { layout, score: dp[n * w + m], assigned };
}

/** Both layouts of row （六）; ties go to `prefer` (from section 2 or the year). */
export function alignBest(rows: ValueRow[], prefer: TemplateVersion): Alignment {
	const scores = rows.map(labelScores);
	const a = align(rows, '2021', scores);
	const b = align(rows, '2019', scores);
	if (a.score === b.score) return prefer === '2019' ? b : a;
	return a.score > b.score ? a : b;
}

export function rowName(key: ApplicationRowKey): string {
	const def = APPLICATION_ROWS.find((r) => r.key === key)!;
	return ('group' in def && def.group ? def.group.number + def.group.label + ' ' : '') + def.number + def.label;
}

export { NAME_BY_KEY };
