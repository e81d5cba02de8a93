// The headline row's data (the leader's first screen): the filter's last year against the year before, and the three
// organs that need attention most. Plain JSON, built by src/lib/server/metrics/headline.ts.
import { MIN_SAMPLE } from '../report/rates';
import type { OrganRef } from './data';

/** An organ counts as silent when its newest posting is more than this many days before the period's end. */
export const SILENCE_THRESHOLD_DAYS = 30;

/** A rate as its parts, so the page shows "12/40" beside the percentage. */
export interface RateParts {
	numerator: number;
	denominator: number;
	/** Reports left out because their own sums are broken (数据有误): never summed into a rate. */
	broken: number;
}

export interface AttentionOrgan {
	organ: OrganRef;
	/** Error-level findings in the organ's report of the year (null: no report that year). */
	errors: number | null;
	/** Days since its newest posting, when over the threshold. */
	silentDays: number | null;
	/** Its correction rate, when the sample is large enough and the figures pass their check, and at least the district's. */
	correction: { numerator: number; denominator: number } | null;
}

export interface HeadlineData {
	year: number;
	/** New applications (本年新收总计) this year and last year (null when no report of last year is loaded). */
	applications: { value: number; prev: number | null; reports: number };
	/** 公开率 = (予以公开 + 部分公开) ÷ 办理结果总计; 纠错率 = 结果纠正 ÷ 已审结. */
	openRate: { now: RateParts; prev: RateParts | null };
	correctionRate: { now: RateParts; prev: RateParts | null };
	/** This year's reports published after the deadline, and organs that reported before and not this year. */
	late: number;
	missing: number;
	/** Organs silent over the threshold, of those with a log; `broken`: organs whose crawled column failed (not judged). */
	silent: { count: number; organs: number; broken: number; end: string; thresholdDays: number };
	attention: AttentionOrgan[];
	minSample: number;
}

export function rateValue(r: Pick<RateParts, 'numerator' | 'denominator'> | null): number | null {
	return r && r.denominator > 0 ? r.numerator / r.denominator : null;
}

/** Sort order of the attention list: more kinds of problem first, then more errors, longer silence, higher rate. */
export function attentionOrder(a: AttentionOrgan, b: AttentionOrgan): number {
	const kinds = (x: AttentionOrgan) =>
		Number((x.errors ?? 0) > 0) + Number(x.silentDays !== null) + Number(x.correction !== null);
	return (
		kinds(b) - kinds(a) ||
		(b.errors ?? 0) - (a.errors ?? 0) ||
		(b.silentDays ?? 0) - (a.silentDays ?? 0) ||
		(rateValue(b.correction) ?? 0) - (rateValue(a.correction) ?? 0) ||
		a.organ.name.localeCompare(b.organ.name, 'zh-CN')
	);
}

export const ATTENTION_RULE = `按问题种类数排序（年报有错误、超过${SILENCE_THRESHOLD_DAYS}天未更新、纠错率不低于全区且已审结不少于${MIN_SAMPLE}件），同数再比错误数、沉默天数、纠错率`;
