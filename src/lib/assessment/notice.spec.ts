import { describe, expect, it } from 'vitest';
import { noticeBlocks } from './notice';
import { DEFAULT_RUBRIC } from './rubric';
import { scoreQuarter } from './score';
import type { OrganEvidence } from './evidence';

const Q = { year: 2025, q: 1 as const };
const ev = (organId: number, name: string, rules: string[]): OrganEvidence => ({
	organId,
	organName: name,
	kind: 'department',
	report: {
		reportId: organId,
		year: 2024,
		publishedOn: '2025-01-10',
		findings: rules.map((rule) => ({ rule, severity: 'error', message: `${rule}不符`, cells: [] })),
		corrected: [],
		feeYuan: 0,
		applications: 30
	},
	channels: [],
	manual: [],
	overdue: []
});

describe('the 通报 text', () => {
	it('summarises, lists organs by grade, their problems and the deadlines', () => {
		const scores = scoreQuarter(DEFAULT_RUBRIC, Q, [
			ev(1, '甲局', []),
			ev(2, '乙局', ['A1', 'T1', 'F2', 'X5']),
			ev(3, '丙局', ['A2'])
		]);
		const blocks = noticeBlocks({
			district: '云溪区',
			label: '2025年第一季度',
			asOf: '2025-04-10',
			rubric: DEFAULT_RUBRIC,
			scores,
			deadlines: new Map([[2, '2025-05-15']])
		});
		const text = blocks.map((b) => b.text).join('\n');
		expect(blocks[0]).toEqual({ kind: 'title', text: '关于云溪区2025年第一季度政务公开工作考核情况的通报' });
		expect(text).toContain('本季度参加考核单位3个');
		expect(text).toMatch(/优秀（2个）：甲局、丙局。/);
		expect(text).toMatch(/（一）乙局（84分，良好）：[^\n]*A1/);
		expect(text).toContain('乙局2025年5月15日前');
		expect(text).not.toMatch(/（[一二三]）甲局/);
		expect(blocks[blocks.length - 1]).toEqual({ kind: 'signature', text: '2025年4月10日' });
	});
});
