// The statutory deadline of a report year (T1's dates), shared by the rules that ask "is it late yet?".
import { DEFAULT_DEADLINES, type Deadlines } from '../report/checks/cross';
import type { OrganKind } from '../report/organ';

/** YYYY-MM-DD by which an organ of this kind must publish its report of `year`. */
export function statutoryDeadline(year: number, kind: OrganKind, deadlines: Partial<Deadlines> = {}): string {
	const d = { ...DEFAULT_DEADLINES, ...deadlines };
	return `${year + 1}-${kind === 'department' ? d.department : d.government}`;
}
