import type { ReviewData } from './data';
import { atIndex, bars, percentAxis, rightLine, yearChart } from './shapes';
import { COLORS, fmt, pct, type Panel } from './theme';

const rate = (c: number, n: number) => (n > 0 ? c / n : null);

function reviewTotals(d: ReviewData) {
	const sum = (k: 'reconsideration' | 'litigation', f: 'total' | 'corrected' | 'concluded') =>
		d.years.reduce((s, y) => s + y[k][f], 0);
	return {
		reconsideration: {
			total: sum('reconsideration', 'total'),
			corrected: sum('reconsideration', 'corrected'),
			concluded: sum('reconsideration', 'concluded')
		},
		litigation: {
			total: sum('litigation', 'total'),
			corrected: sum('litigation', 'corrected'),
			concluded: sum('litigation', 'concluded')
		}
	};
}

function reviewFinding(d: ReviewData): string {
	const t = reviewTotals(d);
	if (!t.reconsideration.total && !t.litigation.total) return '所选范围内没有政府信息公开行政复议、行政诉讼案件';
	return `复议纠错率${pct(rate(t.reconsideration.corrected, t.reconsideration.concluded))}（${t.reconsideration.corrected}/${t.reconsideration.concluded}），诉讼纠错率${pct(rate(t.litigation.corrected, t.litigation.concluded))}（${t.litigation.corrected}/${t.litigation.concluded}）`;
}

export function reviewPanels(d: ReviewData): Panel[] {
	const r = (k: 'reconsideration' | 'litigation') =>
		d.years.map((y) => {
			const v = rate(y[k].corrected, y[k].concluded);
			return v === null ? null : Math.round(v * 1000) / 10;
		});
	const total = (k: 'reconsideration' | 'litigation') => d.years.map((y) => y[k].total);
	return [
		{
			key: 'review',
			height: 380,
			option: yearChart({
				finding: reviewFinding(d),
				subtext: '纠错率＝结果纠正÷已审结（总计−尚未审结）；诉讼含直接起诉与复议后起诉',
				margins: [56, 64, 90],
				years: d.years.map((y) => y.year),
				tooltip: atIndex((i) => {
					const y = d.years[i];
					return [
						`<b>${y.year}年</b>`,
						`行政复议：${fmt(y.reconsideration.total)}件，纠正${y.reconsideration.corrected}件，已审结${y.reconsideration.concluded}件，纠错率${pct(rate(y.reconsideration.corrected, y.reconsideration.concluded))}`,
						`行政诉讼：${fmt(y.litigation.total)}件，纠正${y.litigation.corrected}件，已审结${y.litigation.concluded}件，纠错率${pct(rate(y.litigation.corrected, y.litigation.concluded))}`
					].join('<br/>');
				}),
				yAxis: [
					{ type: 'value', name: '案件数（件）', minInterval: 1 },
					percentAxis('纠错率（%）', { splitLine: { show: false } })
				],
				series: [
					bars('行政复议（件）', { barMaxWidth: 32 }, total('reconsideration')),
					bars('行政诉讼（件）', { barMaxWidth: 32 }, total('litigation')),
					rightLine('复议纠错率（%）', { color: COLORS.bad }, r('reconsideration')),
					rightLine('诉讼纠错率（%）', { color: COLORS.warn, lineStyle: { type: 'dashed' } }, r('litigation'))
				]
			})
		}
	];
}
