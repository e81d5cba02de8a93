import { sql } from 'drizzle-orm';
import { blob, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../auth/permissions';
import { SEVERITIES } from '../../report/model';
import { ORGAN_KINDS } from '../../report/organ';

const now = sql`(unixepoch('subsec') * 1000)`;

// The owner columns most tables share: the organ or report a row belongs to, deleted with it.
const belongsToOrgan = () =>
	integer('organ_id')
		.notNull()
		.references(() => organ.id, { onDelete: 'cascade' });
const belongsToReport = () =>
	integer('report_id')
		.notNull()
		.references(() => report.id, { onDelete: 'cascade' });

export const organ = sqliteTable(
	'organ',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		name: text('name').notNull(),
		/** Simplified script, widths folded, spaces and punctuation dropped: the key organs are matched by. */
		normalizedName: text('normalized_name').notNull(),
		kind: text('kind', { enum: ORGAN_KINDS }).notNull().default('department'),
		parentId: integer('parent_id'),
		/** district (on the roster) | pending (seen in an import, not decided) | outside (kept, never counted). */
		status: text('status').notNull().default('district'),
		/** Roster membership, both inclusive; null: open on that side (see lib/organs/roster.ts). */
		rosterFrom: integer('roster_from'),
		rosterTo: integer('roster_to'),
		sortOrder: integer('sort_order').notNull().default(0),
		/** Moves on every roster change (status, years): the dashboard's cache key reads it. */
		changedAt: integer('changed_at').notNull().default(0),
		createdAt: integer('created_at').notNull().default(now)
	},
	(t) => [uniqueIndex('organ_normalized_name_uq').on(t.normalizedName), index('organ_status_idx').on(t.status)]
);

export const organAlias = sqliteTable(
	'organ_alias',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organId: belongsToOrgan(),
		alias: text('alias').notNull(),
		normalizedAlias: text('normalized_alias').notNull(),
		/** The years the name was in use (a renaming's old name), both inclusive; null: open. */
		validFrom: integer('valid_from'),
		validTo: integer('valid_to')
	},
	(t) => [uniqueIndex('organ_alias_normalized_uq').on(t.normalizedAlias), index('organ_alias_organ_idx').on(t.organId)]
);

export const user = sqliteTable('user', {
	id: text('id').primaryKey(),
	username: text('username').notNull().unique(),
	displayName: text('display_name'),
	passwordHash: text('password_hash').notNull(),
	role: text('role', { enum: ROLES }).notNull(),
	/** The one organ a clerk is bound to; null for the other roles. */
	organId: integer('organ_id').references(() => organ.id),
	/** A disabled account cannot sign in; its sessions were ended when it was disabled. */
	disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
	lastLoginAt: integer('last_login_at'),
	createdAt: integer('created_at').notNull().default(now)
});

export const session = sqliteTable(
	'session',
	{
		/** sha256 of the token (hex): the token itself is never stored. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at').notNull()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

export const loginFailure = sqliteTable(
	'login_failure',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** Lower-cased and cut to the longest username allowed: what an attacker sends is not stored as sent. */
		username: text('username').notNull(),
		/** The client address the attempt came from ('' where there is none, e.g. a test). */
		address: text('address').notNull().default(''),
		at: integer('at').notNull()
	},
	(t) => [
		index('login_failure_username_at_idx').on(t.username, t.at),
		index('login_failure_address_at_idx').on(t.address, t.at)
	]
);

export const report = sqliteTable(
	'report',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organId: integer('organ_id')
			.notNull()
			.references(() => organ.id),
		year: integer('year').notNull(),
		currentRevisionId: integer('current_revision_id'),
		// Denormalised from the current revision (with corrections applied) for list pages and charts.
		template: text('template'),
		publishedOn: text('published_on'),
		feeYuan: real('fee_yuan'),
		findingsCount: integer('findings_count').notNull().default(0),
		updatedAt: integer('updated_at').notNull().default(now)
	},
	(t) => [uniqueIndex('report_organ_year_uq').on(t.organId, t.year), index('report_year_idx').on(t.year)]
);

