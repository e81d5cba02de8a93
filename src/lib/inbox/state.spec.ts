import { describe, expect, it } from 'vitest';
import { isUnread, itemState } from './state';

const t = (o: Partial<Parameters<typeof itemState>[0]> = {}) => ({
	createdAt: 1,
	answeredAt: null,
	closedAt: null,
	organSeenAt: null,
	inspectorSeenAt: null,
	...o
});

describe('inbox item state', () => {
	it('moves open → answered → closed', () => {
		expect(itemState(t())).toBe('open');
		expect(itemState(t({ answeredAt: 5 }))).toBe('answered');
		expect(itemState(t({ answeredAt: 5, closedAt: 6 }))).toBe('closed');
		expect(itemState(t({ closedAt: 6 }))).toBe('closed');
	});
	it('is new to the organ until it opens it, and to the inspectors when an answer arrives they have not seen', () => {
		expect(isUnread('organ', t())).toBe(true);
		expect(isUnread('organ', t({ organSeenAt: 2 }))).toBe(false);
		expect(isUnread('inspector', t())).toBe(false);
		expect(isUnread('inspector', t({ answeredAt: 5 }))).toBe(true);
		expect(isUnread('inspector', t({ answeredAt: 5, inspectorSeenAt: 6 }))).toBe(false);
		// A second answer after the inspector looked is news again.
		expect(isUnread('inspector', t({ answeredAt: 7, inspectorSeenAt: 6 }))).toBe(true);
		expect(isUnread('organ', t({ closedAt: 3 }))).toBe(false);
		expect(isUnread('inspector', t({ answeredAt: 5, closedAt: 6 }))).toBe(false);
	});
});
