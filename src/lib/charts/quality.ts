import type { QualityData } from './data';
import { COLORS, axisTooltip, base, valueAxisBelow, yearAxis, type Panel } from './theme';

function qualityFinding(d: QualityData): string {
	const y = d.years[d.years.length - 1];
	if (!y) return '没有年报数据';
	return `${y.year}年度年报：按时${y.onTime}份，逾期${y.late}份，未报送${y.missing}份${y.undated ? `，日期不详${y.undated}份` : ''}；${y.withFindings}份有检查问题`;
}

export function qualityPanels(d: QualityData): Panel[] {
	const rules = [...d.byRule].reverse();
	return [
		{
			key: 'quality-timeliness',
			height: 380,
			option: {
				...base(qualityFinding(d), '按报告年度统计；逾期依据T1规则（部门次年1月31日、人民政府次年3月31日）'),
				grid: { left: 56, right: 24, top: 84, bottom: 90 },
				tooltip: { trigger: 'axis', confine: true, formatter: axisTooltip('份') },
				xAxis: yearAxis(
					d.years.map((y) => y.year),
					'报告年度'
				),
				yAxis: { type: 'value', name: '年报（份）', minInterval: 1 },
				series: [
					{
						name: '按时发布',
						type: 'bar',
						stack: 'r',
						barMaxWidth: 44,
						color: COLORS.good,
						data: d.years.map((y) => y.onTime)
					},
					{
						name: '逾期发布',
						type: 'bar',
						stack: 'r',
						barMaxWidth: 44,
						color: COLORS.warn,
						data: d.years.map((y) => y.late)
					},
					{
						name: '日期不详',
						type: 'bar',
						stack: 'r',
						barMaxWidth: 44,
						color: COLORS.muted,
						data: d.years.map((y) => y.undated)
					},
					{
						name: '未报送',
						type: 'bar',
						stack: 'r',
						barMaxWidth: 44,
						color: COLORS.bad,
						data: d.years.map((y) => y.missing)
					},
					{
						name: '有检查问题的年报',
						type: 'line',
						symbolSize: 6,
						color: '#8064a2',
						data: d.years.map((y) => y.withFindings)
					}
				]
			}
		},
		{
			key: 'quality-rules',
			height: Math.max(240, 90 + rules.length * 22),
			option: {
				...base(
					d.byRule.length
						? `最常见的问题：${d.byRule[0].rule} ${d.byRule[0].name}（${d.byRule[0].reports}份年报）`
						: '所选范围内的年报没有检查问题',
					`出现该规则问题的年报份数（所选年度合计）；复核：待复核${d.reviews?.open ?? 0}条，已确认${d.reviews?.confirmed ?? 0}条，已排除${d.reviews?.dismissed ?? 0}条`
				),
				grid: { left: 190, right: 48, top: 64, bottom: 48 },
				tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, formatter: axisTooltip('份') },
				legend: { show: false },
				xAxis: valueAxisBelow('年报（份）', { minInterval: 1 }),
				yAxis: {
					type: 'category',
					data: rules.map((r) => `${r.rule} ${r.name}`),
					axisLabel: { fontSize: 11, width: 180, overflow: 'truncate' }
				},
				series: [
					{
						name: '年报份数',
						type: 'bar',
						barMaxWidth: 16,
						color: COLORS.brand,
						label: { show: true, position: 'right' },
						data: rules.map((r) => r.reports)
					}
				]
			}
		}
	];
}
