// Figures with a realistic shape: most organs get a handful of applications a year, a few get hundreds with a
// trend; natural persons dominate; outcomes and refusal reasons in plausible proportions; what is carried forward at
// the end of one year is what is carried over at the start of the next.
import type { Proactive, Row5, Row7 } from '../report/model';
import {
	applicationRowKeys,
	outcomeRowKeys,
	REVIEW_GROUPS,
	type ApplicationRowKey,
	type ReviewGroup,
	type TemplateVersion
} from '../report/template';
import type { Organ, Role, Scale } from './organs';
import type { Rng } from './prng';

export interface YearFigures {
	template: TemplateVersion;
	otherLayout: TemplateVersion;
	proactive: Proactive;
	rows: Partial<Record<ApplicationRowKey, Row7>>;
	review: Partial<Record<ReviewGroup, Row5>>;
	feeYuan: number;
}

/** State carried from one year to the next (stocks and the carry-forward). */
export interface OrganState {
	forward: number[] | null;
	normativeInForce: number;
	normativePublicTotal: number;
	items: Record<string, number>;
}

const BASE_VOLUME: Record<Scale, [number, number]> = {
	heavy: [60, 420],
	medium: [6, 40],
	small: [0.5, 6],
	tiny: [0, 1.5]
};

// 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他
const APPLICANT_WEIGHTS = [0.88, 0.05, 0.003, 0.004, 0.033, 0.03];

const OUTCOME_WEIGHTS: Record<string, number> = {
	granted: 0.38,
	partial: 0.07,
	'refused.state_secret': 0.002,
	'refused.law_prohibited': 0.004,
	'refused.three_safeties': 0.003,
	'refused.third_party': 0.02,
	'refused.internal_affairs': 0.02,
	'refused.process_info': 0.02,
	'refused.enforcement_file': 0.008,
	'refused.query_matter': 0.015,
	'unable.not_held': 0.22,
	'unable.needs_creation': 0.03,
	'unable.unclear': 0.03,
	'not_processed.petition': 0.04,
	'not_processed.duplicate': 0.03,
	'not_processed.publication': 0.004,
	'not_processed.excessive': 0.005,
	'not_processed.confirm': 0.01,
	'other.no_correction': 0.03,
	'other.no_fee': 0.001,
	'other.other': 0.03,
	other: 0.061
};

/** Per-organ constants drawn once: volume, trend, licensing scale. */
export interface OrganProfile {
	volume: number;
	trend: number;
	licensing: number;
	penalty: number;
	enforcement: number;
	feesWan: number;
	normativeRate: number;
	procurement: number;
}

export function organProfile(organ: Organ, rng: Rng): OrganProfile {
	const [lo, hi] = BASE_VOLUME[organ.scale];
	const r = ROLE_ACTIVITY[organ.role];
	const spread = (x: number) => (x === 0 ? 0 : Math.round(x * (0.5 + rng.next())));
	return {
		volume: lo + (hi - lo) * rng.next() ** 1.5,
		trend: organ.scale === 'heavy' ? rng.pick([-0.25, -0.12, 0.08, 0.18, 0.3]) : (rng.next() - 0.5) * 0.3,
		licensing: spread(r.licensing),
		penalty: spread(r.penalty),
		enforcement: spread(r.enforcement),
		feesWan: r.feesWan * (0.5 + rng.next()),
		normativeRate: organ.role === 'government' ? 6 + rng.next() * 6 : rng.next() < 0.5 ? rng.next() * 2 : 0,
		procurement: organ.kind === 'street' || organ.kind === 'town' ? rng.int(0, 6) : rng.int(0, 30)
	};
}