export const revision = sqliteTable(
	'revision',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		reportId: belongsToReport(),
		sha256: text('sha256').notNull(),
		fileName: text('file_name').notNull(),
		format: text('format').notNull(),
		encoding: text('encoding'),
		/** Content-addressed path of the original bytes, relative to the data directory. */
		filePath: text('file_path').notNull(),
		fileSize: integer('file_size').notNull(),
		parserVersion: text('parser_version').notNull(),
		/** The parsed model (report-model.md JSON), as the parser produced it: corrections live apart. */
		modelJson: text('model_json').notNull(),
		warningsJson: text('warnings_json').notNull().default('[]'),
		importedBy: text('imported_by').references(() => user.id),
		importedAt: integer('imported_at').notNull().default(now)
	},
	(t) => [index('revision_report_idx').on(t.reportId), index('revision_sha_idx').on(t.sha256)]
);

/**
 * One row per report × table row, with up to seven columns: section 3 rows use all seven (applicant columns),
 * section 4 groups the first five, section 2 items their fields in template order. Effective values
 * (corrections applied) of the report's current revision: what the charts aggregate.
 */
export const figure = sqliteTable(
	'figure',
	{
		reportId: belongsToReport(),
		/** applications | review | proactive */
		section: text('section').notNull(),
		rowKey: text('row_key').notNull(),
		c0: real('c0'),
		c1: real('c1'),
		c2: real('c2'),
		c3: real('c3'),
		c4: real('c4'),
		c5: real('c5'),
		c6: real('c6')
	},
	(t) => [
		uniqueIndex('figure_report_row_uq').on(t.reportId, t.section, t.rowKey),
		index('figure_section_row_idx').on(t.section, t.rowKey)
	]
);

/** Findings of a report's current effective model: the parser's own checks plus those needing the database (Y1, T1). */
export const finding = sqliteTable(
	'finding',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		reportId: belongsToReport(),
		rule: text('rule').notNull(),
		severity: text('severity', { enum: SEVERITIES }).notNull(),
		message: text('message').notNull(),
		cellsJson: text('cells_json').notNull().default('[]'),
		/** Rule + organ + year + cells + the values involved (src/lib/cross/fingerprint.ts): what a review decides on. */
		fingerprint: text('fingerprint').notNull().default('')
	},
	(t) => [
		index('finding_report_idx').on(t.reportId),
		index('finding_rule_idx').on(t.rule),
		index('finding_fingerprint_idx').on(t.fingerprint)
	]
);

/**
 * Findings that need other reports (X6, X7, H1, D3), kept by the writers for the reports an import or correction
 * affects. The subject is organ × year (a missing report has no report row); the other side (another organ's report)
 * and the values of both sides are in detail_json (a CrossFinding).
 */
export const crossFinding = sqliteTable(
	'cross_finding',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		rule: text('rule').notNull(),
		severity: text('severity', { enum: SEVERITIES }).notNull(),
		organId: belongsToOrgan(),
		year: integer('year').notNull(),
		reportId: integer('report_id').references(() => report.id, { onDelete: 'cascade' }),
		otherOrganId: integer('other_organ_id').references(() => organ.id, { onDelete: 'cascade' }),
		otherReportId: integer('other_report_id').references(() => report.id, { onDelete: 'cascade' }),
		message: text('message').notNull(),
		cellsJson: text('cells_json').notNull().default('[]'),
		detailJson: text('detail_json').notNull().default('{}'),
		fingerprint: text('fingerprint').notNull()
	},
	(t) => [
		index('cross_finding_subject_idx').on(t.organId, t.year, t.rule),
		index('cross_finding_report_idx').on(t.reportId),
		index('cross_finding_other_report_idx').on(t.otherReportId),
		index('cross_finding_fingerprint_idx').on(t.fingerprint)
	]
);

/** X6's LSH index: one row per report section × band, so a new report's candidates are one indexed lookup. */
export const similarityBand = sqliteTable(
	'similarity_band',
	{
		reportId: belongsToReport(),
		year: integer('year').notNull(),
		section: text('section').notNull(),
		band: integer('band').notNull(),
		bucket: integer('bucket').notNull()
	},
	(t) => [
		index('similarity_band_bucket_idx').on(t.year, t.section, t.band, t.bucket),
		index('similarity_band_report_idx').on(t.reportId)
	]
);

export const REVIEW_STATUSES = ['confirmed', 'dismissed'] as const;
export const DISMISS_REASONS = ['as_printed', 'false_positive'] as const;

/**
 * An inspector's decision on a finding, by fingerprint: it outlives the finding row (re-imports rewrite those), and
 * a finding whose figures changed has a new fingerprint, so it comes back as open.
 */
