// The data behind each chart as a table: the same rows feed the HTML table under a chart and its CSV download.
import { APPLICANT_COLUMN_LABELS } from '../report/template';
import {
	APPLICANT_TYPES,
	OUTCOME_GROUPS,
	REFUSAL_REASONS,
	type ChartId,
	type DashboardData,
	type RankedOrgan,
	type RankingMeasure
} from './data';
import { OUTCOME_LABELS, outcomeTotals } from './outcomes';
import { RANKING_LABELS } from './rankings';
import { reasonLabel } from './refusals';
import { yoy } from './theme';

export type Cell = string | number | null;
export interface DataTable {
	columns: string[];
	rows: Cell[][];
	/** Column index holding an organ id, for links to /organs/<id>/<year> (not printed as a column). */
	links?: { organIdColumn: number; yearColumn?: number; year?: number };
}

const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10000) / 10000 : null);

export const TABLES: { [K in ChartId]: (d: DashboardData) => DataTable } = {
	volume: ({ volume: v }) => {
		const change = yoy(v.total);
		return {
			columns: [
				'年度',
				...APPLICANT_TYPES.map((t) => (t === 'other_org' ? '其他组织' : APPLICANT_COLUMN_LABELS[t])),
				'总计',
				'同比增减',
				'报告数'
			],
			rows: v.years.map((y, i) => [
				y,
				...APPLICANT_TYPES.map((t) => v.byType[t][i]),
				v.total[i],
				change[i] === null ? null : Math.round(change[i]! * 10000) / 10000,
				v.reports[i]
			])
		};
	},
	outcomes: ({ outcomes: o }) => {
		const totals = outcomeTotals(o);
		return {
			columns: [
				'年度',
				...OUTCOME_GROUPS.flatMap((g) => [`${OUTCOME_LABELS[g]}（件）`, `${OUTCOME_LABELS[g]}占比`]),
				'合计'
			],
			rows: o.years.map((y, i) => [
				y,
				...OUTCOME_GROUPS.flatMap((g) => [o.counts[g][i], ratio(o.counts[g][i], totals[i])]),
				totals[i]
			])
		};
	},
	refusals: ({ refusals: r }) => ({
		columns: ['理由', ...r.years.map((y) => `${y}年`)],
		rows: REFUSAL_REASONS.map((k) => [reasonLabel(k), ...r.counts[k]])
	}),
	updates: ({ updates: u }) => ({
		columns: ['年度', '有发布记录的单位', '每周更新达标单位', '达标占比'],
		rows: u.weekly.map((w) => [w.year, w.organs, w.met, ratio(w.met, w.organs)])
	}),
	fees: ({ fees: f }) => ({
		columns: ['单位', '单位编号', '年度', '信息处理费（元）', '行政事业性收费（万元）'],
		rows: f.charging.map((c) => [c.organ.name, c.organ.id, c.year, c.infoFeeYuan, c.adminFee10k]),
		links: { organIdColumn: 1, yearColumn: 2 }
	}),
	review: ({ review: r }) => ({
		columns: [
			'年度',
			'行政复议（件）',
			'复议纠正',
			'复议已审结',
			'复议纠错率',
			'行政诉讼（件）',
			'诉讼纠正',
			'诉讼已审结',
			'诉讼纠错率'
		],
		rows: r.years.map((y) => [
			y.year,
			y.reconsideration.total,
			y.reconsideration.corrected,
			y.reconsideration.concluded,
			ratio(y.reconsideration.corrected, y.reconsideration.concluded),
			y.litigation.total,
			y.litigation.corrected,
			y.litigation.concluded,
			ratio(y.litigation.corrected, y.litigation.concluded)
		])
	}),
	quality: ({ quality: q }) => ({
		columns: ['报告年度', '按时发布', '逾期发布', '日期不详', '未报送', '有检查问题'],
		rows: q.years.map((y) => [y.year, y.onTime, y.late, y.undated, y.missing, y.withFindings])
	}),
	rankings: ({ rankings: r }) => {
		// Numbers only in number columns (a CSV or sheet sums them); why a rate is missing goes in the last column.
		const organs = new Map<number, { name: string; by: Partial<Record<RankingMeasure, RankedOrgan>> }>();
		for (const m of Object.keys(RANKING_LABELS) as RankingMeasure[])
			for (const x of r.measures[m]) {
				const e = organs.get(x.organ.id) ?? { name: x.organ.name, by: {} };
				e.by[m] = x;
				organs.set(x.organ.id, e);
			}
		const why = (m: 'refusal_rate' | 'correction_rate', x: RankedOrgan | undefined, name: string) =>
			x?.broken ? `${name}数据有误` : x && !x.enough ? `${name}样本不足（${x.denominator ?? 0}<${r.minSample}）` : null;
		const rateOf = (x: RankedOrgan | undefined) =>
			x && x.enough && x.value !== null ? Math.round(x.value * 10000) / 10000 : null;
		return {
			columns: [
				'单位',
				'单位编号',
				'新收申请',
				'不予公开（件）',
				'办理结果总计（件）',
				'不予公开率',
				'纠正（件）',
				'已审结（件）',
				'纠错率',
				'主动公开发布（条）',
				'平均每周发布（条）',
				'说明'
			],
			rows: [...organs.entries()].map(([id, { name, by }]) => {
				const notes = [
					why('refusal_rate', by.refusal_rate, '不予公开率'),
					why('correction_rate', by.correction_rate, '纠错率'),
					by.update_frequency?.broken ? '栏目来源故障，不计更新频率' : null
				].filter(Boolean);
				return [
					name,
					id,
					by.applications?.value ?? null,
					by.refusal_rate?.numerator ?? null,
					by.refusal_rate?.denominator ?? null,
					rateOf(by.refusal_rate),
					by.correction_rate?.numerator ?? null,
					by.correction_rate?.denominator ?? null,
					rateOf(by.correction_rate),
					by.update_frequency?.numerator ?? null,
					by.update_frequency?.value ?? null,
					notes.length ? notes.join('；') : null
				];
			}),
			links: { organIdColumn: 1, year: r.year }
		};
	}
};

