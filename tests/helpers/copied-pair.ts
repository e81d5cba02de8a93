// Two organs' 2023 reports from a generated district of 40, one's section text copied from the other's (X6 on both
// sides): the cross-report case the findings, inbox and clerk tests follow.
import { generateTruth } from '../../src/lib/generator/district';
import type { Report } from '../../src/lib/report/model';

/** `district`, when given, replaces the generated district's name (云溪区) everywhere: organ names of a file's own. */
export function copiedPair(seed: string, district?: string): { mine: Report; theirs: Report } {
	const t = generateTruth({
		organs: 40,
		years: [2023],
		seed,
		errorRate: 0,
		cross: { copies: 1, parentMismatch: false, missing: 0, stockBreaks: 0, silentEdits: 0 }
	});
	const copy = t.cross!.truth.find((c) => c.rule === 'X6')!;
	const pick = (id: string) => {
		const r = t.reports.find((x) => x.organ_id === id)!.report;
		return district ? (JSON.parse(JSON.stringify(r).replaceAll('云溪区', district)) as Report) : r;
	};
	return { mine: pick(copy.organ_id), theirs: pick(copy.other_organ_id!) };
}
