// The one ECharts registry: only the chart types and components the dashboard draws, SVG renderer only (crisp text,
// testable DOM, and the same renderer the server uses for the first paint). Imported lazily by the attachment.
import { use, init, type ECharts } from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
	GridComponent,
	LegendComponent,
	TitleComponent,
	TooltipComponent,
	VisualMapComponent
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([
	BarChart,
	LineChart,
	HeatmapChart,
	GridComponent,
	LegendComponent,
	TitleComponent,
	TooltipComponent,
	VisualMapComponent,
	SVGRenderer
]);

export { init, type ECharts };