/** Secondary tables (organ lists) some charts carry beside their main table. */
export const EXTRA_TABLES: Partial<{ [K in ChartId]: (d: DashboardData) => DataTable }> = {
	updates: ({ updates: u }) => ({
		columns: ['单位', '单位编号', '最长沉默（天）', '起', '止', '来源'],
		rows: [
			...u.silences.map((s) => [s.organ.name, s.organ.id, s.days, s.from, s.to, s.broken ? '来源故障' : '']),
			// Broken columns of organs not among the silences: listed too, with no figure (unknown, not silent).
			...u.broken
				.filter((b) => !u.silences.some((s) => s.organ.id === b.organ.id))
				.map((b) => [b.organ.name, b.organ.id, '', '', '', `来源故障：${b.channel}`])
		],
		links: { organIdColumn: 1 }
	}),
	review: ({ review: r }) => ({
		columns: ['单位', '单位编号', '年度', '复议纠正（件）', '诉讼纠正（件）'],
		rows: r.corrected.map((c) => [c.organ.name, c.organ.id, c.year, c.reconsideration, c.litigation]),
		links: { organIdColumn: 1, yearColumn: 2 }
	}),
	quality: ({ quality: q }) => ({
		columns: ['规则', '名称', '年报份数'],
		rows: q.byRule.map((r) => [r.rule, r.name, r.reports])
	})
};

/** The secondary tables' captions (under the chart and as sheet names). */
export const EXTRA_TABLE_NAMES: Partial<Record<ChartId, string>> = {
	updates: '沉默最久的单位',
	review: '有纠错案件的单位',
	quality: '按规则统计'
};
/**
 * Text a spreadsheet shows as text: a leading = + - @ (or a tab or CR, which Excel skips before reading one) would
 * make it a formula, and organ names, titles and notes come from uploads. Prefixed with an apostrophe (OWASP).
 * For every spreadsheet the app writes (CSV here; an XLSX writer sets such cells as strings through this too).
 */
export function formulaSafe(s: string): string {
	return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function csvCell(c: Cell): string {
	if (c === null) return '';
	const safe = typeof c === 'string' ? formulaSafe(c) : String(c);
	return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a BOM so spreadsheet programs open the Chinese text as UTF-8. */
export function toCsv(...tables: DataTable[]): string {
	const lines: string[] = [];
	tables.forEach((t, i) => {
		if (i) lines.push('');
		lines.push(t.columns.map(csvCell).join(','));
		for (const r of t.rows) lines.push(r.map(csvCell).join(','));
	});
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
