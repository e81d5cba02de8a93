// The quarter's two charts: how many organs in each grade, and which indicators lose the most points. Pure: the
// page and the XLSX export draw the same options.
import { bars, rankedBarChart } from './shapes';
import { COLORS, base, type Panel } from './theme';

export interface AssessmentChartData {
	quarterLabel: string;
	/** In the rubric's band order, the veto grade included. */
	grades: { grade: string; organs: number }[];
	/** Indicators with any lost points, most first. */
	losses: { indicator: string; points: number; organs: number }[];
}

/** Titles wrap inside a phone-width card (the shared base sets 560 px). */
const TITLE_WIDTH = 300;

const GRADE_COLORS = [COLORS.good, COLORS.brand, COLORS.warn, COLORS.bad, COLORS.muted];

export function assessmentPanels(d: AssessmentChartData): Panel[] {
	const total = d.grades.reduce((s, g) => s + g.organs, 0);
	const top = d.grades.reduce((best, g) => (g.organs > best.organs ? g : best), { grade: '', organs: -1 });
	const losses = [...d.losses].slice(0, 10).reverse();
	return [
		{
			key: 'assessment-grades',
			height: 340,
			option: {
				...base(
					total
						? `${d.quarterLabel}：${total}个单位中“${top.grade}”最多（${top.organs}个）`
						: `${d.quarterLabel}：没有参加考核的单位`,
					'各等次单位数（个）',
					TITLE_WIDTH
				),
				grid: { left: 40, right: 16, top: 96, bottom: 32 },
				tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
				legend: { show: false },
				xAxis: { type: 'category', data: d.grades.map((g) => g.grade) },
				yAxis: { type: 'value', minInterval: 1 },
				series: [
					bars(
						'单位数',
						{ barMaxWidth: 56, label: { show: true, position: 'top' } },
						d.grades.map((g, i) => ({ value: g.organs, itemStyle: { color: GRADE_COLORS[i % GRADE_COLORS.length] } }))
					)
				]
			}
		},
		{
			key: 'assessment-losses',
			height: Math.max(260, 124 + losses.length * 26),
			option: rankedBarChart({
				finding: d.losses.length
					? `失分最多的指标：${d.losses[0].indicator}（合计${d.losses[0].points}分，${d.losses[0].organs}个单位）`
					: '本季度没有扣分',
				subtext: '各指标合计扣分（前10项）',
				titleWidth: TITLE_WIDTH,
				margins: [130, 40, 48],
				top: 96,
				labelWidth: 120,
				valueAxis: { name: '扣分（分）', extra: { minInterval: 1 } },
				labels: losses.map((l) => l.indicator),
				series: bars(
					'合计扣分',
					{ barMaxWidth: 18, color: COLORS.bad },
					losses.map((l) => l.points)
				)
			})
		}
	];
}
