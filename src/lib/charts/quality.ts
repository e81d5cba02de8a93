import type { QualityData } from './data';
import { bars, rankedBarChart, yearChart } from './shapes';
import { COLORS, axisTooltip, type Panel } from './theme';

function qualityFinding(d: QualityData): string {
	const y = d.years[d.years.length - 1];
	if (!y) return '没有年报数据';
	return `${y.year}年度年报：按时${y.onTime}份，逾期${y.late}份，未报送${y.missing}份${y.undated ? `，日期不详${y.undated}份` : ''}；${y.withFindings}份有检查问题`;
}

/** The timeliness bars, stacked: what each year's reports were, by name, colour and field. */
const TIMELINESS = [
	['按时发布', COLORS.good, 'onTime'],
	['逾期发布', COLORS.warn, 'late'],
	['日期不详', COLORS.muted, 'undated'],
	['未报送', COLORS.bad, 'missing']
] as const;

export function qualityPanels(d: QualityData): Panel[] {
	const rules = [...d.byRule].reverse();
	return [
		{
			key: 'quality-timeliness',
			height: 380,
			option: yearChart({
				finding: qualityFinding(d),
				subtext: '按报告年度统计；逾期依据T1规则（部门次年1月31日、人民政府次年3月31日）',
				margins: [56, 24, 90],
				years: d.years.map((y) => y.year),
				yearAxisName: '报告年度',
				tooltip: axisTooltip('份'),
				yAxis: { type: 'value', name: '年报（份）', minInterval: 1 },
				series: [
					...TIMELINESS.map(([name, color, field]) =>
						bars(
							name,
							{ stack: 'r', barMaxWidth: 44, color },
							d.years.map((y) => y[field])
						)
					),
					{
						name: '有检查问题的年报',
						type: 'line',
						symbolSize: 6,
						color: '#8064a2',
						data: d.years.map((y) => y.withFindings)
					}
				]
			})
		},
		{
			key: 'quality-rules',
			height: Math.max(240, 90 + rules.length * 22),
			option: rankedBarChart({
				finding: d.byRule.length
					? `最常见的问题：${d.byRule[0].rule} ${d.byRule[0].name}（${d.byRule[0].reports}份年报）`
					: '所选范围内的年报没有检查问题',
				subtext: `出现该规则问题的年报份数（所选年度合计）；复核：待复核${d.reviews?.open ?? 0}条，已确认${d.reviews?.confirmed ?? 0}条，已排除${d.reviews?.dismissed ?? 0}条`,
				margins: [190, 48, 48],
				tooltip: axisTooltip('份'),
				valueAxis: { name: '年报（份）', extra: { minInterval: 1 } },
				labels: rules.map((r) => `${r.rule} ${r.name}`),
				series: bars(
					'年报份数',
					{ barMaxWidth: 16, color: COLORS.brand },
					rules.map((r) => r.reports)
				)
			})
		}
	];
}
