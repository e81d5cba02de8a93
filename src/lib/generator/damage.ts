// Damage as oversight offices meet it: an arithmetic slip (A1–A4), a carry-over that does not match last year's
// (Y1), a missing section (C1), a late publication date (T1). Each injection changes as little as it can, so the
// report breaks the named rule; the findings it then must produce are computed from the result (truth-checks.ts),
// not assumed.
import type { Report, Row5, Row7 } from '../report/model';
import {
	APPLICANT_COLUMNS,
	REVIEW_COLUMNS,
	REVIEW_GROUPS,
	applicationRowKeys,
	type ApplicationRowKey
} from '../report/template';
import type { OrganKind } from '../report/organ';
import { applicationPath, reviewPath } from '../report/cell-path';
import type { Rng } from './prng';
import { shiftToWeekday } from './dates';

export const DAMAGE_KINDS = ['A1', 'A2', 'A3', 'A4', 'Y1', 'C1', 'T1'] as const;
export type DamageKind = (typeof DAMAGE_KINDS)[number];

export interface Damage {
	kind: DamageKind;
	/** Cells (model paths) the injection changed. */
	cells: string[];
	/** What was done, for people reading truth.json. */
	note: string;
}

function slip(rng: Rng, base: number): number {
	return rng.int(1, Math.max(1, Math.round(base * 0.1)));
}

/** A column weighted toward where the applications are (a slip lands on a busy cell more often). */
function pickColumn(row: Row7, rng: Rng): number {
	return rng.chance(0.7) && (row[0] ?? 0) > 0 ? 0 : rng.int(0, 5);
}

function bump(row: Row7, c: number, d: number) {
	row[c] = (row[c] ?? 0) + d;
}

/** One applicant column of a row and its total both over-filled by the same slip: the row's own sum still holds. */
function slipWithTotal(report: Report, key: ApplicationRowKey, label: string, kind: DamageKind, rng: Rng): Damage {
	const r = report.applications.rows[key]!;
	const c = pickColumn(r, rng);
	const d = slip(rng, r[c] ?? 0);
	bump(r, c, d);
	bump(r, 6, d);
	return {
		kind,
		cells: [applicationPath(key, c), applicationPath(key, 6)],
		note: `${label} ${APPLICANT_COLUMNS[c]} 与总计各多填 ${d}`
	};
}

/**
 * Injects one damage of the given kind into the report (mutating it). `hasPrevious` says whether last year's
 * report exists in the set (Y1 needs one). Returns null when the kind cannot apply.
 */
export function injectDamage(
	report: Report,
	kind: DamageKind,
	kindOfOrgan: OrganKind,
	hasPrevious: boolean,
	rng: Rng
): Damage | null {
	const rows = report.applications.rows;
	switch (kind) {
		case 'A1':
			return slipWithTotal(report, 'new', '本年新收', kind, rng);
		case 'A2':
			// On a report with no applications this would also be A8 (results without applications): not a pure slip.
			if ((rows.new![6] ?? 0) + (rows.carried_over![6] ?? 0) === 0) return null;
			return slipWithTotal(report, 'granted', '予以公开', kind, rng);
		case 'A3': {
			if ((rows.new![6] ?? 0) + (rows.carried_over![6] ?? 0) === 0) return null;
			// Not the carry rows: a slip there would also break Y1 or A9, and this injection means one rule family.
			const keys = applicationRowKeys(report.other_layout ?? '2021').filter(
				(k) => rows[k] && k !== 'carried_over' && k !== 'carried_forward'
			);
			const key = rng.chance(0.5) ? 'granted' : rng.pick(keys);
			const r = rows[key as ApplicationRowKey]!;
			const total = r[6] ?? 0;
			const d = slip(rng, total) * (total > 1 && key !== 'new' && rng.chance(0.4) ? -1 : 1);
			const dd = total + d < 0 ? 1 : d;
			bump(r, 6, dd);
			return { kind, cells: [applicationPath(key, 6)], note: `${key} 行总计${dd > 0 ? '多' : '少'}填 ${Math.abs(dd)}` };
		}
		case 'A4': {
			const g = rng.pick(REVIEW_GROUPS);
			const r = report.review[g] as Row5 | undefined;
			if (!r) return null;
			const i = rng.chance(0.5) ? 4 : rng.int(0, 3);
			r[i] = (r[i] ?? 0) + rng.int(1, 3);
			return { kind, cells: [reviewPath(g, i)], note: `${g} ${REVIEW_COLUMNS[i]} 多填` };
		}
		case 'Y1': {
			if (!hasPrevious) return null;
			// Carried-over changed, and the outcomes with it, so the report still balances on its own (A1–A3 hold).
			const c = pickColumn(rows.carried_over!, rng);
			const d = rng.int(1, 3);
			for (const key of ['carried_over', 'granted', 'results_total'] as const) {
				bump(rows[key]!, c, d);
				bump(rows[key]!, 6, d);
			}
			return {
				kind,
				cells: [applicationPath('carried_over', c), applicationPath('carried_over', 6)],
				note: `上年结转 ${APPLICANT_COLUMNS[c]} 比上年结转下年度多 ${d}`
			};
		}
		case 'C1': {
			delete report.sections['4'];
			report.review = {};
			return { kind, cells: ['sections.4'], note: '缺少第四部分（行政复议、行政诉讼情况）' };
		}
		case 'T1': {
			const y = (report.year ?? 0) + 1;
			// Late under any reading of the deadline for towns/streets: after 31 March; a department's after 31 January.
			const date =
				kindOfOrgan === 'department'
					? dayOfYear(y, rng.int(32, 120))
					: dayOfYear(y, rng.int(91 + (isLeap(y) ? 1 : 0), 150));
			report.published_on = shiftToWeekday(date, 'forward');
			return { kind, cells: ['published_on'], note: `发布日期推迟至 ${report.published_on}` };
		}
	}
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** 1-based day of the year → ISO date. */
export function dayOfYear(year: number, day: number): string {
	const d = new Date(Date.UTC(year, 0, day));
	return d.toISOString().slice(0, 10);
}
