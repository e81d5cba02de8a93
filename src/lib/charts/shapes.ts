// The two shapes the dashboard's charts come in, so each chart states only what is its own: a chart over the years
// (years along the bottom, values up the side, an axis tooltip) and a ranked bar chart (labelled rows, values along
// the bottom, the value beside each bar). Pure, like the option builders that use them.
import { base, valueAxisBelow, yearAxis, type Option } from './theme';

type Formatter = (params: unknown) => string;

/** Grid margins in px: left, right, bottom (the top leaves room for the title). */
type Margins = [left: number, right: number, bottom: number];

/** An axis tooltip formatter given the hovered index (the first series' data index). */
export function atIndex(line: (index: number) => string): Formatter {
	return (params: unknown) => line((params as { dataIndex: number }[])[0].dataIndex);
}

/** A value axis in per cent, 0–100. */
export function percentAxis(name: string, extra: Record<string, unknown> = {}) {
	return { type: 'value', name, max: 100, ...extra, axisLabel: { formatter: '{value}%' } };
}

type Style = Record<string, unknown>;

/** A bar series; `style` holds its width and any stack, colour and labels. */
export function bars(name: string, style: Style & { barMaxWidth: number }, data: unknown[]) {
	return { name, type: 'bar', ...style, data };
}

/** A line on the right-hand axis (a rate or a change beside the bars' counts). */
export function rightLine(name: string, style: Style, data: unknown[]) {
	return { name, type: 'line', yAxisIndex: 1, symbolSize: 6, ...style, data };
}

export interface YearChart {
	finding: string;
	subtext?: string;
	margins: Margins;
	years: number[];
	/** The year axis' name and extra settings (see yearAxis). */
	yearAxisName?: string;
	yearAxisExtra?: Record<string, unknown>;
	tooltip: Formatter;
	/** Replaces the shared legend. */
	legend?: Record<string, unknown>;
	yAxis: unknown;
	series: unknown[];
}

export function yearChart(c: YearChart): Option {
	const [left, right, bottom] = c.margins;
	return {
		...base(c.finding, c.subtext),
		grid: { left, right, top: 84, bottom },
		tooltip: { trigger: 'axis', confine: true, formatter: c.tooltip },
		...(c.legend ? { legend: c.legend } : {}),
		xAxis: yearAxis(c.years, c.yearAxisName, c.yearAxisExtra),
		yAxis: c.yAxis,
		series: c.series
	};
}

export interface RankedBarChart {
	finding: string;
	subtext?: string;
	/** Wraps the title at this width (a chart drawn in a phone-width card). */
	titleWidth?: number;
	margins: Margins;
	/** Room above the grid (the title's lines). */
	top?: number;
	/** The width a row's label may take before it is cut. */
	labelWidth?: number;
	tooltip?: Formatter;
	valueAxis: { name: string; extra: Record<string, unknown> };
	/** The rows' labels, bottom row first (ECharts draws the first category at the bottom). */
	labels: string[];
	/** The one bar series (see bars); its value is labelled to the right of each bar. */
	series: ReturnType<typeof bars>;
}

export function rankedBarChart(c: RankedBarChart): Option {
	const [left, right, bottom] = c.margins;
	const label = (c.series as { label?: Style }).label;
	return {
		...base(c.finding, c.subtext, c.titleWidth),
		grid: { left, right, top: c.top ?? 64, bottom },
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			confine: true,
			...(c.tooltip ? { formatter: c.tooltip } : {})
		},
		legend: { show: false },
		xAxis: valueAxisBelow(c.valueAxis.name, c.valueAxis.extra),
		yAxis: {
			type: 'category',
			data: c.labels,
			axisLabel: { fontSize: 11, width: c.labelWidth ?? 180, overflow: 'truncate' }
		},
		series: [{ ...c.series, label: { show: true, position: 'right', ...label } }]
	};
}
