import { APPLICANT_COLUMN_LABELS } from '../report/template';
import { APPLICANT_TYPES, type VolumeData } from './data';
import { axisTooltip, base, fmt, signedPct, yearAxis, yoy, type Panel } from './theme';

function volumeFinding(d: VolumeData): string {
	const n = d.years.length;
	if (!d.total.some((v) => v > 0)) return '所选范围内没有新收申请数据';
	const last = d.total[n - 1];
	const change = yoy(d.total)[n - 1];
	const head = `${d.years[n - 1]}年新收政府信息公开申请${fmt(last)}件`;
	if (change === null) return head;
	return `${head}，比上年${change >= 0 ? '增加' : '减少'}${Math.abs(change * 100).toFixed(1)}%`;
}

export function volumePanels(d: VolumeData): Panel[] {
	const change = yoy(d.total);
	const np = d.byType.natural_person.reduce((a, b) => a + b, 0);
	const all = d.total.reduce((a, b) => a + b, 0);
	return [
		{
			key: 'volume',
			height: 380,
			option: {
				...base(volumeFinding(d), all > 0 ? `自然人申请占${((np / all) * 100).toFixed(1)}%（全部年度合计）` : ''),
				grid: { left: 56, right: 56, top: 84, bottom: 90 },
				tooltip: {
					trigger: 'axis',
					confine: true,
					formatter: axisTooltip('件', (i) => [
						`合计（总计列）：${fmt(d.total[i])}件`,
						`同比：${signedPct(change[i])}`,
						`报告数：${d.reports[i]}份`
					])
				},
				xAxis: yearAxis(d.years),
				yAxis: [
					{ type: 'value', name: '申请数（件）', minInterval: 1 },
					{ type: 'value', name: '同比增减（%）', splitLine: { show: false }, axisLabel: { formatter: '{value}%' } }
				],
				series: [
					...APPLICANT_TYPES.map((t) => ({
						name: t === 'other_org' ? '其他组织' : APPLICANT_COLUMN_LABELS[t],
						type: 'bar',
						stack: 'applicants',
						barMaxWidth: 48,
						data: d.byType[t]
					})),
					{
						name: '同比增减',
						type: 'line',
						yAxisIndex: 1,
						symbolSize: 6,
						color: '#c0392b',
						data: change.map((c) => (c === null ? null : Math.round(c * 1000) / 10)),
						tooltip: { show: false }
					}
				]
			}
		}
	];
}
