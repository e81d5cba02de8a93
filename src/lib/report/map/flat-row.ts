// One-value-per-line rows that came out with too few or too many values. Never filled by position: a crawler
// that drops every line equal to the one before it collapses a run of equal cells into one (46 0 46 for
// 46,0,0,0,0,0,46), and a number broken across two lines (1 then 62 for 162) adds one. Each is undone only
// where the row's own sum (A3: the six parts add up to the total) leaves exactly one reading; else no reading.
import type { Fig, ValueRow } from './rows';

export type RowCheck = (values: number[]) => boolean;

/** A3 for a row of seven: the six parts sum to the total. */
export const sevenSums: RowCheck = (v) => v.length === 7 && v[0] + v[1] + v[2] + v[3] + v[4] + v[5] === v[6];

/**
 * Every way to expand `values` (no two neighbours equal, as a deduplicated stream leaves them) into `cells`
 * values by repeating each into a run, that passes `ok`. Empty when the values cannot be such a stream.
 */
export function expandCollapsed(values: number[], cells: number, ok: RowCheck): number[][] {
	const k = values.length;
	if (k === 0 || k > cells) return [];
	for (let i = 1; i < k; i++) if (values[i] === values[i - 1]) return [];
	const out: number[][] = [];
	const runs = new Array<number>(k).fill(1);
	const rec = (i: number, left: number) => {
		if (i === k - 1) {
			runs[i] = 1 + left;
			const row = values.flatMap((v, j) => new Array<number>(runs[j]).fill(v));
			if (ok(row)) out.push(row);
			return;
		}
		for (let extra = 0; extra <= left; extra++) {
			runs[i] = 1 + extra;
			rec(i + 1, left - extra);
		}
	};
	rec(0, cells - k);
	return out;
}

/** Every way to join neighbouring raw digit strings (a number broken over lines) into `cells` values passing `ok`. */
export function joinBroken(raws: string[], cells: number, ok: RowCheck): number[][] {
	const extra = raws.length - cells;
	if (extra <= 0 || extra > 3 || !raws.every((r) => /^\d+$/.test(r))) return [];
	const out: number[][] = [];
	const rec = (i: number, joinsLeft: number, acc: number[]) => {
		if (i === raws.length) {
			if (joinsLeft === 0 && ok(acc)) out.push([...acc]);
			return;
		}
		rec(i + 1, joinsLeft, [...acc, Number(raws[i])]);
		// A broken number's second part does not start with 0 unless the first is a lone digit run too.
		if (joinsLeft > 0 && i + 1 < raws.length) rec(i + 2, joinsLeft - 1, [...acc, Number(raws[i] + raws[i + 1])]);
	};
	rec(0, extra, []);
	return out;
}

/** Most rows of a table printed one value a line: digits on separate lines are never run together. */
export function mostlyOneValuePerLine(rows: ValueRow[]): boolean {
	return rows.length > 0 && rows.filter((r) => r.oneALine).length * 2 >= rows.length;
}

/** A4 for section 4 as one sequence of fifteen: in each group of five the four parts sum to the total. */
export const fifteenSums: RowCheck = (v) =>
	v.length === 15 && [0, 5, 10].every((k) => v[k] + v[k + 1] + v[k + 2] + v[k + 3] === v[k + 4]);

/** The one reading of a one-value-per-line sequence that has too few or too many values, or null. */
export function soleReading(
	figs: Fig[],
	cells: number,
	ok: RowCheck
): { values: number[]; figs: Fig[]; kind: 'collapsed_run' | 'number_broken' } | { values: null; readings: number } {
	if (!figs.every((f) => f.value !== null && !f.note)) return { values: null, readings: 0 };
	const short = figs.length < cells;
	const readings = short
		? expandCollapsed(
				figs.map((f) => f.value as number),
				cells,
				ok
			)
		: joinBroken(
				figs.map((f) => f.raw.trim()),
				cells,
				ok
			);
	if (readings.length !== 1) return { values: null, readings: readings.length };
	const values = readings[0];
	return {
		values,
		figs: short ? placeRuns(values, figs) : placeJoined(values, figs),
		kind: short ? 'collapsed_run' : 'number_broken'
	};
}

/** The figures of an expanded reading, each traced to the printed figure its run came from. */
function placeRuns(reading: number[], figs: Fig[]): Fig[] {
	let j = 0;
	return reading.map((v) => {
		if (v !== figs[j].value) j++;
		return { ...figs[j], value: v };
	});
}

/** The figures of a joined reading, each traced to the line of its first part. */
function placeJoined(reading: number[], figs: Fig[]): Fig[] {
	let i = 0;
	return reading.map((v) => {
		const f = figs[i];
		i += Number(f.raw.trim()) === v ? 1 : 2;
		return { ...f, value: v, raw: String(v) };
	});
}
