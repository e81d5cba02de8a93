// Cases only a database of many reports can show, injected into a generated district with their truth: texts copied
// from another organ (small edits), a government whose sums disagree with its organs', a missing year, a section-2
// stock break, and a silent edit after publication. Without injection the district is clean for these rules: its
// prose carries a distinctive paragraph per organ-year (so no two organs' texts are alike by chance), the
// government's sections 3 and 4 are the sums of its organs', and section 2's stock carries over.
import type { Report } from '../report/model';
import { APPLICANT_COLUMNS } from '../report/template';
import type { Rng } from './prng';
import type { Organ } from './organs';

export interface CrossOptions {
	/** Pairs of organs whose section 1 or 5 is copied (default 2). */
	copies?: number;
	/** Inject one disagreement between the government and its organs' sums (default true). */
	parentMismatch?: boolean;
	/** Organs with one year missing (default 1). */
	missing?: number;
	/** Section 2 stock breaks (default 1). */
	stockBreaks?: number;
	/** Reports edited after publication (default 1). */
	silentEdits?: number;
}

/** A case the cross-report rules must find (X6 both sides; H1 on the parent; X7 on the organ; X4, D3 on the report). */
export interface CrossTruth {
	rule: 'X6' | 'H1' | 'X7' | 'X4' | 'D3';
	organ_id: string;
	year: number;
	other_organ_id?: string;
	section?: '1' | '5';
}

/** A later revision of a published report: same organ and year, figures changed. */
export interface SilentEdit {
	organ_id: string;
	year: number;
	after: Report;
}

const SUBJECTS = [
	'老旧小区改造',
	'义务教育招生',
	'医保报销',
	'养老服务补贴',
	'河湖长制',
	'农村公路养护',
	'垃圾分类',
	'食品安全抽检',
	'安全生产检查',
	'就业创业扶持',
	'住房公积金',
	'不动产登记',
	'退役军人优待',
	'残疾人救助',
	'社区矫正',
	'消防隐患排查',
	'扬尘治理',
	'校外培训监管',
	'公共法律服务',
	'文物保护',
	'旅游市场整治',
	'农业补贴发放',
	'林地保护',
	'城市内涝治理',
	'停车设施建设',
	'电梯安全监管',
	'燃气管网改造',
	'重大项目审批',
	'惠企政策兑现',
	'统计数据发布',
	'审计整改',
	'征地补偿',
	'最低生活保障',
	'临时救助',
	'公共文化服务',
	'体育场馆开放',
	'交通违法处理',
	'营运车辆监管',
	'水质监测',
	'空气质量预报',
	'噪声污染投诉',
	'建筑工地监管',
	'物业服务管理',
	'市场价格监测',
	'药品零售监管',
	'疫苗接种服务',
	'家庭医生签约',
	'高标准农田',
	'集体资产管理',
	'乡村振兴项目',
	'公益岗位招聘',
	'人才引进补贴',
	'科技项目申报',
	'专利资助',
	'节能减排',
	'政府采购项目',
	'预算执行情况',
	'债务管理',
	'信访积案化解',
	'应急物资储备'
];
const ACTIONS = [
	'专题页面全年更新',
	'办事指南逐项修订',
	'政策问答集中发布',
	'进展情况按月公示',
	'资金分配结果公开',
	'申请条件一次性告知',
	'办理结果限时反馈',
	'典型案例定期通报',
	'意见征集全程留痕',
	'解读材料同步上线',
	'数据清单动态调整',
	'现场咨询定点开展',
	'线上留言逐条回复',
	'监督电话全面公布',
	'评审名单提前公示',
	'检查结果按季公开',
	'补助标准对外公布',
	'工作台账规范建立',
	'听证座谈及时召开',
	'整改情况跟踪公开',
	'服务承诺上墙公示',
	'政策汇编印发社区',
	'流程图解张贴窗口',
	'短视频解读推送',
	'企业走访逐户登记',
	'群众评议纳入考核',
	'公示期满无异议',
	'档案资料集中归档',
	'专家论证记录公开',
	'第三方评估结果发布'
];

