// R-X2: section 4's 尚未审结 of last year beside this year's figures. Units count differently, so there is no
// identity to check: this is a view for the inspector, not a finding.
import type { Cell, Report } from '../report/model';
import { REVIEW_GROUPS, REVIEW_GROUP_LABELS, type ReviewGroup } from '../report/template';

export interface PendingRow {
	group: ReviewGroup;
	label: string;
	/** Last year's 尚未审结 (undefined: no report or no row). */
	previousPending: Cell | undefined;
	/** This year's 结果维持, 结果纠正, 其他结果, 尚未审结, 总计. */
	current: (Cell | undefined)[];
}

export function pendingSideBySide(previous: Report | null, current: Report): PendingRow[] {
	return REVIEW_GROUPS.map((g) => ({
		group: g,
		label: REVIEW_GROUP_LABELS[g],
		previousPending: previous?.review?.[g]?.[3],
		current: [0, 1, 2, 3, 4].map((i) => current.review?.[g]?.[i])
	}));
}
