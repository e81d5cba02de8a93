// R-X7: an organ that had a report last year and has none this year once the deadline has passed; and an organ the
// per-year roster requires to report that has none. The subject is the organ × year; there is no report to point at.
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
	/** Organs the roster requires to report for `year` (absent: no roster for that year). */
	required?: ReadonlySet<string>;
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
		const required = input.required?.has(o.organ) ?? false;
		if (!hadLast && !required) continue;
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
