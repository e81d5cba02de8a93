import { describe, expect, it } from 'vitest';
import { hasProblem, sortOrgans, type OrganListRow } from './organ-list';

const row = (name: string, errors: number | null, findings: number | null, missing: number[]): OrganListRow => ({
	id: name.length,
	name,
	kind: 'department',
	status: 'district',
	aliases: [],
	years: [],
	yearFindings: [],
	latestYear: null,
	latestReportId: null,
	latestFindings: findings,
	latestErrors: errors,
	missingYears: missing
});

describe('organ list order', () => {
	const rows = [
		row('云溪区教育局', 0, 2, []),
		row('云溪区财政局', 3, 4, [2024]),
		row('云溪区安监局', null, null, [2023, 2024]),
		row('云溪区民政局', 1, 1, [])
	];

	const sortedNames = (by: Parameters<typeof sortOrgans>[1]) => sortOrgans(rows, by).map((r) => r.name);

	it.each([
		// 安 an < 财 cai < 教 jiao < 民 min.
		['name', 'names in pinyin order', ['云溪区安监局', '云溪区财政局', '云溪区教育局', '云溪区民政局']],
		[
			'findings',
			'latest report errors, then findings',
			['云溪区财政局', '云溪区民政局', '云溪区教育局', '云溪区安监局']
		],
		['missing', 'missing years, most first', ['云溪区安监局', '云溪区财政局', '云溪区教育局', '云溪区民政局']]
	] as const)('sorts by %s: %s', (by, _what, expected) => {
		expect(sortedNames(by)).toEqual(expected);
	});

	it('sorts names in pinyin order, not by code point (安 < 教 < 民 < 财)', () => {
		expect([...rows].map((r) => r.name).sort()).not.toEqual(sortedNames('name'));
	});

	it('只看有问题 keeps organs with errors or missing years', () => {
		expect(rows.filter(hasProblem).map((r) => r.name)).toEqual(['云溪区财政局', '云溪区安监局', '云溪区民政局']);
	});
});