const ROLE_ACTIVITY: Record<Role, { licensing: number; penalty: number; enforcement: number; feesWan: number }> = {
	government: { licensing: 0, penalty: 0, enforcement: 0, feesWan: 0 },
	office: { licensing: 0, penalty: 0, enforcement: 0, feesWan: 0 },
	approval: { licensing: 9000, penalty: 0, enforcement: 0, feesWan: 0 },
	market: { licensing: 3000, penalty: 400, enforcement: 30, feesWan: 4 },
	police: { licensing: 1500, penalty: 2500, enforcement: 400, feesWan: 60 },
	urban: { licensing: 300, penalty: 900, enforcement: 60, feesWan: 15 },
	natural_resources: { licensing: 250, penalty: 60, enforcement: 5, feesWan: 2200 },
	housing: { licensing: 400, penalty: 40, enforcement: 3, feesWan: 250 },
	health: { licensing: 900, penalty: 120, enforcement: 2, feesWan: 8 },
	environment: { licensing: 120, penalty: 80, enforcement: 15, feesWan: 0 },
	transport: { licensing: 300, penalty: 150, enforcement: 20, feesWan: 3 },
	education: { licensing: 40, penalty: 2, enforcement: 0, feesWan: 0 },
	plain: { licensing: 8, penalty: 2, enforcement: 0, feesWan: 0 },
	street: { licensing: 0, penalty: 5, enforcement: 0, feesWan: 0 },
	town: { licensing: 3, penalty: 12, enforcement: 1, feesWan: 0 }
};

export function initialState(profile: OrganProfile, organ: Organ, rng: Rng): OrganState {
	const carried = organ.scale === 'heavy' ? Math.round(profile.volume * 0.04 * rng.next()) : rng.chance(0.1) ? 1 : 0;
	const items: Record<string, number> = {
		licensing: profile.licensing > 0 ? rng.int(10, 160) : 0,
		other_services: profile.licensing > 0 || organ.kind !== 'department' ? rng.int(0, 40) : rng.int(0, 5),
		penalty: profile.penalty > 0 ? rng.int(20, 900) : 0,
		enforcement: profile.enforcement > 0 ? rng.int(3, 40) : 0,
		admin_fees: profile.feesWan > 0 ? rng.int(1, 15) : 0
	};
	return {
		forward: carried > 0 ? splitApplicants(carried, rng) : [0, 0, 0, 0, 0, 0],
		normativeInForce: Math.round(profile.normativeRate * (1 + rng.next() * 4)),
		normativePublicTotal: Math.round(profile.normativeRate * (2 + rng.next() * 6)),
		items
	};
}

function splitApplicants(n: number, rng: Rng): number[] {
	return rng.multinomial(n, APPLICANT_WEIGHTS);
}

const withTotal = (v: number[]): Row7 => [...v, v.reduce((a, b) => a + b, 0)] as Row7;
const round2 = (x: number) => Math.round(x * 100) / 100;

