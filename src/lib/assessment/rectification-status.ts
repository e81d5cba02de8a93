// Rectification statuses and their Chinese labels (pure: pages and the server share them).
export type RectificationStatus = 'open' | 'answered' | 'accepted' | 'rejected';

export const STATUS_LABELS: Record<RectificationStatus, string> = {
	open: '待整改',
	answered: '已答复待审核',
	accepted: '已通过',
	rejected: '已退回'
};
