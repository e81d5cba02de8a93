import type { FeesData } from './data';
import { periodLabel } from './rank-period';
import { bars, rightLine, yearChart } from './shapes';
import { axisTooltip, fmt, type Panel } from './theme';

function feesFinding(d: FeesData): string {
	const info = d.infoFeeYuan.reduce((a, b) => a + b, 0);
	const infoOrgans = new Set(d.charging.filter((c) => c.infoFeeYuan > 0).map((c) => c.organ.id)).size;
	const period = periodLabel({ fromYear: d.years[0], toYear: d.years[d.years.length - 1] });
	if (!info) return `${period}没有单位收取信息处理费`;
	return `${period}共收取信息处理费${fmt(info, 2)}元，涉及${infoOrgans}个单位`;
}

export function feesPanels(d: FeesData): Panel[] {
	return [
		{
			key: 'fees',
			height: 360,
			option: yearChart({
				finding: feesFinding(d),
				subtext: '信息处理费（第六部分，元）与行政事业性收费（表二，万元；仅2021年版表格有金额）',
				margins: [64, 72, 76],
				years: d.years,
				tooltip: axisTooltip('', (i) => [
					`收费单位：${d.charging.filter((c) => c.year === d.years[i] && c.infoFeeYuan > 0).length}个（信息处理费）`
				]),
				yAxis: [
					{ type: 'value', name: '信息处理费（元）', minInterval: 1 },
					{ type: 'value', name: '行政事业性收费（万元）', splitLine: { show: false } }
				],
				series: [
					bars('信息处理费（元）', { barMaxWidth: 40 }, d.infoFeeYuan),
					rightLine('行政事业性收费（万元）', {}, d.adminFee10k)
				]
			})
		}
	];
}
