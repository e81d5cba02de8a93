import { describe, expect, it } from 'vitest';
import { channelActivity } from './channels';
import { daysBetween } from './quarter';

const Q1 = { year: 2025, q: 1 as const };

/** The definition, day by day: days since the last posting on or before each day of the quarter. */
function bruteSilence(dates: string[], lastBefore: string | null): number | null {
	const all = [...(lastBefore ? [lastBefore] : []), ...dates].sort();
	let best: number | null = null;
	for (let t = Date.UTC(2025, 0, 1); t <= Date.UTC(2025, 2, 31); t += 86_400_000) {
		const d = new Date(t).toISOString().slice(0, 10);
		const prev = all.filter((a) => a <= d).pop();
		if (!prev) continue;
		const s = daysBetween(prev, d);
		if (best === null || s > best) best = s;
	}
	return best;
}

describe('channel activity in a quarter', () => {
	it('weeks with postings and the longest silence agree with the day-by-day definition', () => {
		const cases: [string[], string | null][] = [
			[['2025-01-02', '2025-01-09', '2025-02-20', '2025-03-30'], null],
			[['2025-02-01'], '2024-12-01'],
			[[], '2024-11-15'],
			[['2025-01-01', '2025-03-31'], '2024-12-31'],
			[['2025-03-01'], null]
		];
		for (const [dates, before] of cases) {
			const a = channelActivity(Q1, '工作动态', dates, before);
			expect(a.silence?.days ?? null).toBe(bruteSilence(dates, before));
			expect(a.posts).toBe(dates.length);
		}
		const a = channelActivity(Q1, '工作动态', ['2025-01-02', '2025-01-09', '2025-01-10', '2025-03-30'], null);
		expect(a.weeks).toEqual([0, 1, 12]);
		expect(a.weeksInQuarter).toBe(13);
		expect(a.silence).toEqual({ days: daysBetween('2025-01-10', '2025-03-29'), from: '2025-01-10', to: '2025-03-30' });
	});
	it('a channel with no posting at all by the quarter has no silence to judge', () => {
		expect(channelActivity(Q1, '通知公告', [], null).silence).toBeNull();
	});
});
