import type { FeesData } from './data';
import { periodLabel } from './rank-period';
import { axisTooltip, base, fmt, yearAxis, type Panel } from './theme';

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
			option: {
				...base(feesFinding(d), '信息处理费（第六部分，元）与行政事业性收费（表二，万元；仅2021年版表格有金额）'),
				grid: { left: 64, right: 72, top: 84, bottom: 76 },
				tooltip: {
					trigger: 'axis',
					confine: true,
					formatter: axisTooltip('', (i) => [
						`收费单位：${d.charging.filter((c) => c.year === d.years[i] && c.infoFeeYuan > 0).length}个（信息处理费）`
					])
				},
				xAxis: yearAxis(d.years),
				yAxis: [
					{ type: 'value', name: '信息处理费（元）', minInterval: 1 },
					{ type: 'value', name: '行政事业性收费（万元）', splitLine: { show: false } }
				],
				series: [
					{ name: '信息处理费（元）', type: 'bar', barMaxWidth: 40, data: d.infoFeeYuan },
					{ name: '行政事业性收费（万元）', type: 'line', yAxisIndex: 1, symbolSize: 6, data: d.adminFee10k }
				]
			}
		}
	];
}
