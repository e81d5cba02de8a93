// A small, fully consistent 2021-template report for the checks' tests (every rule passes on it); each test
// breaks one thing. A test oracle, shared by the specs of the checks, corrections, diff, layout and the server.
import type { Report, Row7 } from '../../src/lib/report/model';

export const SECTION_TEXT = {
	'1':
		'一、总体情况\n2022年，本局认真落实政府信息公开条例。（一）主动公开情况。全年主动公开政府信息120条，制发行政规范性文件5件。' +
		'（二）依申请公开情况。全年共收到政府信息公开申请13件，办结14件（含上年结转申请2件），结转下年度1件。' +
		'政府信息公开行政复议3件，行政诉讼2件。（三）政府信息管理情况。严格保密审查。（四）平台建设情况。优化网站平台。' +
		'（五）监督保障情况。加强考核和培训，落实社会评议和责任追究。',
	'2': '二、主动公开政府信息情况',
	'3': '三、收到和处理政府信息公开申请情况',
	'4': '四、政府信息公开行政复议、行政诉讼情况',
	'5':
		'五、存在的主要问题及改进情况\n本年度政府信息公开工作仍存在一些问题：一是政策解读形式较为单一，图解、视频等解读占比不高；' +
		'二是部分栏目更新不够及时，信息发布审核流程有待进一步优化。下一步，我局将采取以下改进措施：一是丰富政策解读形式，' +
		'提升解读质量；二是加强栏目日常巡查，建立更新提醒机制，确保信息及时准确发布。',
	'6': '六、其他需要报告的事项\n本年度未收取信息处理费。'
};

export function sampleReport(): Report {
	// Rows of seven zeros, in template order between the rows with figures.
	const zeros = (...keys: string[]) => Object.fromEntries(keys.map((k): [string, Row7] => [k, [0, 0, 0, 0, 0, 0, 0]]));
	const rows: Record<string, Row7> = {
		new: [10, 2, 0, 0, 1, 0, 13],
		carried_over: [2, 0, 0, 0, 0, 0, 2],
		granted: [5, 1, 0, 0, 1, 0, 7],
		partial: [2, 0, 0, 0, 0, 0, 2],
		...zeros('refused.state_secret', 'refused.law_prohibited', 'refused.three_safeties'),
		'refused.third_party': [1, 0, 0, 0, 0, 0, 1],
		...zeros('refused.internal_affairs', 'refused.process_info', 'refused.enforcement_file', 'refused.query_matter'),
		'unable.not_held': [2, 1, 0, 0, 0, 0, 3],
		...zeros('unable.needs_creation', 'unable.unclear', 'not_processed.petition'),
		'not_processed.duplicate': [1, 0, 0, 0, 0, 0, 1],
		...zeros('not_processed.publication', 'not_processed.excessive', 'not_processed.confirm'),
		...zeros('other.no_correction', 'other.no_fee', 'other.other'),
		results_total: [11, 2, 0, 0, 1, 0, 14],
		carried_forward: [1, 0, 0, 0, 0, 0, 1]
	};
	const sections = { ...SECTION_TEXT };
	return {
		organ: '某市某区科学技术局',
		year: 2022,
		template: '2021',
		title: '某市某区科学技术局2022年政府信息公开工作年度报告',
		published_on: '2023-01-20',
		source: { file: 'x.txt', format: 'txt', encoding: 'utf-8', script: 'simplified', sha256: '' },
		sections,
		proactive: {
			rules: { issued: 0, repealed: 0, in_force: 3 },
			normative_docs: { issued: 5, repealed: 1, in_force: 20 },
			licensing: { decisions: 120 },
			penalty: { decisions: 30 },
			enforcement: { decisions: 2 },
			admin_fees: { amount_10k_yuan: 12.5 }
		},
		applications: {
			columns: ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'],
			rows
		},
		review: {
			reconsideration: [1, 1, 0, 1, 3],
			litigation_direct: [0, 1, 0, 0, 1],
			litigation_after_reconsideration: [1, 0, 0, 0, 1]
		},
		fees: { info_processing_fee_yuan: 0 },
		findings: [],
		warnings: [],
		provenance: {},
		source_lines: [
			'某市某区科学技术局2022年政府信息公开工作年度报告',
			'本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。',
			...(['1', '2', '3', '4', '5', '6'] as const).flatMap((id) => sections[id].split('\n'))
		],
		other_layout: '2021'
	};
}

/** Deep copy, so a test can break one cell without touching the others. */
export function clone<T>(x: T): T {
	return JSON.parse(JSON.stringify(x));
}
