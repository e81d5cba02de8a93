// Where a deduction's evidence can be seen in the app: the report page at the cells, or the organ's year.
import type { EvidenceLink } from './score';

export function evidenceHref(organId: number, e: EvidenceLink): string | null {
	switch (e.kind) {
		case 'finding':
		case 'report':
			return `/organs/${organId}/${e.reportYear}${e.cells[0] ? `?cell=${encodeURIComponent(e.cells[0])}` : ''}`;
		case 'missing':
			return `/organs/${organId}`;
		default:
			return null;
	}
}

/** One line of evidence in words (sheets, lists). */
export function evidenceText(e: EvidenceLink): string {
	switch (e.kind) {
		case 'finding':
			return `${e.reportYear}年度报告 ${e.rule}：${e.message}${e.cross ? '（跨报告检查，已复核确认）' : ''}`;
		case 'report':
			return `${e.reportYear}年度报告：${e.text}`;
		case 'channel':
			return `发布记录“${e.channel}”：本季度${e.weeksInQuarter}周中${e.weeks.length}周有更新，最长${e.silenceDays}天未更新（${e.silenceFrom}起${e.silenceTo ? `至${e.silenceTo}` : '至季度末'}，限${e.limitDays}天）`;
		case 'note':
			return `督查员记录：${e.text || '（无说明）'}${e.fileName ? `；附件 ${e.fileName}` : ''}`;
		case 'rectification':
			return `${e.quarter}整改要求（期限${e.deadline}，${e.status}）`;
		case 'missing':
			return `未找到${e.reportYear}年度报告`;
	}
}
