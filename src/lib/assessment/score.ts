// Pure scoring of a quarter: each indicator's deduction items from the evidence, capped per indicator; single
// vetoes; capped bonus; total = base − deductions + bonus; grade by the rubric's bands (any veto: the veto grade);
// rank by total among organs with enough applications (样本不足 otherwise).
import type { EvidenceRule, Indicator, Rubric } from './rubric';
import type { OrganEvidence } from './evidence';
import { quarterRange, type Quarter } from './quarter';
import { RULES } from '../report/checks/rules';

const ruleName = (id: string) => (RULES as Record<string, { name: string } | undefined>)[id]?.name ?? id;

export type EvidenceLink =
	| { kind: 'finding'; rule: string; message: string; reportYear: number; cells: string[]; cross?: true }
	| { kind: 'report'; reportYear: number; cells: string[]; text: string }
	| {
			kind: 'channel';
			channel: string;
			weeks: number[];
			weeksInQuarter: number;
			silenceDays: number;
			silenceFrom: string;
			silenceTo: string | null;
			limitDays: number;
	  }
	| { kind: 'note'; text: string; fileName: string | null; author: string | null }
	| { kind: 'rectification'; id: number; quarter: string; deadline: string; status: string }
	| { kind: 'missing'; reportYear: number };

export interface DeductionItem {
	/** Stable within the quarter and organ: rectification requests refer to it. */
	key: string;
	indicatorId: string;
	/** Points this item would deduct before the indicator's cap. */
	points: number;
	/** What was found, in Chinese. */
	what: string;
	evidence: EvidenceLink[];
	source: 'auto' | 'manual';
	entryId?: number;
}

export interface IndicatorScore {
	id: string;
	points: number;
	/** Points lost, after the cap. */
	lost: number;
	/** Σ item points before the cap. */
	raw: number;
	score: number;
	items: DeductionItem[];
}

export interface OrganScore {
	organId: number;
	organName: string;
	kind: string;
	indicators: IndicatorScore[];
	deductions: number;
	bonus: number;
	bonusItems: { entryId: number; points: number; reason: string; note: string | null }[];
	total: number;
	vetoes: { id: string; label: string }[];
	grade: string;
	/** null: not ranked (样本不足 or no report). */
	rank: number | null;
	unranked: '样本不足' | '无年报' | null;
	/** Items for an inspector to look at that deduct nothing (信息处理费). */
	reviews: { indicatorId: string; what: string; evidence: EvidenceLink[] }[];
	/** 失分原因 in words. */
	reasons: string;
}

const GROUP_LABELS: Record<string, string> = {
	reconsideration: '行政复议',
	litigation_direct: '行政诉讼（未经复议直接起诉）',
	litigation_after_reconsideration: '行政诉讼（复议后起诉）'
};

function autoItem(ind: Indicator, n: number, points: number, what: string, evidence: EvidenceLink[]): DeductionItem {
	return { key: `${ind.id}#${n}`, indicatorId: ind.id, points, what, evidence, source: 'auto' };
}

