import { describe, expect, it } from 'vitest';
import { isRectificationUnread, isUnread, itemState, rectificationState } from './state';

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

const r = (o: Partial<Parameters<typeof rectificationState>[0]> = {}) => ({
	status: 'open' as const,
	askedMessageId: 1,
	answeredMessageId: null,
	organSeenMessageId: null,
	inspectorSeenMessageId: null,
	...o
});

describe('rectification request in the inbox', () => {
	it('is open while the organ has to act (new or rejected), answered while the inspector has, closed when accepted', () => {
		expect(rectificationState(r())).toBe('open');
		expect(rectificationState(r({ status: 'rejected' }))).toBe('open');
		expect(rectificationState(r({ status: 'answered' }))).toBe('answered');
		expect(rectificationState(r({ status: 'accepted' }))).toBe('closed');
	});
	it('is new to the organ until it saw the latest request or rejection, to the inspectors until they saw the answer', () => {
		expect(isRectificationUnread('organ', r())).toBe(true);
		expect(isRectificationUnread('organ', r({ organSeenMessageId: 1 }))).toBe(false);
		// Rejected after the organ saw the request.
		expect(isRectificationUnread('organ', r({ status: 'rejected', askedMessageId: 3, organSeenMessageId: 1 }))).toBe(
			true
		);
		expect(isRectificationUnread('inspector', r())).toBe(false);
		const answered = r({ status: 'answered', answeredMessageId: 2, organSeenMessageId: 2 });
		expect(isRectificationUnread('organ', answered)).toBe(false);
		expect(isRectificationUnread('inspector', answered)).toBe(true);
		expect(isRectificationUnread('inspector', { ...answered, inspectorSeenMessageId: 2 })).toBe(false);
		expect(isRectificationUnread('inspector', r({ status: 'accepted', answeredMessageId: 2 }))).toBe(false);
	});
});