/** An organ-year's own paragraph: eight work items nobody else lists in the same way. */
export function distinctiveParagraph(rng: Rng): string {
	const items: string[] = [];
	for (let i = 0; i < 8; i++) items.push(`${rng.pick(SUBJECTS)}${rng.pick(ACTIONS)}`);
	return `本年度具体做法包括：${items.join('，')}。`;
}

type Entry = { organ_id: string; report: Report };

const rows = (r: Report) => r.applications.rows as Record<string, (number | null)[]>;

/** The government's sections 3 and 4 as the sums of its organs' reports of that year (same rows, same columns). */
function sumChildren(parent: Report, children: Report[]) {
	for (const [key, row] of Object.entries(rows(parent)))
		row.forEach(
			(_, i) => (row[i] = children.reduce((s, c) => s + ((rows(c)[key]?.[i] as number | undefined) ?? 0), 0))
		);
	for (const [g, row] of Object.entries(parent.review) as [string, (number | null)[]][])
		row.forEach(
			(_, i) =>
				(row[i] = children.reduce((s, c) => s + ((c.review as Record<string, (number | null)[]>)[g]?.[i] ?? 0), 0))
		);
}

/** `k` more applications granted to natural persons: every identity of sections 3 still holds. */
function addGranted(r: Report, k: number) {
	const np = 0;
	const tot = APPLICANT_COLUMNS.length - 1;
	for (const key of ['new', 'granted', 'results_total']) {
		const row = rows(r)[key];
		row[np] = (row[np] as number) + k;
		row[tot] = (row[tot] as number) + k;
	}
}

function smallEdits(text: string, rng: Rng): string {
	// Two small changes, as a copier adapting the text would make: words swapped where they occur, else a clause added.
	let t = text;
	let done = 0;
	const pairs = rng.shuffle([
		['全年', '年内'],
		['逐项', '逐条'],
		['及时', '按时'],
		['定期', '按期'],
		['集中', '统一'],
		['加强', '强化'],
		['规范', '完善']
	]);
	for (const [a, b] of pairs) {
		if (done === 2) break;
		if (!t.includes(a)) continue;
		t = t.replace(a, b);
		done++;
	}
	if (done < 2) t += '同时进一步加强日常监督。';
	return t;
}

export interface Injected {
	entries: Entry[];
	truth: CrossTruth[];
	edits: SilentEdit[];
}

/**
 * Applies the cases to the district's reports (all years, grouped by organ, each list in year order): the
 * government's figures become its organs' sums first, then each injection is drawn. `refresh` recomputes a report's
 * own truth findings after its figures or its previous year changed.
 */