function autoItems(
	ind: Indicator,
	rule: EvidenceRule,
	quarter: Quarter,
	to: string,
	ev: OrganEvidence
): DeductionItem[] {
	const r = ev.report;
	switch (rule.kind) {
		case 'findings': {
			if (!r || !r.findings.length) return [];
			const hits = r.findings.filter((f) => rule.rules.includes(f.rule));
			const units =
				rule.per === 'finding'
					? hits.map((f) => [f])
					: rule.rules.map((id) => hits.filter((f) => f.rule === id)).filter((g) => g.length > 0);
			return units.map((group, i) =>
				autoItem(
					ind,
					i,
					rule.weights?.[group[0].rule] ?? rule.perItem,
					group.length > 1
						? `${group[0].rule} ${ruleName(group[0].rule)}：${group.length}处不符`
						: `${group[0].rule}：${group[0].message}`,
					group.map((f): EvidenceLink => ({
						kind: 'finding',
						rule: f.rule,
						message: f.message,
						reportYear: r.year,
						cells: f.cells,
						...(f.cross ? { cross: true as const } : {})
					}))
				)
			);
		}
		case 'timeliness': {
			const deadline = `${quarter.year}-${rule.deadlines[ev.kind] ?? rule.deadlines.default}`;
			if (to < deadline) return [];
			const year = quarter.year - 1;
			if (!r)
				return [
					autoItem(ind, 0, rule.missingPerItem, `截至${to}未找到${year}年度报告（期限${deadline}）`, [
						{ kind: 'missing', reportYear: year }
					])
				];
			const late = r.findings.filter((f) => f.rule === rule.rule);
			if (!late.length) return [];
			return [
				autoItem(
					ind,
					0,
					rule.perItem,
					`${r.year}年度报告${r.publishedOn ? `于${r.publishedOn}发布` : ''}，晚于期限${deadline}`,
					[
						...late.map((f): EvidenceLink => ({
							kind: 'finding',
							rule: f.rule,
							message: f.message,
							reportYear: r.year,
							cells: f.cells.length ? f.cells : ['published_on']
						}))
					]
				)
			];
		}
		case 'channels': {
			const out: DeductionItem[] = [];
			for (const c of ev.channels) {
				const group = rule.groups.find((g) => g.match.some((m) => c.channel.includes(m)));
				if (!group || !c.silence || c.silence.days <= group.maxSilentDays) continue;
				out.push(
					autoItem(
						ind,
						out.length,
						rule.perItem,
						`“${c.channel}”栏目${c.silence.days}天未更新（${group.label}限${group.maxSilentDays}天）`,
						[
							{
								kind: 'channel',
								channel: c.channel,
								weeks: c.weeks,
								weeksInQuarter: c.weeksInQuarter,
								silenceDays: c.silence.days,
								silenceFrom: c.silence.from,
								silenceTo: c.silence.to,
								limitDays: group.maxSilentDays
							}
						]
					)
				);
			}
			return out;
		}
		case 'review-corrected': {
			if (!r || !rule.quarters.includes(quarter.q)) return [];
			const out: DeductionItem[] = [];
			for (const g of r.corrected)
				for (let k = 0; k < g.cases; k++)
					out.push(
						autoItem(ind, out.length, rule.perItem, `${GROUP_LABELS[g.group] ?? g.group}结果纠正第${k + 1}件`, [
							{
								kind: 'report',
								reportYear: r.year,
								cells: [`review.${g.group}.corrected`],
								text: `${GROUP_LABELS[g.group] ?? g.group}结果纠正${g.cases}件`
							}
						])
					);
			return out;
		}
		case 'rectification-overdue':
			return ev.overdue.map((o, i) =>
				autoItem(ind, i, rule.perItem, `${o.quarter}整改要求“${o.request}”逾期未落实（期限${o.deadline}）`, [
					{ kind: 'rectification', id: o.id, quarter: o.quarter, deadline: o.deadline, status: o.status }
				])
			);
		case 'fee-review':
		case 'manual':
			return [];
	}
}

export function gradeFor(rubric: Rubric, total: number, vetoed: boolean): string {
	if (vetoed) return rubric.vetoGrade;
	return (rubric.bands.find((b) => total >= b.min) ?? rubric.bands[rubric.bands.length - 1]).grade;
}

/** Rounds away floating-point noise (manual points may be 0.5). */
const round = (n: number) => Math.round(n * 100) / 100;

