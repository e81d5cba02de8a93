// Section 4: three groups of five figures (复议, 直接起诉, 复议后起诉), printed as one row of 15, three rows of 5,
// or one figure per line: read in the template's order.
import { REVIEW_COLUMNS, REVIEW_GROUPS, type ReviewGroup } from '../template';
import type { Fig, ValueRow } from './rows';
import { trimFigs } from './proactive';

/** The figures of section 4: five for each of the three groups. */
export const REVIEW_FIGURES = REVIEW_GROUPS.length * REVIEW_COLUMNS.length;

export interface ReviewResult {
	groups: Partial<Record<ReviewGroup, Fig[]>>;
	count: number;
}

export function mapReview(rows: ValueRow[]): ReviewResult {
	// One row holding exactly the fifteen figures is the table's row; figures elsewhere (a year in a heading, a page
	// number) are not section 4's.
	const whole = rows.filter((r) => trimFigs(r.figs, REVIEW_FIGURES, r.grid).length === REVIEW_FIGURES);
	if (whole.length === 1) rows = whole;
	const all: Fig[] = [];
	// A row of exactly fifteen cells is the whole table on one line: its trailing blanks are cells, not padding.
	for (const r of rows) all.push(...trimFigs(r.figs, r.figs.length === REVIEW_FIGURES ? REVIEW_FIGURES : 5, r.grid));
	const figs = trimFigs(all, REVIEW_FIGURES);
	const groups: ReviewResult['groups'] = {};
	// More figures than the table has: which fifteen are its cells is not known, so none is placed.
	if (figs.length === REVIEW_FIGURES) {
		REVIEW_GROUPS.forEach((g, k) => (groups[g] = figs.slice(k * 5, k * 5 + 5)));
	} else if ((figs.length === 10 || figs.length === 5) && !rows.some((r) => r.lead)) {
		// Fewer groups printed: fill from the start, the rest are absent (C1 reports them) — not where blank cells
		// were dropped before a row's figures: those figures need not start at the first group.
		for (let k = 0; k * 5 < figs.length; k++) groups[REVIEW_GROUPS[k]] = figs.slice(k * 5, k * 5 + 5);
	}
	return { groups, count: figs.length };
}