export const findingReview = sqliteTable(
	'finding_review',
	{
		fingerprint: text('fingerprint').primaryKey(),
		status: text('status', { enum: REVIEW_STATUSES }).notNull(),
		/** Dismissed: 原报告如此 (as_printed) or 误报 (false_positive). */
		reason: text('reason', { enum: DISMISS_REASONS }),
		note: text('note').notNull().default(''),
		rule: text('rule').notNull(),
		organId: integer('organ_id').notNull(),
		year: integer('year').notNull(),
		reviewerId: text('reviewer_id').references(() => user.id),
		reviewedAt: integer('reviewed_at').notNull().default(now)
	},
	(t) => [index('finding_review_organ_year_idx').on(t.organId, t.year), index('finding_review_status_idx').on(t.status)]
);

export const correction = sqliteTable(
	'correction',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		reportId: belongsToReport(),
		cellPath: text('cell_path').notNull(),
		oldValue: real('old_value'),
		newValue: real('new_value'),
		reason: text('reason').notNull(),
		authorId: text('author_id')
			.notNull()
			.references(() => user.id),
		createdAt: integer('created_at').notNull().default(now),
		undoneAt: integer('undone_at'),
		undoneBy: text('undone_by').references(() => user.id)
	},
	(t) => [index('correction_report_idx').on(t.reportId)]
);

export const annotation = sqliteTable(
	'annotation',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		reportId: belongsToReport(),
		/** null: a note on the whole report. */
		cellPath: text('cell_path'),
		note: text('note').notNull(),
		/** The inspector asks the organ to answer: the note becomes an item of the organ's inbox. */
		asksAnswer: integer('asks_answer', { mode: 'boolean' }).notNull().default(false),
		authorId: text('author_id')
			.notNull()
			.references(() => user.id),
		createdAt: integer('created_at').notNull().default(now)
	},
	(t) => [index('annotation_report_idx').on(t.reportId)]
);

/**
 * R-D2's filing record: the date a report was filed with the district office (报送区政务公开办), as an inspector
 * recorded it. Checked against LOCAL_FILING_DEADLINE when that is set; a report without a record is then a warning.
 */
export const filing = sqliteTable('filing', {
	reportId: integer('report_id')
		.primaryKey()
		.references(() => report.id, { onDelete: 'cascade' }),
	/** YYYY-MM-DD. */
	filedOn: text('filed_on').notNull(),
	note: text('note').notNull().default(''),
	recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
	recordedAt: integer('recorded_at').notNull().default(now)
});

export type Filing = typeof filing.$inferSelect;

/** Proactive-disclosure items from portal listings: the update-frequency charts read this. */
export const publication = sqliteTable(
	'publication',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organId: belongsToOrgan(),
		publishedOn: text('published_on').notNull(),
		title: text('title').notNull(),
		channel: text('channel'),
		url: text('url'),
		/** url, or title+date when there is no url: the deduplication key within an organ. */
		dedupKey: text('dedup_key').notNull()
	},
	(t) => [
		uniqueIndex('publication_dedup_uq').on(t.organId, t.dedupKey),
		index('publication_organ_date_idx').on(t.organId, t.publishedOn),
		// The assessment's channel evidence: postings inside a quarter, and each channel's last posting before it.
		index('publication_date_organ_channel_idx').on(t.publishedOn, t.organId, t.channel),
		index('publication_organ_channel_date_idx').on(t.organId, t.channel, t.publishedOn)
	]
);

/**
 * One row per report that has figure rows: the figures the dashboard charts read, summed per chart series from the
 * report's `figure` rows (see summaries.ts, which writes it in the same transaction as the figures). It carries the
 * report's organ and year so the aggregates read ~one row per organ-year instead of joining ~35 figure rows to
 * report. Organ kind is not copied: the kind filter joins organ by primary key, so setKind has nothing to sync.
 */
