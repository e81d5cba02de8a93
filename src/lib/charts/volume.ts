import { APPLICANT_COLUMN_LABELS } from '../report/template';
import { APPLICANT_TYPES, type VolumeData } from './data';
import { bars, rightLine, yearChart } from './shapes';
import { axisTooltip, fmt, signedPct, yoy, type Panel } from './theme';

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
			option: yearChart({
				finding: volumeFinding(d),
				subtext: all > 0 ? `自然人申请占${((np / all) * 100).toFixed(1)}%（全部年度合计）` : '',
				margins: [56, 56, 90],
				years: d.years,
				tooltip: axisTooltip('件', (i) => [
					`合计（总计列）：${fmt(d.total[i])}件`,
					`同比：${signedPct(change[i])}`,
					`报告数：${d.reports[i]}份`
				]),
				yAxis: [
					{ type: 'value', name: '申请数（件）', minInterval: 1 },
					{ type: 'value', name: '同比增减（%）', splitLine: { show: false }, axisLabel: { formatter: '{value}%' } }
				],
				series: [
					...APPLICANT_TYPES.map((t) =>
						bars(
							t === 'other_org' ? '其他组织' : APPLICANT_COLUMN_LABELS[t],
							{ stack: 'applicants', barMaxWidth: 48 },
							d.byType[t]
						)
					),
					rightLine(
						'同比增减',
						{ color: '#c0392b', tooltip: { show: false } },
						change.map((c) => (c === null ? null : Math.round(c * 1000) / 10))
					)
				]
			})
		}
	];
}
