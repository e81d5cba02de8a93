// Shared look of the dashboard charts: one CJK font stack, a palette that survives greyscale printing, and small
// formatting helpers. Pure: the server renders the same options to SVG that the browser makes interactive.
import type { EChartsCoreOption } from 'echarts/core';

export type Option = EChartsCoreOption;

/** One drawable chart: its option and the height it needs (the width follows the card). */
export interface Panel {
	key: string;
	option: Option;
	height: number;
	/** Charts whose items open an organ's year on click carry `organId` in their data items. */
	clickable?: boolean;
}

export const FONT = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

const PALETTE = [
	'#1f4e79',
	'#4f81bd',
	'#9bbb59',
	'#f3a530',
	'#c0504d',
	'#8064a2',
	'#4bacc6',
	'#7f7f7f',
	'#a5a5a5',
	'#2e7d32',
	'#d47fa6'
];

export const COLORS = {
	brand: '#1f4e79',
	good: '#2e7d32',
	bad: '#c0392b',
	warn: '#d68910',
	muted: '#8a94a3',
	line: '#dde2e8'
};

/** The parts every chart shares: font, palette, the finding as title, an axis tooltip. */
export function base(finding: string, subtext = '', titleWidth = 560): Option {
	return {
		animation: false,
		color: PALETTE,
		textStyle: { fontFamily: FONT, fontSize: 12, color: '#1d2733' },
		title: {
			text: finding,
			subtext,
			left: 8,
			top: 4,
			textStyle: {
				fontFamily: FONT,
				fontSize: 14,
				fontWeight: 600,
				color: '#1d2733',
				width: titleWidth,
				overflow: 'break'
			},
			subtextStyle: { fontFamily: FONT, fontSize: 11, color: '#5b6776' }
		},
		tooltip: { trigger: 'axis', confine: true, textStyle: { fontFamily: FONT } },
		legend: { bottom: 4, left: 'center', type: 'plain', itemGap: 10, textStyle: { fontFamily: FONT, fontSize: 11 } }
	};
}

export function fmt(n: number | null | undefined, digits = 0): string {
	if (n === null || n === undefined || !Number.isFinite(n)) return '—';
	return n.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function pct(v: number | null | undefined, digits = 1): string {
	return v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(digits)}%`;
}

/** Year-on-year change as a share (0.12 = +12 %); null without a base. */
export function yoy(values: number[]): (number | null)[] {
	return values.map((v, i) => (i === 0 || values[i - 1] === 0 ? null : (v - values[i - 1]) / values[i - 1]));
}

export function signedPct(v: number | null): string {
	return v === null ? '—' : `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%`;
}

/** Escapes text placed into an HTML tooltip formatter (organ names come from uploaded files). */
export function esc(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const yearLabels = (years: number[]) => years.map((y) => `${y}年`);

/** The year axis: its name under the labels, so it never collides with a right-hand value axis. */
export function yearAxis(years: number[], name = '年度', extra: Record<string, unknown> = {}) {
	return { type: 'category', name, nameLocation: 'middle', nameGap: 26, data: yearLabels(years), ...extra };
}

/** A value axis at the bottom of a horizontal bar chart, its name (with unit) under the labels. */
export function valueAxisBelow(name: string, extra: Record<string, unknown> = {}) {
	return { type: 'value', name, nameLocation: 'middle', nameGap: 24, ...extra };
}

interface AxisParam {
	axisValueLabel?: string;
	marker?: string;
	seriesName?: string;
	value?: unknown;
}

/** An axis tooltip listing each series' exact value with a unit, plus optional extra lines. */
export function axisTooltip(unit: string, extra?: (index: number) => string[]) {
	return (params: unknown) => {
		const list = (Array.isArray(params) ? params : [params]) as (AxisParam & { dataIndex: number })[];
		if (!list.length) return '';
		const lines = [`<b>${esc(String(list[0].axisValueLabel ?? ''))}</b>`];
		for (const p of list) {
			const v = typeof p.value === 'number' ? p.value : Array.isArray(p.value) ? Number(p.value[1]) : null;
			lines.push(`${p.marker ?? ''}${esc(p.seriesName ?? '')}：${fmt(v, Number.isInteger(v) ? 0 : 2)}${unit}`);
		}
		if (extra) lines.push(...extra(list[0].dataIndex));
		return lines.join('<br/>');
	};
}
