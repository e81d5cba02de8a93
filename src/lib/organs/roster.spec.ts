import { describe, expect, it } from 'vitest';
import { describeYearSpan, formatYearSpan, isMember, parseYearSpan, retireFrom } from './roster';

describe('roster membership', () => {
	it('counts a district organ only within its years', () => {
		const o = { status: 'district', from: 2020, to: 2023 };
		expect([2019, 2020, 2023, 2024].map((y) => isMember(o, y))).toEqual([false, true, true, false]);
		expect(isMember({ status: 'district', from: null, to: null }, 1999)).toBe(true);
		expect(isMember({ status: 'pending', from: null, to: null }, 2022)).toBe(false);
		expect(isMember({ status: 'outside', from: null, to: null }, 2022)).toBe(false);
	});

	it('reads and writes 起止年度', () => {
		expect(parseYearSpan('2019-2023')).toEqual({ from: 2019, to: 2023 });
		expect(parseYearSpan(' 2019年—2023年 ')).toEqual({ from: 2019, to: 2023 });
		expect(parseYearSpan('2021至今')).toEqual({ from: 2021, to: null });
		expect(parseYearSpan('2021-')).toEqual({ from: 2021, to: null });
		expect(parseYearSpan('-2022')).toEqual({ from: null, to: 2022 });
		expect(parseYearSpan('2022')).toEqual({ from: 2022, to: 2022 });
		expect(parseYearSpan('')).toEqual({ from: null, to: null });
		expect(parseYearSpan('2023-2019')).toEqual({ error: expect.stringContaining('晚于') });
		expect(parseYearSpan('去年')).toEqual({ error: expect.stringContaining('不是年度范围') });
		for (const t of ['2019-2023', '2021-', '-2022', '2022', ''])
			expect(formatYearSpan(parseYearSpan(t) as never)).toBe(t);
		expect(describeYearSpan({ from: 2021, to: null })).toBe('2021年起');
	});

	it('retires from a year: the year before is the last', () => {
		expect(retireFrom({ from: 2019, to: null }, 2024)).toEqual({ from: 2019, to: 2023 });
		expect(retireFrom({ from: null, to: 2022 }, 2024)).toEqual({ from: null, to: 2022 });
		expect(retireFrom({ from: 2024, to: null }, 2024)).toEqual({ error: expect.stringContaining('晚于') });
	});
});
