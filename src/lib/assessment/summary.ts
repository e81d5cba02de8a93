// Quarter-level figures derived from the organ scores: grade counts and the indicators losing most points.
import type { Rubric } from './rubric';
import type { OrganScore } from './score';

export function gradeCounts(rubric: Rubric, scores: OrganScore[]): { grade: string; organs: number }[] {
	const grades = [...new Set([...rubric.bands.map((b) => b.grade), rubric.vetoGrade])];
	return grades.map((grade) => ({ grade, organs: scores.filter((s) => s.grade === grade).length }));
}

export function indicatorLosses(
	rubric: Rubric,
	scores: OrganScore[]
): { id: string; indicator: string; points: number; organs: number }[] {
	const points = new Map<string, number>();
	const organs = new Map<string, number>();
	for (const s of scores)
		for (const i of s.indicators)
			if (i.lost > 0) {
				points.set(i.id, (points.get(i.id) ?? 0) + i.lost);
				organs.set(i.id, (organs.get(i.id) ?? 0) + 1);
			}
	return rubric.indicators
		.map((ind) => ({
			id: ind.id,
			indicator: `${ind.level1}·${ind.level2}`,
			points: Math.round((points.get(ind.id) ?? 0) * 100) / 100,
			organs: organs.get(ind.id) ?? 0
		}))
		.filter((l) => l.points > 0)
		.sort((a, b) => b.points - a.points || b.organs - a.organs);
}

/** The indicators shown as score columns: those that can score or lose points. */
export function scoredIndicators(rubric: Rubric) {
	return rubric.indicators.filter((i) => i.points > 0 || i.cap > 0);
}