export function yearFigures(
	organ: Organ,
	profile: OrganProfile,
	state: OrganState,
	year: number,
	firstYear: number,
	rng: Rng,
	hybrid: boolean
): YearFigures {
	const template = year >= 2021 ? '2021' : '2019';
	const otherLayout = template === '2021' && hybrid ? '2019' : template;
	const t = year - firstYear;
	const level = profile.volume * Math.exp(profile.trend * t) * (0.8 + 0.4 * rng.next());

	// Section 3.
	const newCount = rng.poisson(level);
	const newRow = splitApplicants(newCount, rng);
	const carried = state.forward ?? [0, 0, 0, 0, 0, 0];
	const forwardRate = organ.scale === 'heavy' ? 0.02 + rng.next() * 0.06 : 0.03;
	const forward = newRow.map((n, i) => rng.binomial(n + carried[i], forwardRate));
	const outcomeKeys = outcomeRowKeys(otherLayout);
	const weights = outcomeKeys.map((k) => OUTCOME_WEIGHTS[k]);
	const byRow: number[][] = outcomeKeys.map(() => [0, 0, 0, 0, 0, 0]);
	for (let c = 0; c < 6; c++) {
		const done = newRow[c] + carried[c] - forward[c];
		const split = rng.multinomial(done, weights);
		split.forEach((v, i) => (byRow[i][c] = v));
	}
	const rows: Partial<Record<ApplicationRowKey, Row7>> = {};
	for (const key of applicationRowKeys(otherLayout)) {
		if (key === 'new') rows[key] = withTotal(newRow);
		else if (key === 'carried_over') rows[key] = withTotal(carried);
		else if (key === 'carried_forward') rows[key] = withTotal(forward);
		else if (key === 'results_total')
			rows[key] = withTotal([0, 1, 2, 3, 4, 5].map((c) => newRow[c] + carried[c] - forward[c]));
		else rows[key] = withTotal(byRow[outcomeKeys.indexOf(key)]);
	}
	state.forward = forward;

	// Section 4: rare; heavy organs see some, a few corrected.
	const reviewRate = organ.scale === 'heavy' ? level * 0.03 : organ.scale === 'medium' ? 0.3 : 0.04;
	const review: Partial<Record<ReviewGroup, Row5>> = {};
	for (const g of REVIEW_GROUPS) {
		const rate =
			g === 'reconsideration' ? reviewRate : g === 'litigation_direct' ? reviewRate * 0.45 : reviewRate * 0.2;
		const total = rng.poisson(rate);
		const [upheld, corrected, other, pending] = rng.multinomial(total, [0.6, 0.1, 0.15, 0.15]);
		review[g] = [upheld, corrected, other, pending, total];
	}

	// Section 6: 信息处理费 only exists from 2021 (国办函〔2020〕109号); rare and small.
	const feeYuan = year >= 2021 && newCount > 20 && rng.chance(0.08) ? rng.int(1, 40) * 50 : 0;

	const proactive =
		template === '2021' ? proactive2021(profile, state, level, rng) : proactive2019(profile, state, rng);
	return { template, otherLayout, proactive, rows, review, feeYuan };
}

function drift(base: number, rng: Rng): number {
	return base === 0 ? 0 : Math.max(0, Math.round(base * (0.7 + 0.6 * rng.next())));
}

function proactive2021(p: OrganProfile, s: OrganState, _level: number, rng: Rng): Proactive {
	const issued = rng.poisson(p.normativeRate);
	const repealed = Math.min(s.normativeInForce, rng.poisson(p.normativeRate * 0.35));
	s.normativeInForce = s.normativeInForce + issued - repealed;
	return {
		rules: { issued: 0, repealed: 0, in_force: 0 },
		normative_docs: { issued, repealed, in_force: s.normativeInForce },
		licensing: { decisions: drift(p.licensing, rng) },
		penalty: { decisions: drift(p.penalty, rng) },
		enforcement: { decisions: drift(p.enforcement, rng) },
		admin_fees: { amount_10k_yuan: p.feesWan === 0 ? 0 : round2(p.feesWan * (0.6 + 0.8 * rng.next())) }
	};
}

function proactive2019(p: OrganProfile, s: OrganState, rng: Rng): Proactive {
	const made = rng.poisson(p.normativeRate);
	s.normativePublicTotal += made;
	s.normativeInForce += made;
	const itemRow = (key: string, decisions: number) => {
		const prev = s.items[key];
		const change = prev === 0 ? (rng.chance(0.05) ? 1 : 0) : rng.int(-Math.min(prev, 5), 5);
		s.items[key] = prev + change;
		return { prev_items: prev, change, decisions };
	};
	const fees = itemRow('admin_fees', 0);
	const items = p.procurement === 0 ? 0 : drift(p.procurement, rng);
	const amount = items === 0 ? 0 : round2(items * (20 + 200 * rng.next()));
	return {
		rules: { made: 0, published: 0, total_public: 0 },
		normative_docs: { made, published: made, total_public: s.normativePublicTotal },
		licensing: itemRow('licensing', drift(p.licensing, rng)),
		other_services: itemRow('other_services', drift(Math.round(p.licensing * 0.2), rng)),
		penalty: itemRow('penalty', drift(p.penalty, rng)),
		enforcement: itemRow('enforcement', drift(p.enforcement, rng)),
		admin_fees: { prev_items: fees.prev_items, change: fees.change },
		procurement: { items, amount_10k_yuan: amount }
	};
}
