// Section 4: three groups of five figures (复议, 直接起诉, 复议后起诉), printed as one row of 15, three rows of 5,
// or one figure per line: read in the template's order.
import { REVIEW_GROUPS, type ReviewGroup } from '../template';
import type { Fig, ValueRow } from './rows';
import { trimFigs } from './proactive';

export interface ReviewResult {
	groups: Partial<Record<ReviewGroup, Fig[]>>;
	count: number;
}

export function mapReview(rows: ValueRow[]): ReviewResult {
	const all: Fig[] = [];
	for (const r of rows) all.push(...trimFigs(r.figs, 5, r.grid));
	const figs = trimFigs(all, 15);
	const groups: ReviewResult['groups'] = {};
	if (figs.length >= 15) {
		REVIEW_GROUPS.forEach((g, k) => (groups[g] = figs.slice(k * 5, k * 5 + 5)));
	} else if (figs.length === 10 || figs.length === 5) {
		// Fewer groups printed: fill from the start, the rest are absent (C1 reports them).
		for (let k = 0; k * 5 < figs.length; k++) groups[REVIEW_GROUPS[k]] = figs.slice(k * 5, k * 5 + 5);
	}
	return { groups, count: figs.length };
}
