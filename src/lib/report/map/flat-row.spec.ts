import { describe, expect, it } from 'vitest';
import { expandCollapsed, fifteenSums, joinBroken, sevenSums } from './flat-row';

describe('one-value-per-line rows read by their sums', () => {
	it('expands 46 0 46 to the one reading the row total allows', () => {
		expect(expandCollapsed([46, 0, 46], 7, sevenSums)).toEqual([[46, 0, 0, 0, 0, 0, 46]]);
		expect(expandCollapsed([0], 7, sevenSums)).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
	});
	it('finds every reading when the total leaves more than one (the caller then places none)', () => {
		expect(expandCollapsed([14, 0, 1, 0, 15], 7, sevenSums).length).toBe(3);
	});
	it('no reading for a sequence a dedup cannot leave (equal neighbours) or that breaks the sum', () => {
		expect(expandCollapsed([5, 5], 7, sevenSums)).toEqual([]);
		expect(expandCollapsed([3, 2, 5], 7, sevenSums)).toEqual([]);
	});
	it('joins a number broken over lines where the sum decides', () => {
		expect(joinBroken(['1', '62', '0', '0', '0', '0', '0', '162'], 7, sevenSums)).toEqual([[162, 0, 0, 0, 0, 0, 162]]);
		expect(joinBroken(['1', '1', '1', '1', '1', '1', '1', '7'], 7, sevenSums)).toEqual([]);
	});
	it('section 4 as fifteen with three group sums', () => {
		expect(expandCollapsed([0], 15, fifteenSums)).toEqual([new Array(15).fill(0)]);
		expect(expandCollapsed([1, 0, 1, 0], 15, fifteenSums)).toEqual([[1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]);
	});
});