export function scoreOrgan(rubric: Rubric, quarter: Quarter, ev: OrganEvidence): OrganScore {
	const indicators: IndicatorScore[] = [];
	const vetoes: { id: string; label: string }[] = [];
	const reviews: OrganScore['reviews'] = [];
	const { to } = quarterRange(quarter);
	for (const ind of rubric.indicators) {
		const items = autoItems(ind, ind.evidence, quarter, to, ev);
		for (const m of ev.manual)
			if (m.indicatorId === ind.id && (ind.manual || ind.evidence.kind === 'manual')) {
				items.push({
					key: `manual#${m.id}`,
					indicatorId: ind.id,
					points: m.points,
					what: m.reason,
					evidence: [{ kind: 'note', text: m.note ?? '', fileName: m.fileName, author: m.author }],
					source: 'manual',
					entryId: m.id
				});
				if (m.veto && ind.manualVeto) vetoes.push({ id: `manual#${m.id}`, label: `${ind.level2}：${m.reason}` });
			}
		if (ind.evidence.kind === 'fee-review' && ev.report && (ev.report.feeYuan ?? 0) > 0)
			reviews.push({
				indicatorId: ind.id,
				what: `${ev.report.year}年度收取信息处理费${ev.report.feeYuan}元，需人工复核是否合规`,
				evidence: [
					{
						kind: 'report',
						reportYear: ev.report.year,
						cells: ['fees.info_processing_fee_yuan'],
						text: `信息处理费${ev.report.feeYuan}元`
					}
				]
			});
		const raw = round(items.reduce((s, i) => s + i.points, 0));
		const lost = Math.min(raw, ind.cap);
		indicators.push({ id: ind.id, points: ind.points, lost, raw, score: round(ind.points - lost), items });
	}
	for (const v of rubric.vetoes) {
		const ind = indicators.find((i) => i.id === v.indicatorId);
		const auto = ind?.items.filter((i) => i.source === 'auto').length ?? 0;
		if (auto >= v.minItems) vetoes.unshift({ id: v.id, label: v.label });
	}
	const bonusItems = ev.manual
		.filter((m) => m.indicatorId === 'bonus')
		.map((m) => ({ entryId: m.id, points: m.points, reason: m.reason, note: m.note }));
	const bonus = Math.min(round(bonusItems.reduce((s, b) => s + b.points, 0)), rubric.bonus.cap);
	const deductions = round(indicators.reduce((s, i) => s + i.lost, 0));
	const total = round(rubric.base - deductions + bonus);
	const apps = ev.report?.applications ?? null;
	const unranked = !ev.report ? '无年报' : apps === null || apps < rubric.rankMinApplications ? '样本不足' : null;
	return {
		organId: ev.organId,
		organName: ev.organName,
		kind: ev.kind,
		indicators,
		deductions,
		bonus,
		bonusItems,
		total,
		vetoes,
		grade: gradeFor(rubric, total, vetoes.length > 0),
		rank: null,
		unranked,
		reviews,
		reasons: reasonsText(rubric, indicators, vetoes)
	};
}

function reasonsText(rubric: Rubric, indicators: IndicatorScore[], vetoes: { label: string }[]): string {
	const parts: string[] = vetoes.map((v) => `单项否决：${v.label}`);
	for (const s of indicators) {
		if (!s.lost) continue;
		const ind = rubric.indicators.find((i) => i.id === s.id)!;
		parts.push(
			`${ind.level2}扣${s.lost}分（${s.items.map((i) => i.what).join('；')}${s.raw > s.lost ? `；已达扣分上限${ind.cap}分` : ''}）`
		);
	}
	return parts.join('；');
}

/** Ranks by total, highest first; ties share a rank (1, 2, 2, 4); unranked organs keep rank null. */
export function rankScores(scores: OrganScore[]): OrganScore[] {
	const ranked = scores.filter((s) => !s.unranked).sort((a, b) => b.total - a.total);
	let prev: number | null = null;
	let rank = 0;
	ranked.forEach((s, i) => {
		if (s.total !== prev) rank = i + 1;
		prev = s.total;
		s.rank = rank;
	});
	return scores;
}

export function scoreQuarter(rubric: Rubric, quarter: Quarter, evidence: OrganEvidence[]): OrganScore[] {
	return rankScores(evidence.map((ev) => scoreOrgan(rubric, quarter, ev)));
}
