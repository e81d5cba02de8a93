// The data each dashboard chart draws: what the server's metrics return and the option builders, tables and CSV
// read. Plain JSON (it travels from the server load to the browser). Counts are sums over the filtered reports.

export const APPLICANT_TYPES = [
	'natural_person',
	'commercial',
	'research',
	'social_org',
	'legal_service',
	'other_org'
] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export interface VolumeData {
	years: number[];
	/** New applications (本年新收) per applicant type, one value per year. */
	byType: Record<ApplicantType, number[]>;
	/** 本年新收 总计 column per year. */
	total: number[];
	/** Reports contributing, per year. */
	reports: number[];
}

export const OUTCOME_GROUPS = ['granted', 'partial', 'refused', 'unable', 'not_processed', 'other'] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];

export interface OutcomesData {
	years: number[];
	/** Handled applications (总计 column) per outcome group, one value per year. */
	counts: Record<OutcomeGroup, number[]>;
}

export const REFUSAL_REASONS = [
	'refused.state_secret',
	'refused.law_prohibited',
	'refused.three_safeties',
	'refused.third_party',
	'refused.internal_affairs',
	'refused.process_info',
	'refused.enforcement_file',
	'refused.query_matter',
	'unable.not_held',
	'unable.needs_creation',
	'unable.unclear'
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface RefusalsData {
	years: number[];
	counts: Record<RefusalReason, number[]>;
}

export interface OrganRef {
	id: number;
	name: string;
}

export interface UpdatesData {
	/** 'YYYY-MM' of every month in the year range. */
	months: string[];
	/** Organs on the heat map (the filtered organs, least active first, capped). */
	organs: OrganRef[];
	/** Organs left off the heat map by the cap. */
	organsLeftOff: number;
	/** [monthIndex, organIndex, postings]; months without postings are absent. */
	cells: [number, number, number][];
	/** Per year: organs that updated in at least WEEKLY_COVERAGE of the year's weeks, of the organs with a log. */
	weekly: { year: number; met: number; organs: number }[];
	/**
	 * Longest gaps between postings (including until the end of the range), longest first. `broken`: a crawled
	 * column of the organ failed on its last run, so the silence may be ours, not the organ's.
	 */
	silences: { organ: OrganRef; days: number; from: string; to: string; broken?: true }[];
	/** Crawled columns whose last crawl failed ("source broken": unknown, distinct from silent). */
	broken: { organ: OrganRef; channel: string; reason: string | null }[];
}

export interface FeesData {
	years: number[];
	/** 信息处理费 (section 6), yuan, summed per year. */
	infoFeeYuan: number[];
	/** 行政事业性收费 (section 2, 2021 template), 万元, summed per year. */
	adminFee10k: number[];
	/** Organ-years with either fee above zero. */
	charging: { organ: OrganRef; year: number; infoFeeYuan: number; adminFee10k: number }[];
}

export interface ReviewYear {
	year: number;
	reconsideration: { total: number; corrected: number; concluded: number };
	litigation: { total: number; corrected: number; concluded: number };
}

export interface ReviewData {
	years: ReviewYear[];
	/** Organ-years with at least one corrected case. */
	corrected: { organ: OrganRef; year: number; reconsideration: number; litigation: number }[];
}

export interface QualityYear {
	year: number;
	onTime: number;
	late: number;
	/** A report whose publication date is unknown. */
	undated: number;
	/** Organs that had reported in an earlier year and have no report this year. */
	missing: number;
	/** Reports with at least one finding. */
	withFindings: number;
}

export interface QualityData {
	years: QualityYear[];
	/** Reports with at least one finding of each rule, over the range; most frequent first. */
	byRule: { rule: string; name: string; reports: number }[];
	/** Findings (a report's own and the cross-report ones) by review status, over the range. */
	reviews: { open: number; confirmed: number; dismissed: number };
}

export interface RankedOrgan {
	organ: OrganRef;
	value: number | null;
	/** For a rate: numerator and denominator, and whether the sample is large enough to rank. */
	numerator?: number;
	denominator?: number;
	enough: boolean;
	/** A report of the period has broken sums for this rate (数据有误): no value, no sample. */
	broken?: boolean;
}

export type RankingMeasure = 'applications' | 'refusal_rate' | 'correction_rate' | 'update_frequency';

export interface RankingsData {
	/** The year a click opens (the period's last year). */
	year: number;
	/** The years the rankings sum (by default the filter's last year only). */
	fromYear: number;
	toYear: number;
	minSample: number;
	/** Every filtered organ per measure: ranked ones first (best-known order), then 样本不足 ones. */
	measures: Record<RankingMeasure, RankedOrgan[]>;
}

export interface DashboardData {
	volume: VolumeData;
	outcomes: OutcomesData;
	refusals: RefusalsData;
	updates: UpdatesData;
	fees: FeesData;
	review: ReviewData;
	quality: QualityData;
	rankings: RankingsData;
}

export const CHART_IDS = [
	'volume',
	'outcomes',
	'refusals',
	'updates',
	'fees',
	'review',
	'quality',
	'rankings'
] as const;
export type ChartId = (typeof CHART_IDS)[number];
