import { describe, expect, it } from 'vitest';
import { parentsOutsideFile, parseRosterGrid, rosterGrid, toCsv } from './roster-file';

describe('roster file', () => {
	it('reads rows with kind, parent, years and dated aliases', () => {
		const { rows, problems } = parseRosterGrid([
			['云溪区单位名册'],
			['名称', '类型', '上级', '起止年度', '别名'],
			['云溪区人民政府', '人民政府', '', '', ''],
			['云溪区自然资源和规划局', '', '云溪区人民政府', '2019-', '云溪区自然资源局（2019-2021）；自然资源局'],
			['', '', '', '', ''],
			['云溪区城关街道办事处', 'street', '云溪区人民政府', '-2023', '']
		]);
		expect(problems).toEqual([]);
		expect(rows).toHaveLength(3);
		expect(rows[0]).toMatchObject({
			line: 3,
			name: '云溪区人民政府',
			kind: 'government',
			parent: null,
			years: { from: null, to: null }
		});
		expect(rows[1]).toMatchObject({
			line: 4,
			kind: 'department',
			parent: '云溪区人民政府',
			years: { from: 2019, to: null },
			aliases: [
				{ name: '云溪区自然资源局', from: 2019, to: 2021 },
				{ name: '自然资源局', from: null, to: null }
			]
		});
		expect(rows[2]).toMatchObject({ kind: 'street', years: { from: null, to: 2023 } });
	});

	it('reports each bad row with its line and column, in Chinese, and keeps the good ones', () => {
		const { rows, problems } = parseRosterGrid([
			['名称', '类型', '起止年度', '别名', '上级'],
			['', '政府部门', '', '', ''],
			['甲局', '机构', '', '', ''],
			['乙局', '', '2024-2020', '', ''],
			['丙局', '', '', '', '丙局'],
			['戊局', '', '', '', ''],
			['己局', '', '', '戊局', '']
		]);
		expect(rows.map((r) => r.name)).toEqual(['戊局']);
		expect(problems.map((p) => [p.line, p.column])).toEqual([
			[2, '名称'],
			[3, '类型'],
			[4, '起止年度'],
			[5, '上级'],
			[7, '别名']
		]);
		expect(problems[0].message).toBe('第2行“名称”：名称为空');
		expect(problems[1].message).toContain('“机构”不是单位类型');
		expect(problems[4].message).toBe('第7行“别名”：“戊局”与第6行重复');
	});

	it('refuses a sheet without a 名称 column', () => {
		expect(parseRosterGrid([['单位', 'x']]).problems[0].message).toBe('名册中没有单位');
		expect(parseRosterGrid([['标题', '日期']]).problems[0].message).toContain('缺少“名称”列');
	});

	it('writes what it reads', () => {
		const grid = [
			['名称', '类型', '上级', '起止年度', '别名'],
			['云溪区人民政府', '人民政府', '', '', ''],
			['云溪区自然资源和规划局', '政府部门', '云溪区人民政府', '2019-', '云溪区自然资源局（2019-2021）；简称']
		];
		const { rows } = parseRosterGrid(grid);
		expect(rosterGrid(rows)).toEqual(grid);
		expect(toCsv([['a,b', 'c"d']])).toBe('\uFEFF"a,b","c""d"\r\n');
		expect(parentsOutsideFile([...rows, { ...rows[0], name: '某局', parent: '清河市人民政府' }])).toEqual([
			'清河市人民政府'
		]);
	});
});
