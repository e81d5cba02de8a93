// R-X7: an organ the per-year roster expects to report for a year that has no report once the deadline has passed
// (the roster's years say when: a bureau abolished in 2023 owes no 2024 report, one created in 2022 none for 2021).
// Without a roster (the pure rule on its own), an organ is expected when it reported the year before. The subject is
// the organ × year; there is no report to point at.
import type { Deadlines } from '../report/checks/cross';
import type { OrganKind } from '../report/organ';
import type { CrossFinding } from './types';
import { statutoryDeadline } from './deadlines';

export interface OrganInfo {
	organ: string;
	name: string;
	kind: OrganKind;
	parent?: string | null;
}

export interface MissingInput {
	organs: OrganInfo[];
	/** `${organ}/${year}` of every report held. */
	held: ReadonlySet<string>;
	year: number;
	/** YYYY-MM-DD: nothing is missing before the deadline. */
	today: string;
	/**
	 * The organs on the roster in `year`. When given, exactly these are expected to report, whether or not they
	 * reported last year, and no other organ is (an organ off the roster that year owes nothing). Absent (no roster
	 * kept): an organ is expected when it reported last year.
	 */
	roster?: ReadonlySet<string>;
	deadlines?: Partial<Deadlines>;
}

export const heldKey = (organ: string, year: number) => `${organ}/${year}`;

export function checkMissingReports(input: MissingInput): CrossFinding[] {
	const out: CrossFinding[] = [];
	for (const o of input.organs) {
		if (input.held.has(heldKey(o.organ, input.year))) continue;
		const deadline = statutoryDeadline(input.year, o.kind, input.deadlines);
		if (input.today <= deadline) continue;
		const hadLast = input.held.has(heldKey(o.organ, input.year - 1));
		const required = input.roster?.has(o.organ) ?? false;
		if (input.roster ? !required : !hadLast) continue;
		const why = [hadLast ? `${input.year - 1}年有年报` : '', required ? `名册要求${input.year}年度报送年报` : '']
			.filter(Boolean)
			.join('，且');
		out.push({
			rule: 'X7',
			severity: 'warning',
			organ: o.organ,
			year: input.year,
			message: `“${o.name}”${why}，但截至${input.today}（期限${deadline}已过）未见${input.year}年度报告。`,
			cells: [],
			values: { previous: hadLast ? 1 : 0, required: required ? 1 : 0 }
		});
	}
	return out;
}
