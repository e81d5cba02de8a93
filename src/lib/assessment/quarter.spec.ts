import { describe, expect, it } from 'vitest';
import * as quarter from './quarter';

describe('quarters', () => {
	it('parses 2025Q1 and refuses anything else', () => {
		expect(quarter.parseQuarter('2025Q1')).toEqual({ year: 2025, q: 1 });
		expect(quarter.parseQuarter('2025q4')).toEqual({ year: 2025, q: 4 });
		for (const bad of ['2025Q5', '2025Q0', '25Q1', '2025-Q1', '', null, '1999Q1', '2025Q1x'])
			expect(quarter.parseQuarter(bad)).toBeNull();
	});
	it('names, bounds and steps', () => {
		const q = quarter.parseQuarter('2024Q1')!;
		expect(quarter.quarterLabel(q)).toBe('2024年第一季度');
		expect(quarter.quarterRange(q)).toEqual({ from: '2024-01-01', to: '2024-03-31' });
		expect(quarter.quarterRange({ year: 2025, q: 4 })).toEqual({ from: '2025-10-01', to: '2025-12-31' });
		expect(quarter.quarterKey(quarter.previousQuarter(q))).toBe('2023Q4');
		expect(quarter.quarterKey(quarter.previousQuarter({ year: 2025, q: 3 }))).toBe('2025Q2');
		expect(quarter.quarterOf('2025-06-30')).toEqual({ year: 2025, q: 2 });
		expect(quarter.compareQuarters({ year: 2025, q: 1 }, { year: 2024, q: 4 })).toBeGreaterThan(0);
	});
});
