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
