// The dashboard's charts: for each, the question its card asks, the panels (ECharts options) that answer it and
// the table behind it. Pure, so the server renders the first paint and the browser the interactive chart.
import type { ChartId, DashboardData } from './data';
import { feesPanels } from './fees';
import { outcomesPanels } from './outcomes';
import { qualityPanels } from './quality';
import { rankingsPanels } from './rankings';
import { refusalsPanels } from './refusals';
import { reviewPanels } from './review';
import type { Panel } from './theme';
import { updatesPanels } from './updates';
import { volumePanels } from './volume';

export interface ChartDef {
	id: ChartId;
	/** The question the card answers (its heading). */
	question: string;
	panels: (d: DashboardData) => Panel[];
	/** Spans the full width of the page. */
	wide?: boolean;
}

export const CHARTS: ChartDef[] = [
	{ id: 'volume', question: '依申请公开的需求有多大，谁在申请？', panels: (d) => volumePanels(d.volume) },
	{ id: 'outcomes', question: '申请最后是怎么办理的？', panels: (d) => outcomesPanels(d.outcomes) },
	{ id: 'refusals', question: '不予公开和无法提供的理由，哪些在增多？', panels: (d) => refusalsPanels(d.refusals) },
	{ id: 'review', question: '行政复议、行政诉讼中被纠错的有多少？', panels: (d) => reviewPanels(d.review) },
	{ id: 'updates', question: '各单位主动公开是否经常更新？', panels: (d) => updatesPanels(d.updates), wide: true },
	{ id: 'fees', question: '收了多少费，谁在收费？', panels: (d) => feesPanels(d.fees) },
	{ id: 'quality', question: '年报是否按时报送、质量如何？', panels: (d) => qualityPanels(d.quality) },
	{ id: 'rankings', question: '哪些单位需要关注？', panels: (d) => rankingsPanels(d.rankings), wide: true }
];

export type { Panel } from './theme';
