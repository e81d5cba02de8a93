// Chinese labels of review statuses and dismissal reasons, for pages (no server code: safe to import anywhere).
export const STATUS_LABELS = { open: '待复核', confirmed: '已确认', dismissed: '已排除' } as const;
export const REASON_LABELS = { as_printed: '原报告如此', false_positive: '误报' } as const;
