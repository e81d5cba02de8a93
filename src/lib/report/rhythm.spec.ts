import { describe, expect, it } from 'vitest';
import { publicationRhythm } from './rhythm';

describe('publicationRhythm', () => {
	it('publicationRhythm: per month, per year, with the longest silence', () => {
		const r = publicationRhythm(['2023-01-05', '2023-01-20', '2023-03-01', '2024-12-31', 'bad', '2023-02-10']);
		expect(r.total).toBe(5);
		expect(r.years.map((y) => y.year)).toEqual([2023, 2024]);
		expect(r.years[0].months.slice(0, 3)).toEqual([2, 1, 1]);
		expect(r.years[1].months[11]).toBe(1);
		expect(r.longestGapFrom).toBe('2023-03-01');
		expect(r.longestGapDays).toBe(671);
		expect(publicationRhythm([]).longestGapDays).toBeNull();
	});
	it('counts every year between the first and the last, an empty one too', () => {
		const r = publicationRhythm(['2020-06-01', '2022-06-01']);
		expect(r.years.map((y) => [y.year, y.total])).toEqual([
			[2020, 1],
			[2021, 0],
			[2022, 1]
		]);
		expect(r.first).toBe('2020-06-01');
		expect(r.last).toBe('2022-06-01');
		expect(r.longestGapDays).toBe(730);
	});
});
