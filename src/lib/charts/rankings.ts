import type { RankedOrgan, RankingMeasure, RankingsData } from './data';
import { periodLabel } from './rank-period';
import { atIndex, bars, rankedBarChart } from './shapes';
import { COLORS, esc, fmt, pct, type Panel } from './theme';

export const RANKING_LABELS: Record<RankingMeasure, { title: string; axis: string; color: string }> = {
	applications: { title: '新收申请最多的单位', axis: '新收申请（件）', color: COLORS.brand },
	refusal_rate: { title: '不予公开率最高的单位', axis: '不予公开率（%）', color: COLORS.bad },
	correction_rate: { title: '复议诉讼纠错率最高的单位', axis: '纠错率（%）', color: COLORS.warn },
	update_frequency: { title: '主动公开更新最少的单位', axis: '平均每周发布（条）', color: '#8064a2' }
};

const RANKING_SHOWN = 12;

const isRate = (m: RankingMeasure) => m === 'refusal_rate' || m === 'correction_rate';

/** The organs a chart ranks: enough sample only; update frequency from the least active. */
export function ranked(d: RankingsData, m: RankingMeasure): RankedOrgan[] {
	const list = d.measures[m].filter((r) => r.enough && r.value !== null);
	return (m === 'update_frequency' ? [...list].reverse() : list).slice(0, RANKING_SHOWN);
}

export function rankingValue(m: RankingMeasure, r: RankedOrgan, minSample: number): string {
	if (r.broken) return m === 'update_frequency' ? '来源故障' : '数据有误';
	if (!r.enough) return `样本不足（${fmt(r.denominator ?? 0)}<${minSample}）`;
	if (isRate(m)) return `${pct(r.value)}（${fmt(r.numerator)}/${fmt(r.denominator)}）`;
	if (m === 'update_frequency') return `${fmt(r.value, 2)}条/周（共${fmt(r.numerator)}条）`;
	return `${fmt(r.value)}件`;
}

export function rankingsPanels(d: RankingsData): Panel[] {
	return (Object.keys(RANKING_LABELS) as RankingMeasure[]).map((m) => {
		const list = [...ranked(d, m)].reverse();
		const insufficient = d.measures[m].filter((r) => !r.enough && !r.broken).length;
		const broken = d.measures[m].filter((r) => r.broken).length;
		const label = RANKING_LABELS[m];
		const period = periodLabel(d);
		const sub = isRate(m)
			? `${period}合计；样本不足${d.minSample}件的不排名（${insufficient}个）${broken ? `，数据有误的不排名（${broken}个）` : ''}；点击条形查看${d.year}年报告`
			: `${period}合计；${m === 'update_frequency' && broken ? `栏目来源故障的不排名（${broken}个，未知不等于未更新）；` : ''}点击条形查看该单位${d.year}年报告`;
		return {
			key: `rankings-${m}`,
			height: Math.max(220, 90 + list.length * 22),
			clickable: true,
			option: rankedBarChart({
				finding: `${period}${list.length ? label.title : `${label.title}：样本不足，无法排名`}`,
				subtext: sub,
				margins: [190, 64, 48],
				tooltip: atIndex((i) => {
					const r = list[i];
					return `<b>${esc(r.organ.name)}</b><br/>${label.axis.replace(/（.*）/, '')}：${rankingValue(m, r, d.minSample)}`;
				}),
				valueAxis: {
					name: label.axis,
					// hideOverlap: on a phone the tick labels would run into each other.
					extra: isRate(m)
						? { axisLabel: { formatter: '{value}%', hideOverlap: true } }
						: { minInterval: m === 'applications' ? 1 : 0, axisLabel: { hideOverlap: true } }
				},
				labels: list.map((r) => r.organ.name),
				series: bars(
					label.axis,
					{
						barMaxWidth: 16,
						color: label.color,
						cursor: 'pointer',
						label: { fontSize: 11, formatter: isRate(m) ? '{c}%' : '{c}' }
					},
					list.map((r) => ({
						value: isRate(m) ? Math.round((r.value ?? 0) * 1000) / 10 : r.value,
						organId: r.organ.id
					}))
				)
			})
		};
	});
}
