import { describe, expect, it } from 'vitest';
import { groupPairs, lastByKey } from './group';

describe('groupPairs', () => {
	it('keeps every value under its key in list order', () => {
		const m = groupPairs([
			['a', 1],
			['b', 2],
			['a', 3]
		]);
		expect([...m.entries()]).toEqual([
			['a', [1, 3]],
			['b', [2]]
		]);
	});
});
describe('lastByKey', () => {
	it('keeps the last value of a key', () => {
		expect(
			lastByKey([
				[1, 'x'],
				[2, 'y'],
				[1, 'z']
			]).get(1)
		).toBe('z');
	});
});
