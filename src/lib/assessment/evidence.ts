// What the scoring reads about one organ in one quarter. The server gathers it from the database; a closed
// quarter stores it (with the scores) as its snapshot, so the sheet can be re-derived exactly when disputed.
import type { ChannelActivity } from './channels';

export interface EvidenceFinding {
	rule: string;
	severity: string;
	message: string;
	cells: string[];
	/** A cross-report finding (another organ's report, the roster …), counted because a reviewer confirmed it. */
	cross?: true;
}

/** The annual report the quarter assesses (the year before the quarter's: its deadline falls in this year). */
export interface EvidenceReport {
	reportId: number;
	year: number;
	publishedOn: string | null;
	findings: EvidenceFinding[];
	/** 结果纠正 per section 4 group (reconsideration, litigation_direct, litigation_after_reconsideration). */
	corrected: { group: string; cases: number }[];
	/** 信息处理费 (yuan); null when the report says nothing. */
	feeYuan: number | null;
	/** 办理结果总计 (总计 column); null when blank. */
	applications: number | null;
}

export interface ManualEntry {
	id: number;
	/** An indicator id, or `bonus`. */
	indicatorId: string;
	/** Positive: points deducted (or, for `bonus`, added). */
	points: number;
	reason: string;
	note: string | null;
	fileName: string | null;
	veto: boolean;
	author: string | null;
	createdAt: string;
}

/** A rectification request of an earlier quarter, unmet by its deadline inside or before this quarter. */
export interface OverdueRectification {
	id: number;
	quarter: string;
	request: string;
	deadline: string;
	status: string;
}

export interface OrganEvidence {
	organId: number;
	organName: string;
	kind: string;
	report: EvidenceReport | null;
	channels: ChannelActivity[];
	manual: ManualEntry[];
	overdue: OverdueRectification[];
}
