// A small report built by hand for the storage and core specs, whose figures the tests can reason about.
import type { Report, Row7 } from '../../src/lib/report/model';
import { APPLICANT_COLUMNS, applicationRowKeys } from '../../src/lib/report/template';

/** A hand-built, arithmetically consistent 2021-template report: 3 applications, all granted. */
export function handBuilt(organ: string, year: number, carriedOver = 0, forward = 0): Report {
	const z = (): Row7 => [0, 0, 0, 0, 0, 0, 0];
	const rows: Report['applications']['rows'] = {};
	for (const k of applicationRowKeys('2021')) rows[k] = z();
	rows.new = [3, 0, 0, 0, 0, 0, 3];
	rows.carried_over = [carriedOver, 0, 0, 0, 0, 0, carriedOver];
	rows.granted = [3 + carriedOver - forward, 0, 0, 0, 0, 0, 3 + carriedOver - forward];
	rows.results_total = [...rows.granted];
	rows.carried_forward = [forward, 0, 0, 0, 0, 0, forward];
	return {
		organ,
		year,
		template: '2021',
		title: `${organ}${year}年政府信息公开工作年度报告`,
		published_on: `${year + 1}-01-20`,
		source: {
			file: 'x.txt',
			format: 'txt',
			encoding: 'utf-8',
			script: 'simplified',
			sha256: String(year).padStart(64, '0')
		},
		sections: { '1': '总体情况', '2': '', '3': '', '4': '', '5': '问题', '6': '无' },
		proactive: {
			rules: { issued: 1, repealed: 0, in_force: 5 },
			normative_docs: { in_force: 7, issued: 2, repealed: 1 },
			admin_fees: { amount_10k_yuan: 1.5 }
		},
		applications: { columns: [...APPLICANT_COLUMNS], rows },
		review: { reconsideration: [1, 0, 0, 0, 1], litigation_direct: [0, 0, 0, 0, 0] },
		fees: { info_processing_fee_yuan: 0 },
		findings: [],
		warnings: [],
		provenance: {}
	};
}