export const reportSummary = sqliteTable(
	'report_summary',
	{
		reportId: integer('report_id')
			.primaryKey()
			.references(() => report.id, { onDelete: 'cascade' }),
		organId: integer('organ_id').notNull(),
		year: integer('year').notNull(),
		/** 1 when the report has the 本年新收 row (the volume chart counts these reports). */
		newRows: integer('new_rows').notNull().default(0),
		newC0: real('new_c0'),
		newC1: real('new_c1'),
		newC2: real('new_c2'),
		newC3: real('new_c3'),
		newC4: real('new_c4'),
		newC5: real('new_c5'),
		newC6: real('new_c6'),
		resultsTotal: real('results_total'),
		outGranted: real('out_granted'),
		outPartial: real('out_partial'),
		outRefused: real('out_refused'),
		outUnable: real('out_unable'),
		outNotProcessed: real('out_not_processed'),
		outOther: real('out_other'),
		refusedStateSecret: real('refused_state_secret'),
		refusedLawProhibited: real('refused_law_prohibited'),
		refusedThreeSafeties: real('refused_three_safeties'),
		refusedThirdParty: real('refused_third_party'),
		refusedInternalAffairs: real('refused_internal_affairs'),
		refusedProcessInfo: real('refused_process_info'),
		refusedEnforcementFile: real('refused_enforcement_file'),
		refusedQueryMatter: real('refused_query_matter'),
		unableNotHeld: real('unable_not_held'),
		unableNeedsCreation: real('unable_needs_creation'),
		unableUnclear: real('unable_unclear'),
		/** 行政事业性收费 (万元), 2021 layout only. */
		adminFee: real('admin_fee'),
		/** Over every section 4 row (rankings' 纠错率). */
		reviewCorrected: real('review_corrected'),
		reviewConcluded: real('review_concluded'),
		/** Over the rows with a case (total > 0 or corrected > 0), per group (the review chart). */
		recTotal: real('rec_total'),
		recCorrected: real('rec_corrected'),
		recConcluded: real('rec_concluded'),
		litTotal: real('lit_total'),
		litCorrected: real('lit_corrected'),
		litConcluded: real('lit_concluded')
	},
	// Covering indexes, one per chart family: a chart reads its index in year (or organ) order, no table lookups, no sort.
	(t) => [
		index('report_summary_year_organ_idx').on(t.year, t.organId),
		index('report_summary_organ_year_idx').on(t.organId, t.year),
		index('report_summary_volume_idx').on(
			t.year,
			t.organId,
			t.newRows,
			t.newC0,
			t.newC1,
			t.newC2,
			t.newC3,
			t.newC4,
			t.newC5,
			t.newC6
		),
		index('report_summary_outcomes_idx').on(
			t.year,
			t.organId,
			t.outGranted,
			t.outPartial,
			t.outRefused,
			t.outUnable,
			t.outNotProcessed,
			t.outOther
		),
		index('report_summary_refusals_idx').on(
			t.year,
			t.organId,
			t.refusedStateSecret,
			t.refusedLawProhibited,
			t.refusedThreeSafeties,
			t.refusedThirdParty,
			t.refusedInternalAffairs,
			t.refusedProcessInfo,
			t.refusedEnforcementFile,
			t.refusedQueryMatter,
			t.unableNotHeld,
			t.unableNeedsCreation,
			t.unableUnclear
		),
		index('report_summary_rankings_idx').on(
			t.organId,
			t.year,
			t.newC6,
			t.resultsTotal,
			t.outRefused,
			t.reviewCorrected,
			t.reviewConcluded
		)
	]
);

/** Per organ and year of its publication log: what the update-frequency charts and rankings read. */
export const publicationYear = sqliteTable(
	'publication_year',
	{
		organId: belongsToOrgan(),
		year: integer('year').notNull(),
		posts: integer('posts').notNull(),
		/** Weeks 0–51 of the year (day of year − 1 ÷ 7) with at least one posting. */
		weeks: integer('weeks').notNull(),
		firstOn: text('first_on').notNull(),
		lastOn: text('last_on').notNull(),
		/** Longest gap between two consecutive postings inside the year (null with one posting), and where. */
		gapDays: real('gap_days'),
		gapFrom: text('gap_from'),
		gapTo: text('gap_to'),
		/** The organ's last posting before this year and first after it (any year): the gaps across years, per row. */
		prevLastOn: text('prev_last_on'),
		nextFirstOn: text('next_first_on')
	},
	(t) => [
		uniqueIndex('publication_year_organ_year_uq').on(t.organId, t.year),
		index('publication_year_year_idx').on(t.year, t.lastOn),
		// Covering the weekly-coverage count.
		index('publication_year_weeks_idx').on(t.year, t.weeks, t.organId),
		// Covering postings per organ (updates, rankings).
		index('publication_year_posts_idx').on(t.organId, t.year, t.posts)
	]
);

