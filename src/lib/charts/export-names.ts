// What a chart's download is called and how its columns are formatted: shared by the CSV, the workbook and the
// HTML table, so a rate is a rate everywhere. Pure.
import type { ChartId } from './data';

/** The chart's data as a file name reads it: 2025年办理结果.xlsx. */
export const CHART_FILE_NAMES: Record<ChartId, string> = {
	volume: '新收申请',
	outcomes: '办理结果',
	refusals: '不予公开理由',
	review: '复议诉讼纠错',
	updates: '主动公开更新',
	fees: '收费情况',
	quality: '年报报送质量',
	rankings: '单位排名'
};

export type ColumnKind = 'ratio' | 'year' | 'id' | 'money' | 'count' | 'text';

/** A column's kind from its heading (the tables' headings follow these endings). */
export function columnKind(heading: string): ColumnKind {
	if (heading.endsWith('占比') || heading.endsWith('率') || heading === '同比增减') return 'ratio';
	if (heading.endsWith('年度')) return 'year';
	if (heading.endsWith('编号')) return 'id';
	if (heading.includes('元') || heading.includes('每周')) return 'money';
	return 'count';
}

/** "2025年办理结果.xlsx", with the organ kind or organ when filtered. */
export function exportFileName(
	id: ChartId,
	period: { fromYear: number; toYear: number },
	scope: string | null,
	ext: string
): string {
	const years = period.fromYear === period.toYear ? `${period.toYear}年` : `${period.fromYear}-${period.toYear}年`;
	return `${years}${scope ? `${scope}` : ''}${CHART_FILE_NAMES[id]}.${ext}`;
}

/** Content-Disposition for a download with a Chinese name (RFC 6266 / 5987): an ASCII fallback and the UTF-8 name. */
export function attachment(name: string): string {
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