export function injectCrossCases(
	entries: Entry[],
	organs: Organ[],
	years: number[],
	opts: CrossOptions,
	rng: Rng,
	refresh: (e: Entry, prev: Report | null) => void
): Injected {
	const truth: CrossTruth[] = [];
	const edits: SilentEdit[] = [];
	const byOrgan = new Map<string, Entry[]>();
	for (const e of entries) byOrgan.set(e.organ_id, [...(byOrgan.get(e.organ_id) ?? []), e]);
	const gov = organs.filter((o) => o.id.endsWith('-gov'));
	const childrenOf = (g: Organ) => organs.filter((o) => o.district === g.district && o.id !== g.id);
	const taken = new Set<string>();
	const candidates = (pred: (o: Organ) => boolean) => organs.filter((o) => pred(o) && !taken.has(o.id));

	// A missing year: the middle of the range, for organs that are not a government.
	let kept = entries;
	for (let i = 0; i < (opts.missing ?? 1); i++) {
		const o = rng.pick(candidates((x) => !x.id.endsWith('-gov')));
		taken.add(o.id);
		const year = years[Math.floor(years.length / 2)];
		kept = kept.filter((e) => !(e.organ_id === o.id && e.report.year === year));
		truth.push({ rule: 'X7', organ_id: o.id, year });
	}
	for (const [id, list] of byOrgan)
		byOrgan.set(
			id,
			list.filter((e) => kept.includes(e))
		);

	// Governments sum their organs, year by year.
	for (const g of gov)
		for (const year of years) {
			const parent = byOrgan.get(g.id)?.find((e) => e.report.year === year);
			if (!parent) continue;
			const kids = childrenOf(g).flatMap((c) => byOrgan.get(c.id)?.filter((e) => e.report.year === year) ?? []);
			sumChildren(
				parent.report,
				kids.map((k) => k.report)
			);
		}
	if ((opts.parentMismatch ?? true) && gov.length) {
		const g = gov[0];
		const year = years[years.length - 1];
		const parent = byOrgan.get(g.id)?.find((e) => e.report.year === year);
		if (parent) {
			addGranted(parent.report, 7);
			// Next year's carried over is unchanged: the extra cases were concluded this year.
			truth.push({ rule: 'H1', organ_id: g.id, year });
		}
	}

	// Section 2 stock break: 现行有效 off by 3 in a 2021-format year with last year's report held.
	for (let i = 0; i < (opts.stockBreaks ?? 1); i++) {
		const o = rng.pick(candidates((x) => !x.id.endsWith('-gov')));
		taken.add(o.id);
		const list = byOrgan.get(o.id)!;
		const at = list.findIndex(
			(e, j) =>
				j > 0 &&
				e.report.template === '2021' &&
				list[j - 1].report.template === '2021' &&
				list[j - 1].report.year === e.report.year! - 1
		);
		if (at < 0) continue;
		const nd = list[at].report.proactive.normative_docs;
		nd.in_force = (nd.in_force as number) + 3;
		truth.push({ rule: 'X4', organ_id: o.id, year: list[at].report.year! });
		// The next year's stock continues from the broken figure: it must not break twice.
		const next = list[at + 1];
		if (next && next.report.year === list[at].report.year! + 1) {
			const n = next.report.proactive.normative_docs;
			n.in_force = (n.in_force as number) + 3;
		}
	}

	// Copies: a copier takes a source's section (same year) with small edits.
	for (let i = 0; i < (opts.copies ?? 2); i++) {
		const src = rng.pick(candidates((x) => !x.id.endsWith('-gov')));
		taken.add(src.id);
		const copier = rng.pick(candidates((x) => !x.id.endsWith('-gov')));
		taken.add(copier.id);
		const section = i % 2 === 0 ? '1' : '5';
		const year = years[years.length - 1];
		const a = byOrgan.get(src.id)?.find((e) => e.report.year === year);
		const b = byOrgan.get(copier.id)?.find((e) => e.report.year === year);
		if (!a || !b) continue;
		b.report.sections[section] = smallEdits(
			a.report.sections[section]!.replaceAll(a.report.organ, b.report.organ),
			rng
		);
		truth.push(
			{ rule: 'X6', organ_id: copier.id, year, other_organ_id: src.id, section },
			{ rule: 'X6', organ_id: src.id, year, other_organ_id: copier.id, section }
		);
	}

	// A silent edit: a later revision changes section 2 (the sums of section 3 and 4 stay as they were).
	for (let i = 0; i < (opts.silentEdits ?? 1); i++) {
		const o = rng.pick(candidates((x) => !x.id.endsWith('-gov')));
		taken.add(o.id);
		const e = byOrgan.get(o.id)!.at(-1)!;
		const after = structuredClone(e.report);
		const p = after.proactive.penalty as Record<string, number | null>;
		p.decisions = (p.decisions ?? 0) + 2;
		edits.push({ organ_id: o.id, year: e.report.year!, after });
		truth.push({ rule: 'D3', organ_id: o.id, year: e.report.year! });
	}

	// Own findings of every report again: figures and previous years may have changed.
	for (const list of byOrgan.values())
		list.forEach((e, j) => {
			const prev = j > 0 && list[j - 1].report.year === e.report.year! - 1 ? list[j - 1].report : null;
			refresh(e, prev);
		});
	return { entries: kept, truth, edits };
}
