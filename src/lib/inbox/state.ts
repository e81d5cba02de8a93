// An inbox item's state and who has something new in it: pure, so the header count and the list agree.

export interface ItemTimes {
	createdAt: number;
	answeredAt: number | null;
	closedAt: number | null;
	organSeenAt: number | null;
	inspectorSeenAt: number | null;
}

export type ItemState = 'open' | 'answered' | 'closed';

export const STATE_LABELS: Record<ItemState, string> = {
	open: '待答复',
	answered: '已答复，待督查员确认',
	closed: '已办结'
};

export function itemState(i: ItemTimes): ItemState {
	if (i.closedAt !== null) return 'closed';
	return i.answeredAt !== null ? 'answered' : 'open';
}

/**
 * New for the organ's clerk: an open item it has not opened yet. New for the inspectors: an answer not yet seen.
 * A closed item is news to nobody.
 */
export function isUnread(side: 'organ' | 'inspector', i: ItemTimes): boolean {
	if (i.closedAt !== null) return false;
	if (side === 'organ') return i.answeredAt === null && i.organSeenAt === null;
	return i.answeredAt !== null && (i.inspectorSeenAt === null || i.inspectorSeenAt < i.answeredAt);
}

/** A rectification request as the inbox sees it (its thread lives in the assessment), by message ids. */
export interface RectificationMarks {
	status: 'open' | 'answered' | 'accepted' | 'rejected';
	/** The latest request or rejection: what the organ has to act on. */
	askedMessageId: number | null;
	/** The latest answer. */
	answeredMessageId: number | null;
	organSeenMessageId: number | null;
	inspectorSeenMessageId: number | null;
}

/** Accepted is done; an answer waits for the inspector; a new or rejected request waits for the organ. */
export function rectificationState(r: RectificationMarks): ItemState {
	if (r.status === 'accepted') return 'closed';
	return r.status === 'answered' ? 'answered' : 'open';
}

const after = (latest: number | null, seen: number | null) => latest !== null && (seen === null || seen < latest);

/** New for the organ: a request or rejection it has not seen. New for the inspectors: an answer not seen. */
export function isRectificationUnread(side: 'organ' | 'inspector', r: RectificationMarks): boolean {
	const state = rectificationState(r);
	if (side === 'organ') return state === 'open' && after(r.askedMessageId, r.organSeenMessageId);
	return state === 'answered' && after(r.answeredMessageId, r.inspectorSeenMessageId);
}
