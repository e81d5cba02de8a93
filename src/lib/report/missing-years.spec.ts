import { describe, expect, it } from 'vitest';
import { missingYears } from './missing-years';

describe('missingYears', () => {
	it('missingYears: from the first year on file to the district latest', () => {
		expect(missingYears([2020, 2023], 2024)).toEqual([2021, 2022, 2024]);
		expect(missingYears([], 2024)).toEqual([]);
		expect(missingYears([2024], 2024)).toEqual([]);
	});
});
