import { APPLICATION_ROW_SHORT } from '../report/template';
import { REFUSAL_REASONS, type RefusalReason, type RefusalsData } from './data';
import { yearChart } from './shapes';
import { axisTooltip, fmt, type Panel } from './theme';

export function reasonLabel(k: RefusalReason): string {
	return `${k.startsWith('refused.') ? '不予公开' : '无法提供'}·${APPLICATION_ROW_SHORT[k]}`;
}

/** The reason that grew most between the range's first and last year (absolute cases). */
function fastestGrowing(d: RefusalsData): { reason: RefusalReason; from: number; to: number } | null {
	const n = d.years.length - 1;
	let best: { reason: RefusalReason; from: number; to: number } | null = null;
	for (const k of REFUSAL_REASONS) {
		const from = d.counts[k][0];
		const to = d.counts[k][n];
		if (to - from > 0 && (!best || to - from > best.to - best.from)) best = { reason: k, from, to };
	}
	return best;
}

function refusalsFinding(d: RefusalsData): string {
	const total = REFUSAL_REASONS.reduce((s, k) => s + d.counts[k].reduce((a, b) => a + b, 0), 0);
	if (!total) return '所选范围内没有不予公开或无法提供的申请';
	const g = d.years.length > 1 ? fastestGrowing(d) : null;
	if (!g) return `不予公开和无法提供共${fmt(total)}件，各项理由没有增长`;
	return `增长最多的理由：${reasonLabel(g.reason)}（${d.years[0]}年${fmt(g.from)}件→${d.years[d.years.length - 1]}年${fmt(g.to)}件）`;
}

export function refusalsPanels(d: RefusalsData): Panel[] {
	// Only reasons that occur get a line: eleven flat zero lines would bury the ones that move.
	const used = REFUSAL_REASONS.filter((k) => d.counts[k].some((v) => v > 0));
	return [
		{
			key: 'refusals',
			height: 460,
			option: yearChart({
				finding: refusalsFinding(d),
				subtext: '8项不予公开理由与3项无法提供理由，各年件数（总计列）',
				margins: [56, 24, 150],
				years: d.years,
				yearAxisExtra: { boundaryGap: false },
				tooltip: axisTooltip('件'),
				legend: { bottom: 4, left: 'center', type: 'plain', textStyle: { fontSize: 11 }, itemWidth: 14, itemGap: 8 },
				yAxis: { type: 'value', name: '件数（件）', minInterval: 1 },
				series: used.map((k) => ({
					name: reasonLabel(k),
					type: 'line',
					symbolSize: 5,
					lineStyle: { type: k.startsWith('unable.') ? 'dashed' : 'solid' },
					data: d.counts[k]
				}))
			})
		}
	];
}
