import { describe, expect, it } from 'vitest';
import { checkMissingReports, heldKey } from './missing-report';

const organs = [
	{ organ: '1', name: '甲局', kind: 'department' as const },
	{ organ: '2', name: '乙镇人民政府', kind: 'town' as const },
	{ organ: '3', name: '丙局', kind: 'department' as const }
];
const held = new Set([heldKey('1', 2022), heldKey('2', 2022), heldKey('3', 2023)]);

describe('X7 missing report', () => {
	it('an organ with last year’s report and none this year, once its deadline has passed', () => {
		const found = checkMissingReports({ organs, held, year: 2023, today: '2024-02-15' });
		expect(found.map((f) => f.organ)).toEqual(['1']);
		expect(found[0].message).toContain('甲局');
		// The town's deadline (03-31) has not passed yet.
		expect(checkMissingReports({ organs, held, year: 2023, today: '2024-04-01' }).map((f) => f.organ)).toEqual([
			'1',
			'2'
		]);
	});

	it('nothing before the deadline', () => {
		expect(checkMissingReports({ organs, held, year: 2023, today: '2024-01-31' })).toEqual([]);
	});

	it('with a roster: exactly the organs on it that year, with or without last year’s report', () => {
		// 3 reported 2023 and is on the 2024 roster; 1 is on it without a 2023 report; 2 is off it (retired, outside).
		const found = checkMissingReports({ organs, held, year: 2024, today: '2025-05-01', roster: new Set(['1', '3']) });
		expect(found.map((f) => f.organ)).toEqual(['1', '3']);
		expect(found[0].message).toContain('名册要求2024年度');
		expect(found[0].message).not.toContain('2023年有年报');
		expect(found[1].message).toContain('2023年有年报');
		// An organ that reported last year but is off this year's roster owes nothing.
		expect(checkMissingReports({ organs, held, year: 2023, today: '2024-05-01', roster: new Set(['3']) })).toEqual([]);
		expect(
			checkMissingReports({ organs, held, year: 2023, today: '2024-05-01', roster: new Set(['1', '2', '3']) }).map(
				(f) => f.organ
			)
		).toEqual(['1', '2']);
	});
});