/** Postings per organ and month ('YYYY-MM'): the heat map's cells. */
export const publicationMonth = sqliteTable(
	'publication_month',
	{
		organId: belongsToOrgan(),
		month: text('month').notNull(),
		posts: integer('posts').notNull()
	},
	(t) => [uniqueIndex('publication_month_organ_month_uq').on(t.organId, t.month)]
);

export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id'),
		action: text('action').notNull(),
		detail: text('detail'),
		at: integer('at').notNull().default(now)
	},
	(t) => [index('audit_log_at_idx').on(t.at)]
);

/** Assessment rubrics (src/lib/assessment/rubric.ts as JSON): each save is a new version, none is edited. */
export const assessmentRubric = sqliteTable('assessment_rubric', {
	version: integer('version').primaryKey({ autoIncrement: true }),
	rubricJson: text('rubric_json').notNull(),
	note: text('note'),
	createdBy: text('created_by').references(() => user.id),
	createdAt: integer('created_at').notNull().default(now)
});

/**
 * A quarter of the assessment ('2025Q1'). Open: scored live under the latest rubric. Closed (定稿): scores and
 * the evidence they rest on are frozen in `snapshot_json` under `rubric_version`; later imports change nothing.
 */
export const assessmentQuarter = sqliteTable('assessment_quarter', {
	quarter: text('quarter').primaryKey(),
	status: text('status').notNull().default('open'),
	rubricVersion: integer('rubric_version'),
	snapshotJson: text('snapshot_json'),
	closedBy: text('closed_by').references(() => user.id),
	closedAt: integer('closed_at')
});

/** Inspectors' entries: deductions for what the app has no data for, and bonus points (indicator 'bonus'). */
export const assessmentEntry = sqliteTable(
	'assessment_entry',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		quarter: text('quarter').notNull(),
		organId: belongsToOrgan(),
		indicatorId: text('indicator_id').notNull(),
		points: real('points').notNull(),
		reason: text('reason').notNull(),
		note: text('note'),
		fileName: text('file_name'),
		filePath: text('file_path'),
		veto: integer('veto').notNull().default(0),
		authorId: text('author_id').references(() => user.id),
		createdAt: integer('created_at').notNull().default(now),
		deletedAt: integer('deleted_at')
	},
	(t) => [index('assessment_entry_quarter_organ_idx').on(t.quarter, t.organId)]
);

/** A rectification request (整改) on one deduction: the organ's clerk answers, an inspector accepts or rejects. */
export const rectification = sqliteTable(
	'rectification',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		quarter: text('quarter').notNull(),
		organId: belongsToOrgan(),
		/** The deduction item's key (score.ts DeductionItem.key). */
		itemKey: text('item_key').notNull(),
		indicatorId: text('indicator_id').notNull(),
		problem: text('problem').notNull(),
		request: text('request').notNull(),
		deadline: text('deadline').notNull(),
		/** open | answered | accepted | rejected */
		status: text('status').notNull().default('open'),
		createdBy: text('created_by').references(() => user.id),
		createdAt: integer('created_at').notNull().default(now)
	},
	(t) => [
		index('rectification_quarter_organ_idx').on(t.quarter, t.organId),
		index('rectification_organ_idx').on(t.organId, t.deadline)
	]
);

export const rectificationMessage = sqliteTable(
	'rectification_message',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		rectificationId: integer('rectification_id')
			.notNull()
			.references(() => rectification.id, { onDelete: 'cascade' }),
		/** request | answer | accept | reject */
		kind: text('kind').notNull(),
		text: text('text').notNull(),
		fileName: text('file_name'),
		filePath: text('file_path'),
		authorId: text('author_id').references(() => user.id),
		createdAt: integer('created_at').notNull().default(now)
	},
	(t) => [index('rectification_message_idx').on(t.rectificationId)]
);

/**
 * One merge of organ `fromId` into `intoId`: what it moved, so it can be undone exactly, and so the merged id
 * redirects to the surviving organ while the merge stands.
 */
