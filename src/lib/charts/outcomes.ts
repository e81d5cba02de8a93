import { OUTCOME_GROUPS, type OutcomeGroup, type OutcomesData } from './data';
import { bars, percentAxis, yearChart } from './shapes';
import { esc, fmt, pct, type Panel } from './theme';

export const OUTCOME_LABELS: Record<OutcomeGroup, string> = {
	granted: '予以公开',
	partial: '部分公开',
	refused: '不予公开',
	unable: '无法提供',
	not_processed: '不予处理',
	other: '其他处理'
};

const OUTCOME_COLORS: Record<OutcomeGroup, string> = {
	granted: '#2e7d32',
	partial: '#9bbb59',
	refused: '#c0392b',
	unable: '#f3a530',
	not_processed: '#8064a2',
	other: '#a5a5a5'
};

export function outcomeTotals(d: OutcomesData): number[] {
	return d.years.map((_, i) => OUTCOME_GROUPS.reduce((s, g) => s + d.counts[g][i], 0));
}

function outcomesFinding(d: OutcomesData): string {
	const totals = outcomeTotals(d);
	const i = d.years.length - 1;
	if (!totals[i]) return '所选范围最后一年没有办理结果数据';
	const open = (d.counts.granted[i] + d.counts.partial[i]) / totals[i];
	const refused = d.counts.refused[i] / totals[i];
	const unable = d.counts.unable[i] / totals[i];
	return `${d.years[i]}年公开（含部分公开）占${pct(open)}，不予公开占${pct(refused)}，无法提供占${pct(unable)}`;
}

export function outcomesPanels(d: OutcomesData): Panel[] {
	const totals = outcomeTotals(d);
	const share = (g: OutcomeGroup) =>
		d.counts[g].map((v, i) => (totals[i] ? Math.round((v / totals[i]) * 10000) / 100 : 0));
	return [
		{
			key: 'outcomes',
			height: 380,
			option: yearChart({
				finding: outcomesFinding(d),
				subtext: '各年办理结果构成（占办理结果总计的百分比）',
				margins: [56, 24, 90],
				years: d.years,
				tooltip: (params: unknown) => {
					const list = params as { dataIndex: number; marker: string; seriesName: string; axisValueLabel: string }[];
					const i = list[0]?.dataIndex ?? 0;
					const lines = [`<b>${esc(list[0]?.axisValueLabel ?? '')}</b>（办理结果合计${fmt(totals[i])}件）`];
					for (const p of list) {
						const g = OUTCOME_GROUPS.find((k) => OUTCOME_LABELS[k] === p.seriesName)!;
						lines.push(
							`${p.marker}${p.seriesName}：${fmt(d.counts[g][i])}件，${pct(totals[i] ? d.counts[g][i] / totals[i] : null)}`
						);
					}
					return lines.join('<br/>');
				},
				yAxis: percentAxis('占比（%）'),
				series: OUTCOME_GROUPS.map((g) =>
					bars(OUTCOME_LABELS[g], { stack: 'share', barMaxWidth: 48, color: OUTCOME_COLORS[g] }, share(g))
				)
			})
		}
	];
}
