import type { UpdatesData } from './data';
import { atIndex, bars, percentAxis, rankedBarChart, yearChart } from './shapes';
import { COLORS, base, esc, fmt, pct, type Panel } from './theme';

/** Kept beside the server's constant (the chart text must say what "weekly" means). */
const WEEKLY_RULE = '全年52周中至少90%的周有更新';

function updatesFinding(d: UpdatesData): string {
	const last = d.weekly[d.weekly.length - 1];
	if (!last || !last.organs) return '没有导入发布记录，无法判断更新频率';
	// A silence beside a broken source is not proven: the headline names the longest one that is.
	const s = d.silences.find((x) => !x.broken);
	return `${last.year}年${last.met}/${last.organs}个单位做到每周更新${s ? `；最长沉默${s.days}天（${s.organ.name}）` : ''}`;
}

/** The broken columns, for the heat map's subtitle: unknown, so said apart from the silences. */
function brokenNote(d: UpdatesData): string {
	return d.broken.length ? `；${d.broken.length}个栏目来源故障（最近一次抓取失败，不计为沉默）` : '';
}

export function updatesPanels(d: UpdatesData): Panel[] {
	const months = d.months.map((m) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`);
	// Months without postings are drawn as zeros: silence must be visible, not blank.
	const counts = new Map(d.cells.map(([m, o, n]) => [`${m}/${o}`, n]));
	const cells: [number, number, number][] = [];
	for (let o = 0; o < d.organs.length; o++)
		for (let m = 0; m < d.months.length; m++) cells.push([m, o, counts.get(`${m}/${o}`) ?? 0]);
	const names = d.organs.map((o) => o.name);
	const heat: Panel = {
		key: 'updates-heatmap',
		height: Math.max(220, 110 + d.organs.length * 16),
		clickable: false,
		option: {
			...base(
				updatesFinding(d),
				`各单位每月发布条数（发布记录）${d.organsLeftOff ? `；另有${d.organsLeftOff}个更新较多的单位未列出` : ''}${brokenNote(d)}`
			),
			grid: { left: 190, right: 24, top: 64, bottom: 80 },
			tooltip: {
				trigger: 'item',
				confine: true,
				formatter: (p: unknown) => {
					const v = (p as { value: [number, number, number] }).value;
					return `${esc(names[v[1]] ?? '')}<br/>${months[v[0]]}：发布${fmt(v[2])}条`;
				}
			},
			xAxis: {
				type: 'category',
				name: '月份',
				nameLocation: 'middle',
				nameGap: 26,
				data: months,
				splitArea: { show: false },
				axisLabel: { interval: 11, formatter: (v: string) => v.slice(0, 5) }
			},
			yAxis: {
				type: 'category',
				data: names,
				inverse: true,
				axisLabel: { fontSize: 11, width: 180, overflow: 'truncate' }
			},
			visualMap: {
				type: 'piecewise',
				orient: 'horizontal',
				left: 'center',
				bottom: 4,
				textStyle: { fontSize: 11 },
				pieces: [
					{ value: 0, label: '无更新', color: '#f6d5d1' },
					{ gte: 1, lte: 3, label: '1–3条', color: '#c6dbef' },
					{ gte: 4, lte: 8, label: '4–8条', color: '#6baed6' },
					{ gte: 9, label: '9条以上', color: '#1f4e79' }
				]
			},
			legend: { show: false },
			series: [{ name: '每月发布条数', type: 'heatmap', data: cells, progressive: 0 }]
		}
	};
	const share = d.weekly.map((w) => (w.organs ? Math.round((w.met / w.organs) * 1000) / 10 : 0));
	const weekly: Panel = {
		key: 'updates-weekly',
		height: 300,
		option: yearChart({
			finding: '每周至少更新一次的单位占比',
			subtext: WEEKLY_RULE,
			margins: [64, 24, 48],
			years: d.weekly.map((w) => w.year),
			tooltip: atIndex((i) => {
				const w = d.weekly[i];
				return `<b>${w.year}年</b><br/>达标单位：${w.met}/${w.organs}，${pct(w.organs ? w.met / w.organs : null)}`;
			}),
			legend: { show: false },
			yAxis: percentAxis('达标单位占比（%）'),
			series: [
				bars(
					'达标单位占比',
					{ barMaxWidth: 40, color: COLORS.good, label: { show: true, position: 'top', formatter: '{c}%' } },
					share
				)
			]
		})
	};
	const silences = [...d.silences].reverse();
	const silence: Panel = {
		key: 'updates-silences',
		height: Math.max(240, 90 + silences.length * 24),
		clickable: true,
		option: rankedBarChart({
			finding: '沉默最久的单位',
			subtext: '两次发布之间（或最后一次发布至今）的最长间隔',
			margins: [190, 56, 48],
			tooltip: atIndex((i) => {
				const s = silences[i];
				return `<b>${esc(s.organ.name)}</b><br/>${s.from} 至 ${s.to}：${s.days}天无更新${s.broken ? '<br/>该单位有栏目来源故障（最近一次抓取失败），沉默可能未反映实际' : ''}`;
			}),
			valueAxis: { name: '沉默天数（天）', extra: { minInterval: 1 } },
			labels: silences.map((s) => (s.broken ? `${s.organ.name}（来源故障）` : s.organ.name)),
			series: bars(
				'最长沉默天数',
				{ barMaxWidth: 18, color: COLORS.bad, label: { formatter: '{c}天' } },
				// A silence beside a broken source is drawn grey: unknown, not proven silent.
				silences.map((s) => ({
					value: s.days,
					organId: s.organ.id,
					...(s.broken ? { itemStyle: { color: '#9aa5b1' } } : {})
				}))
			)
		})
	};
	return [heat, weekly, silence];
}