export const organMerge = sqliteTable(
	'organ_merge',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		fromId: integer('from_id').notNull(),
		fromName: text('from_name').notNull(),
		intoId: integer('into_id').notNull(),
		intoName: text('into_name').notNull(),
		/** Per conflicting year, whose report stayed current: { "2023": "from" | "into" }. */
		choicesJson: text('choices_json').notNull().default('{}'),
		/** Every row the merge touched, as it was before (see organs/merge.ts). */
		snapshotJson: text('snapshot_json').notNull(),
		userId: text('user_id'),
		at: integer('at').notNull().default(now),
		undoneAt: integer('undone_at'),
		undoneBy: text('undone_by')
	},
	(t) => [index('organ_merge_from_idx').on(t.fromId), index('organ_merge_into_idx').on(t.intoId)]
);

export type Organ = typeof organ.$inferSelect;
export type OrganAlias = typeof organAlias.$inferSelect;
export type OrganMerge = typeof organMerge.$inferSelect;
export type User = typeof user.$inferSelect;
export type Session = typeof session.$inferSelect;
export type Report = typeof report.$inferSelect;
export type Revision = typeof revision.$inferSelect;
export type Publication = typeof publication.$inferSelect;

/** A portal column the crawler reads (issue 19): its listing's first page, for one organ and channel. */
export const crawlSource = sqliteTable(
	'crawl_source',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organId: belongsToOrgan(),
		channel: text('channel').notNull(),
		startUrl: text('start_url').notNull(),
		/** How many listing pages a run follows (the depth). */
		maxPages: integer('max_pages').notNull().default(5),
		/** Items before this day (YYYY-MM-DD) are not stored, and the pagination stops at the first page of only such. */
		since: text('since'),
		enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
		/** ok | broken (the last crawl of the column failed) | null (never crawled). */
		lastStatus: text('last_status'),
		lastError: text('last_error'),
		lastRunAt: integer('last_run_at'),
		createdAt: integer('created_at').notNull().default(now)
	},
	(t) => [
		uniqueIndex('crawl_source_url_uq').on(t.organId, t.startUrl),
		index('crawl_source_status_idx').on(t.lastStatus)
	]
);

/** The validators of the last fetch of each listing page: the next run asks with If-None-Match / If-Modified-Since. */
export const crawlPage = sqliteTable(
	'crawl_page',
	{
		sourceId: integer('source_id')
			.notNull()
			.references(() => crawlSource.id, { onDelete: 'cascade' }),
		url: text('url').notNull(),
		etag: text('etag'),
		lastModified: text('last_modified'),
		fetchedAt: integer('fetched_at').notNull()
	},
	(t) => [uniqueIndex('crawl_page_source_url_uq').on(t.sourceId, t.url)]
);

/** One crawl job: on demand or by the schedule. */
export const crawlRun = sqliteTable('crawl_run', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	/** manual | schedule | cli */
	trigger: text('trigger').notNull(),
	/** running | done | interrupted (the server stopped during the run) */
	status: text('status').notNull(),
	startedAt: integer('started_at').notNull(),
	finishedAt: integer('finished_at'),
	pages: integer('pages').notNull().default(0),
	added: integer('added').notNull().default(0),
	errors: integer('errors').notNull().default(0),
	startedBy: text('started_by')
});

/** Per run and source: what the run found there. */
export const crawlRunSource = sqliteTable(
	'crawl_run_source',
	{
		runId: integer('run_id')
			.notNull()
			.references(() => crawlRun.id, { onDelete: 'cascade' }),
		sourceId: integer('source_id')
			.notNull()
			.references(() => crawlSource.id, { onDelete: 'cascade' }),
		/** ok | broken */
		status: text('status').notNull(),
		pages: integer('pages').notNull().default(0),
		notModified: integer('not_modified').notNull().default(0),
		added: integer('added').notNull().default(0),
		duplicates: integer('duplicates').notNull().default(0),
		/** [{ url, reason }] */
		errorsJson: text('errors_json').notNull().default('[]')
	},
	(t) => [
		uniqueIndex('crawl_run_source_uq').on(t.runId, t.sourceId),
		index('crawl_run_source_source_idx').on(t.sourceId)
	]
);

/** The admin's schedule (one row, id 1): every N hours, or off; what survives a restart. */
export const crawlSchedule = sqliteTable('crawl_schedule', {
	id: integer('id').primaryKey(),
	/** null: no scheduled runs. */
	everyHours: integer('every_hours'),
	nextRunAt: integer('next_run_at'),
	lastRunAt: integer('last_run_at')
});

