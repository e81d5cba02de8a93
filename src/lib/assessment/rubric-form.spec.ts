import { describe, expect, it } from 'vitest';
import { applyRubricForm, formFields, rubricForm } from './rubric-form';
import { DEFAULT_RUBRIC, type Rubric } from './rubric';

/** The form as the page would post it, with some fields changed. */
function posted(r: Rubric, changes: Record<string, string> = {}) {
	const values = new Map(formFields(rubricForm(r)).map((f) => [f.name, f.value]));
	for (const [k, v] of Object.entries(changes)) values.set(k, v);
	return (name: string) => values.get(name) ?? null;
}

describe('the rubric form', () => {
	it('has one row per indicator with its weight, cap and the thresholds of its evidence rule', () => {
		const m = rubricForm(DEFAULT_RUBRIC);
		expect(m.indicators.map((i) => i.id)).toEqual(DEFAULT_RUBRIC.indicators.map((i) => i.id));
		const web = m.indicators.find((i) => i.id === 'web.updates')!;
		expect(web.points.value).toBe('15');
		expect(web.extras.map((e) => [e.name, e.value])).toEqual([
			['ind.web.updates.perItem', '3'],
			['ind.web.updates.group.0.maxSilentDays', '14'],
			['ind.web.updates.group.1.maxSilentDays', '183']
		]);
		const fmt = m.indicators.find((i) => i.id === 'report.format')!;
		expect(fmt.extras.map((e) => e.name)).toEqual(['ind.report.format.perItem', 'ind.report.format.weight.F2']);
		expect(m.bands.map((b) => b.value)).toEqual(['90', '80', '60', '0']);
	});

	it('posting the form unchanged gives the same rubric', () => {
		const { rubric, errors } = applyRubricForm(DEFAULT_RUBRIC, posted(DEFAULT_RUBRIC));
		expect(errors).toEqual([]);
		expect(rubric).toEqual(DEFAULT_RUBRIC);
	});

	it('applies changed numbers to the rubric, leaving the base rubric as it was', () => {
		const before = structuredClone(DEFAULT_RUBRIC);
		const { rubric, errors } = applyRubricForm(
			DEFAULT_RUBRIC,
			posted(DEFAULT_RUBRIC, {
				'ind.report.timely.points': '8',
				'ind.report.timely.cap': '8',
				'ind.report.timely.deadline.default': '02-15',
				'ind.web.updates.group.0.maxSilentDays': '21',
				'ind.request.corrected.quarters': '1，3',
				'band.0.min': '92.5',
				'veto.0.minItems': '4',
				'bonus.cap': '5'
			})
		);
		expect(errors).toEqual([]);
		const ind = (id: string) => rubric.indicators.find((i) => i.id === id)!;
		expect([ind('report.timely').points, ind('report.timely').cap]).toEqual([8, 8]);
		expect((ind('report.timely').evidence as { deadlines: Record<string, string> }).deadlines.default).toBe('02-15');
		expect((ind('web.updates').evidence as { groups: { maxSilentDays: number }[] }).groups[0].maxSilentDays).toBe(21);
		expect((ind('request.corrected').evidence as { quarters: number[] }).quarters).toEqual([1, 3]);
		expect([rubric.bands[0].min, rubric.vetoes[0].minItems, rubric.bonus.cap]).toEqual([92.5, 4, 5]);
		expect(DEFAULT_RUBRIC).toEqual(before);
	});

	it('refuses bad values with a Chinese message naming the field', () => {
		const { rubric, errors } = applyRubricForm(
			DEFAULT_RUBRIC,
			posted(DEFAULT_RUBRIC, {
				'ind.report.timely.points': '-1',
				'ind.web.updates.group.1.maxSilentDays': '3.5',
				'ind.report.accuracy.cap': '',
				'ind.report.timely.deadline.government': '3月31日',
				'ind.request.corrected.quarters': '5'
			})
		);
		expect(rubric).toBe(DEFAULT_RUBRIC);
		expect(errors).toEqual([
			{ field: 'ind.report.timely.points', message: '“年度报告·按时发布：分值”须为不小于0的数（填写的是“-1”）' },
			{
				field: 'ind.report.timely.deadline.government',
				message: '“年度报告·按时发布：人民政府发布期限（月-日）”须写成“月-日”，如 03-31（填写的是“3月31日”）'
			},
			{ field: 'ind.report.accuracy.cap', message: '“年度报告·数据准确：扣分上限”未填写' },
			{
				field: 'ind.request.corrected.quarters',
				message: '“依申请公开·复议诉讼被纠错：计分季度（如 1 或 1,3）”须为1至4的季度，用逗号分隔（填写的是“5”）'
			},
			{
				field: 'ind.web.updates.group.1.maxSilentDays',
				message: '“网站与新媒体·栏目更新：通知公告政策文件类最长未更新天数”须为整数（填写的是“3.5”）'
			}
		]);
	});

	it('refuses grade bands out of order and a veto that needs no item', () => {
		const { errors } = applyRubricForm(
			DEFAULT_RUBRIC,
			posted(DEFAULT_RUBRIC, { 'band.1.min': '95', 'veto.0.minItems': '0' })
		);
		expect(errors).toEqual([
			{ field: 'veto.0.minItems', message: '“单项否决（5个及以上栏目未按要求更新）：触发项数”至少为1' },
			{ field: 'band.1.min', message: '“良好等次最低分”须低于优秀等次的最低分90' }
		]);
	});
});
