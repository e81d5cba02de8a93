// The 2019 and 2021 national templates as data. Nothing else in the code base spells a row label:
// the parser matches against these, the generator renders from them, the UI prints them.

/** The two national templates (the layout of sections 2 and 3); a report in neither is 'free'. */
export const TEMPLATE_VERSIONS = ['2019', '2021'] as const;
export type TemplateVersion = (typeof TEMPLATE_VERSIONS)[number];
export type TemplateId = TemplateVersion | 'free';

export const APPLICANT_COLUMNS = [
	'natural_person',
	'commercial',
	'research',
	'social_org',
	'legal_service',
	'other_org',
	'total'
] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];

export const APPLICANT_COLUMN_LABELS: Record<ApplicantColumn, string> = {
	natural_person: '自然人',
	commercial: '商业企业',
	research: '科研机构',
	social_org: '社会公益组织',
	legal_service: '法律服务机构',
	other_org: '其他',
	total: '总计'
};

/** Section headings: ordinal and the keywords that identify each of the six parts. */
export const SECTIONS = [
	{ id: '1', ordinal: '一', title: '总体情况', keywords: ['总体情况'] },
	{ id: '2', ordinal: '二', title: '主动公开政府信息情况', keywords: ['主动公开'] },
	{ id: '3', ordinal: '三', title: '收到和处理政府信息公开申请情况', keywords: ['收到和处理', '依申请'] },
	{ id: '4', ordinal: '四', title: '政府信息公开行政复议、行政诉讼情况', keywords: ['行政复议', '行政诉讼'] },
	{ id: '5', ordinal: '五', title: '存在的主要问题及改进情况', keywords: ['存在的主要问题', '存在问题', '主要问题'] },
	{ id: '6', ordinal: '六', title: '其他需要报告的事项', keywords: ['其他需要报告'] }
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

export type RowKind = 'intake' | 'outcome' | 'total' | 'forward';

export interface ApplicationRowDef {
	key: string;
	/** Canonical label of the row itself (simplified script), without its list number. */
	label: string;
	/** List number printed before the label: '一、', '（一）', '1.' … */
	number: string;
	/** Other spellings seen in real reports (normalised, simplified). */
	variants: string[];
	/** The enclosing group for sub-rows, e.g. （三）不予公开. */
	group?: { number: string; label: string };
	kind: RowKind;
	/** Templates whose section 3 has this row. */
	templates: readonly TemplateVersion[];
}

const BOTH = ['2019', '2021'] as const;
const G_REFUSED = { number: '（三）', label: '不予公开' };
const G_UNABLE = { number: '（四）', label: '无法提供' };
const G_NOT_PROCESSED = { number: '（五）', label: '不予处理' };
const G_OTHER = { number: '（六）', label: '其他处理' };

/** Section 3 rows in the template's fixed order (2021 has the three （六） sub-rows, 2019 the single row). */
export const APPLICATION_ROWS = [
	{
		key: 'new',
		number: '一、',
		label: '本年新收政府信息公开申请数量',
		variants: ['本年新收'],
		kind: 'intake',
		templates: BOTH
	},
	{
		key: 'carried_over',
		number: '二、',
		label: '上年结转政府信息公开申请数量',
		variants: ['上年结转'],
		kind: 'intake',
		templates: BOTH
	},
	{ key: 'granted', number: '（一）', label: '予以公开', variants: [], kind: 'outcome', templates: BOTH },
	{
		key: 'partial',
		number: '（二）',
		label: '部分公开（区分处理的，只计这一情形，不计其他情形）',
		variants: ['部分公开'],
		kind: 'outcome',
		templates: BOTH
	},
	{
		key: 'refused.state_secret',
		number: '1.',
		label: '属于国家秘密',
		variants: ['国家秘密'],
		group: G_REFUSED,
		kind: 'outcome',
		templates: BOTH
	},
	{
		key: 'refused.law_prohibited',
		number: '2.',
		label: '其他法律行政法规禁止公开',
		variants: ['法律行政法规禁止公开', '其他法律行政止公开', '禁止公开'],
		group: G_REFUSED,
		kind: 'outcome',
		templates: BOTH
	},
	{
		key: 'refused.three_safeties',
		number: '3.',
		label: '危及“三安全一稳定”',
		variants: ['三安全一稳定', '危及三安全一稳定'],
		group: G_REFUSED,
		kind: 'outcome',
		templates: BOTH
	},
	{
		key: 'refused.third_party',
		number: '4.',
		label: '保护第三方合法权益',
		variants: ['第三方合法权益'],
		group: G_REFUSED,
		kind: 'outcome',
		templates: BOTH
	},
	{
		key: 'refused.internal_affairs',
		number: '5.',
		label: '属于三类内部事务信息',
		variants: ['内部事务信息', '内部事务'],
		group: G_REFUSED,
		kind: 'outcome',
		templates: BOTH
	},
	{
		key: 'refused.process_info',
		number: '6.',
		label: '属于四类过程性信息',
		variants: ['过程性信息'],
		group: G_REFUSED,
		kind: 'outcome',
		templates: BOTH
	},
	{
		key: 'refused.enforcement_file',
		number: '7.',
		label: '属于行政执法案卷',
		variants: ['行政执法案卷'],
		group: G_REFUSED,
		kind: 'outcome',
		templates: BOTH
	},
	{
		key: 'refused.query_matter',
		number: '8.',
		label: '属于行政查询事项',
		variants: ['行政查询事项'],
		group: G_REFUSED,
		kind: 'outcome',
		templates: BOTH
	},
	{
		key: 'unable.not_held',
		number: '1.',
		label: '本机关不掌握相关政府信息',
		variants: ['不掌握相关政府信息', '不掌握'],
		group: G_UNABLE,
		kind: 'outcome',
		templates: BOTH
	},
	{
		key: 'unable.needs_creation',
		number: '2.',
		label: '没有现成信息需要另行制作',
		variants: ['需要另行制作', '另行制作'],
		group: G_UNABLE,
		kind: 'outcome',
		templates: BOTH
	},
	{
		key: 'unable.unclear',
		number: '3.',
		label: '补正后申请内容仍不明确',
		variants: ['申请内容仍不明确', '仍不明确'],
		group: G_UNABLE,
		kind: 'outcome',
		templates: BOTH
	},
	{
		key: 'not_processed.petition',
		number: '1.',
		label: '信访举报投诉类申请',
		variants: ['信访举报投诉'],
		group: G_NOT_PROCESSED,
		kind: 'outcome',
		templates: BOTH
	},
	{
		key: 'not_processed.duplicate',
		number: '2.',
		label: '重复申请',
		variants: [],
		group: G_NOT_PROCESSED,
		kind: 'outcome',
		templates: BOTH
	},
	{
		key: 'not_processed.publication',
		number: '3.',
		label: '要求提供公开出版物',
		variants: ['公开出版物'],
		group: G_NOT_PROCESSED,
		kind: 'outcome',
		templates: BOTH
	},
	{
		key: 'not_processed.excessive',
		number: '4.',
		label: '无正当理由大量反复申请',
		variants: ['大量反复申请'],
		group: G_NOT_PROCESSED,
		kind: 'outcome',
		templates: BOTH
	},
	{
		key: 'not_processed.confirm',
		number: '5.',
		label: '要求行政机关确认或重新出具已获取信息',
		variants: ['重新出具已获取信息', '确认或重新出具'],
		group: G_NOT_PROCESSED,
		kind: 'outcome',
		templates: BOTH
	},
	{
		key: 'other.no_correction',
		number: '1.',
		label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
		variants: ['逾期不补正'],
		group: G_OTHER,
		kind: 'outcome',
		templates: ['2021']
	},
	{
		key: 'other.no_fee',
		number: '2.',
		label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
		variants: ['逾期未按收费通知要求缴纳费用', '缴纳费用'],
		group: G_OTHER,
		kind: 'outcome',
		templates: ['2021']
	},
	{
		key: 'other.other',
		number: '3.',
		label: '其他',
		variants: [],
		group: G_OTHER,
		kind: 'outcome',
		templates: ['2021']
	},
	{ key: 'other', number: '（六）', label: '其他处理', variants: [], kind: 'outcome', templates: ['2019'] },
	{ key: 'results_total', number: '（七）', label: '总计', variants: [], kind: 'total', templates: BOTH },
	{
		key: 'carried_forward',
		number: '四、',
		label: '结转下年度继续办理',
		variants: ['结转下年度'],
		kind: 'forward',
		templates: BOTH
	}
] as const satisfies readonly ApplicationRowDef[];

export type ApplicationRowKey = (typeof APPLICATION_ROWS)[number]['key'];

/** The heading of the outcome block (三、本年度办理结果) that groups the result rows. */
export const OUTCOME_BLOCK_LABEL = '本年度办理结果';
export const SECTION3_HEADER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Row keys of section 3 for a layout of row （六）. */
export function applicationRowKeys(otherLayout: TemplateVersion): ApplicationRowKey[] {
	return APPLICATION_ROWS.filter((r) => (r.templates as readonly string[]).includes(otherLayout)).map((r) => r.key);
}

/** Outcome rows (granted … other): the rows whose sum is results_total (check A2). */
export function outcomeRowKeys(otherLayout: TemplateVersion): ApplicationRowKey[] {
	return APPLICATION_ROWS.filter(
		(r) => r.kind === 'outcome' && (r.templates as readonly string[]).includes(otherLayout)
	).map((r) => r.key);
}

export const APPLICATION_ROW_BY_KEY = Object.fromEntries(APPLICATION_ROWS.map((r) => [r.key, r])) as unknown as Record<
	ApplicationRowKey,
	ApplicationRowDef
>;

/** Short Chinese names for charts and tables. */
export const APPLICATION_ROW_SHORT: Record<ApplicationRowKey, string> = {
	new: '本年新收',
	carried_over: '上年结转',
	granted: '予以公开',
	partial: '部分公开',
	'refused.state_secret': '国家秘密',
	'refused.law_prohibited': '法律行政法规禁止',
	'refused.three_safeties': '三安全一稳定',
	'refused.third_party': '第三方合法权益',
	'refused.internal_affairs': '内部事务信息',
	'refused.process_info': '过程性信息',
	'refused.enforcement_file': '行政执法案卷',
	'refused.query_matter': '行政查询事项',
	'unable.not_held': '本机关不掌握',
	'unable.needs_creation': '需另行制作',
	'unable.unclear': '补正后仍不明确',
	'not_processed.petition': '信访举报投诉',
	'not_processed.duplicate': '重复申请',
	'not_processed.publication': '公开出版物',
	'not_processed.excessive': '大量反复申请',
	'not_processed.confirm': '确认或重新出具',
	'other.no_correction': '逾期不补正',
	'other.no_fee': '逾期未缴费',
	'other.other': '其他',
	other: '其他处理',
	results_total: '办理结果总计',
	carried_forward: '结转下年度'
};

// ── Section 2: proactive disclosure ────────────────────────────────────────────────────────────────

export interface ProactiveItemDef {
	key: string;
	label: string;
	variants: string[];
	/** Heading printed above the item's block: 第二十条第（一）项 … */
	article: string;
	fields: readonly string[];
	fieldLabels: readonly string[];
	/** Fields holding money (decimals allowed), the rest are counts. */
	decimalFields?: readonly string[];
	/** Fields that may be negative (2019's 本年增/减). */
	signedFields?: readonly string[];
}

/** The columns an item shares with its neighbours in one template's table. */
type ItemColumns = Pick<ProactiveItemDef, 'fields' | 'fieldLabels' | 'decimalFields' | 'signedFields'>;
type ItemRow = [key: string, label: string, variants: string[], article: string, columns: ItemColumns];

/** One template's item table: the rows differ only in data, the columns come from shared blocks. */
function proactiveTable(rows: readonly ItemRow[]): readonly ProactiveItemDef[] {
	return rows.map(([key, label, variants, article, columns]) => ({ key, label, variants, article, ...columns }));
}

const DOCS_2021: ItemColumns = {
	fields: ['issued', 'repealed', 'in_force'],
	fieldLabels: ['本年制发件数', '本年废止件数', '现行有效件数']
};
const DECISIONS_2021: ItemColumns = { fields: ['decisions'], fieldLabels: ['本年处理决定数量'] };

export const PROACTIVE_2021 = proactiveTable([
	['rules', '规章', [], '第二十条第（一）项', DOCS_2021],
	['normative_docs', '行政规范性文件', ['规范性文件'], '第二十条第（一）项', DOCS_2021],
	['licensing', '行政许可', [], '第二十条第（五）项', DECISIONS_2021],
	['penalty', '行政处罚', [], '第二十条第（六）项', DECISIONS_2021],
	['enforcement', '行政强制', [], '第二十条第（六）项', DECISIONS_2021],
	[
		'admin_fees',
		'行政事业性收费',
		[],
		'第二十条第（八）项',
		{
			fields: ['amount_10k_yuan'],
			fieldLabels: ['本年收费金额（单位：万元）'],
			decimalFields: ['amount_10k_yuan']
		}
	]
]);

const DOCS_2019: ItemColumns = {
	fields: ['made', 'published', 'total_public'],
	fieldLabels: ['本年新制作数量', '本年新公开数量', '对外公开总数量']
};
const ITEMS_2019: ItemColumns = {
	fields: ['prev_items', 'change', 'decisions'],
	fieldLabels: ['上一年项目数量', '本年增/减', '处理决定数量'],
	signedFields: ['change']
};

export const PROACTIVE_2019 = proactiveTable([
	['rules', '规章', [], '第二十条第（一）项', DOCS_2019],
	['normative_docs', '规范性文件', ['行政规范性文件'], '第二十条第（一）项', DOCS_2019],
	['licensing', '行政许可', [], '第二十条第（五）项', ITEMS_2019],
	['other_services', '其他对外管理服务事项', ['其他对外管理服务'], '第二十条第（五）项', ITEMS_2019],
	['penalty', '行政处罚', [], '第二十条第（六）项', ITEMS_2019],
	['enforcement', '行政强制', [], '第二十条第（六）项', ITEMS_2019],
	[
		'admin_fees',
		'行政事业性收费',
		[],
		'第二十条第（八）项',
		{ fields: ['prev_items', 'change'], fieldLabels: ['上一年项目数量', '本年增/减'], signedFields: ['change'] }
	],
	[
		'procurement',
		'政府集中采购',
		[],
		'第二十条第（九）项',
		{
			fields: ['items', 'amount_10k_yuan'],
			fieldLabels: ['采购项目数量', '采购总金额'],
			decimalFields: ['amount_10k_yuan']
		}
	]
]);

export function proactiveItems(layout: TemplateVersion): readonly ProactiveItemDef[] {
	return layout === '2019' ? PROACTIVE_2019 : PROACTIVE_2021;
}

// ── Section 4: reconsideration and litigation ─────────────────────────────────────────────────────

export const REVIEW_GROUPS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const;
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];
export const REVIEW_GROUP_LABELS: Record<ReviewGroup, string> = {
	reconsideration: '行政复议',
	litigation_direct: '未经复议直接起诉',
	litigation_after_reconsideration: '复议后起诉'
};
export const REVIEW_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];
export const REVIEW_COLUMN_LABELS: Record<ReviewColumn, string> = {
	upheld: '结果维持',
	corrected: '结果纠正',
	other: '其他结果',
	pending: '尚未审结',
	total: '总计'
};

/** The names of the tables of sections 2, 3 and 4 in cell names and messages. */
export const TABLE_NAMES = { '2': '表二', '3': '表三', '4': '表四' } as const;

/** The name of section 6's one figure, 信息处理费 in yuan. */
export const FEE_CELL_LABEL = '第六部分 信息处理费（元）';

/** The canonical report title form: {organ}{year}年政府信息公开工作年度报告. */
export const REPORT_TITLE_SUFFIX = '政府信息公开工作年度报告';
