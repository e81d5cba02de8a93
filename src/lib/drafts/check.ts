// A draft checked exactly as an import would check it, without storing anything: the report's own checks (from
// the parse), the cross-year checks against the organ's stored report of the year before (Y1, X3, X5) and T1 —
// the very `computeFindings` the writer runs — plus what would make the import refuse the file.
import type { Finding, Report as Model } from '../report/model';
import type { OrganKind } from '../report/organ';
import { computeFindings } from '../report/effective-findings';
import { fixList, type FixItem } from './fix-list';

export interface DraftOrgan {
	id: number;
	name: string;
	kind: OrganKind;
}

export interface DraftCheckInput {
	/** The parsed draft, as the parser produced it (its own findings included). */
	model: Model;
	/** The organ the draft is checked as; null when the database does not hold it (checked on the report alone). */
	organ: DraftOrgan | null;
	/** The organ's stored effective report of `model.year - 1`, or null. */
	previous: Model | null;
	/** Reasons an import would refuse the file (no year, no organ, another organ's report…), in Chinese. */
	blocking?: string[];
}

export interface DraftCheck {
	organ: string;
	organId: number | null;
	year: number | null;
	template: string;
	/** The year of the stored report the cross-year checks read, or null when there was none. */
	comparedWith: number | null;
	findings: Finding[];
	blocking: string[];
	errors: number;
	warnings: number;
	/** No error-level finding and nothing blocking: the import would take it without an error. */
	clean: boolean;
	/** What to fix before publishing, most serious first. */
	fixes: FixItem[];
}

export function checkDraft(input: DraftCheckInput): DraftCheck {
	const { model, organ, previous } = input;
	const blocking = [...(input.blocking ?? [])];
	if (!model.year)
		blocking.push(
			'无法确定报告年度：标题或统计期限中没有年份，导入时会被拒绝。请在标题中写明“××年政府信息公开工作年度报告”。'
		);
	if (!model.organ?.trim())
		blocking.push('无法确定发布单位：标题中没有机关名称，导入时会被拒绝。请在标题中写明单位全称。');
	// The previous year's report only counts when it is the year just before (checkCarryOver guards the same).
	const prev = previous && model.year && previous.year === model.year - 1 ? previous : null;
	const findings = computeFindings(model, prev, organ?.kind ?? 'other', true);
	const errors = findings.filter((f) => f.severity === 'error').length;
	return {
		organ: organ?.name ?? model.organ ?? '',
		organId: organ?.id ?? null,
		year: model.year ?? null,
		template: model.template,
		comparedWith: prev ? (prev.year ?? null) : null,
		findings,
		blocking,
		errors,
		warnings: findings.length - errors,
		clean: errors === 0 && blocking.length === 0,
		fixes: fixList(findings, blocking)
	};
}