export type CrawlSource = typeof crawlSource.$inferSelect;
export type CrawlRun = typeof crawlRun.$inferSelect;
/**
 * A draft a clerk (or an inspector) checked before publishing: the file and its check, kept for its owner only.
 * Not a report: nothing reads this table for the dashboard, the assessment or the findings queue.
 */
export const draft = sqliteTable(
	'draft',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		ownerId: text('owner_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** The organ it was checked as; null when the database does not hold it. */
		organId: integer('organ_id').references(() => organ.id, { onDelete: 'set null' }),
		organName: text('organ_name').notNull(),
		year: integer('year'),
		fileName: text('file_name').notNull(),
		sha256: text('sha256').notNull(),
		bytes: blob('bytes', { mode: 'buffer' }).notNull(),
		/** The parsed model (report-model.md JSON) of the last check. */
		modelJson: text('model_json').notNull(),
		/** The last check (src/lib/drafts/check.ts DraftCheck). */
		checkJson: text('check_json').notNull(),
		createdAt: integer('created_at').notNull().default(now),
		checkedAt: integer('checked_at').notNull().default(now),
		/** Set when promoted to an import: the report and revision it became. */
		promotedAt: integer('promoted_at'),
		reportId: integer('report_id').references(() => report.id, { onDelete: 'set null' }),
		revisionId: integer('revision_id')
	},
	(t) => [index('draft_owner_idx').on(t.ownerId, t.id)]
);

export type Draft = typeof draft.$inferSelect;

/** A reminder (催报) sent to organs: one inbox item per organ reached. */
export const reminder = sqliteTable('reminder', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	/** The report year it is about. */
	year: integer('year').notNull(),
	message: text('message').notNull(),
	/** YYYY-MM-DD, or null. */
	deadline: text('deadline'),
	createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
	createdAt: integer('created_at').notNull().default(now)
});

export const INBOX_KINDS = ['note', 'finding', 'reminder'] as const;

/**
 * What the district asks of an organ and the organ's answer: a note asking for an answer, a confirmed finding,
 * a reminder. The clerks of the organ answer (text, optional file); an inspector closes it.
 */
export const inboxItem = sqliteTable(
	'inbox_item',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organId: belongsToOrgan(),
		kind: text('kind', { enum: INBOX_KINDS }).notNull(),
		reportId: integer('report_id').references(() => report.id, { onDelete: 'cascade' }),
		annotationId: integer('annotation_id').references(() => annotation.id, { onDelete: 'cascade' }),
		reminderId: integer('reminder_id').references(() => reminder.id, { onDelete: 'cascade' }),
		/** A source's own key for the thing asked about (a confirmed finding's), so it is fed in once. */
		sourceKey: text('source_key'),
		/** A confirmed finding's first cell: its evidence on the report page. */
		cellPath: text('cell_path'),
		title: text('title').notNull(),
		body: text('body').notNull(),
		deadline: text('deadline'),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at').notNull().default(now),
		answer: text('answer'),
		answerFileName: text('answer_file_name'),
		answerFilePath: text('answer_file_path'),
		answeredBy: text('answered_by').references(() => user.id, { onDelete: 'set null' }),
		answeredAt: integer('answered_at'),
		closedBy: text('closed_by').references(() => user.id, { onDelete: 'set null' }),
		closedAt: integer('closed_at'),
		/** When the organ's side last saw it, and when the inspectors' side last saw its answer: the unread counts. */
		organSeenAt: integer('organ_seen_at'),
		inspectorSeenAt: integer('inspector_seen_at')
	},
	(t) => [
		index('inbox_item_organ_idx').on(t.organId, t.closedAt),
		index('inbox_item_open_idx').on(t.closedAt, t.answeredAt),
		uniqueIndex('inbox_item_source_uq').on(t.kind, t.sourceKey)
	]
);

export type InboxItem = typeof inboxItem.$inferSelect;

/**
 * What each side of the inbox last saw of a rectification request, as the id of the thread's latest message it was
 * shown (ids only grow, so no clock ties): the organ's clerks (a new request or a rejection is news to them) and
 * the inspectors (a new answer). The thread itself stays in rectification_message.
 */
export const rectificationSeen = sqliteTable('rectification_seen', {
	rectificationId: integer('rectification_id')
		.primaryKey()
		.references(() => rectification.id, { onDelete: 'cascade' }),
	organSeenMessageId: integer('organ_seen_message_id'),
	inspectorSeenMessageId: integer('inspector_seen_message_id')
});
