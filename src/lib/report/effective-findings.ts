// The findings stored for a report: those of its effective model alone, plus the checks that read last year's
// effective model (Y1 carry-over, the year-on-year checks, X4 stock continuity), plus T1 (and D2 when the district
// sets local deadlines) when the publication date is known.
import type { Finding, Report as Model } from './model';
import type { OrganKind } from './organ';
import { checkAgainstPrevious, checkCarryOver, checkTimeliness, runChecks } from './checks';
import { checkStockContinuity } from '../cross/stock-continuity';
import { checkLocalDeadline, type LocalDeadline } from '../cross/local-deadline';

/**
 * Findings of an effective model: the single-report checks (from the parse when `fresh`, else run again on the
 * effective model), Y1 and the year-on-year checks against last year's effective model, T1 when the publication
 * date is known, D2 against the district's own deadlines (`filedOn`: see checkLocalDeadline).
 */
export function computeFindings(
	eff: Model,
	previous: Model | null,
	organKind: OrganKind,
	fresh: boolean,
	local: LocalDeadline = {},
	filedOn?: string | null
): Finding[] {
	let own = eff.findings ?? [];
	if (!fresh) {
		try {
			own = runChecks(eff);
		} catch {
			own = eff.findings ?? [];
		}
	}
	const out = [
		...own,
		...checkCarryOver(previous, eff),
		...checkAgainstPrevious(previous, eff),
		...checkStockContinuity(previous, eff)
	];
	if (eff.published_on) out.push(...checkTimeliness(eff, organKind));
	out.push(...checkLocalDeadline(eff, local, filedOn));
	return out;
}
