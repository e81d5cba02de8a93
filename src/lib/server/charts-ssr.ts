// Server-side first paint: an ECharts option rendered to an SVG string. The instance is always disposed, or the
// Node process keeps timers alive and never exits.
import { init } from '../charts/echarts';
import type { Option, Panel } from '../charts/theme';

export const SSR_WIDTH = 600;
export const SSR_WIDE_WIDTH = 1230;

function renderSvg(option: Option, width: number, height: number): string {
	const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption(option);
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}

export function renderPanels(panels: Panel[], width: number): string[] {
	return panels.map((p) => renderSvg(p.option, width, p.height));
}
