import { describe, expect, it } from 'vitest';
import { readFee, readPublishedOn, readTitle, fullerOrgan } from './meta';

describe('readFee (信息处理费)', () => {
	const fee = (lines: string[]) => readFee(lines, 0, lines.length);
	it('an amount in 元 or 万元', () => {
		expect(fee(['全年收取政府信息公开信息处理费 3940 元。'])).toEqual({ yuan: 3940, line: 0 });
		expect(fee(['本年度收取信息处理费0.5万元。'])).toEqual({ yuan: 5000, line: 0 });
	});
	it('"未收取" is 0; silence is null', () => {
		expect(fee(['2022年未向申请人收取信息处理费。']).yuan).toBe(0);
		expect(fee(['无其他需要报告的事项。']).yuan).toBeNull();
	});
	it('a sentence broken across lines, traced to the line of the figure', () => {
		expect(
			fee(['2023 年，区政府严格落实《政府信息公开信息处理费管理办', '法》，全年收取政府信息公开信息处理费 0 元。'])
		).toEqual({ yuan: 0, line: 1 });
	});
	it('other amounts in the sentence are not the fee', () => {
		expect(fee(['行政事业性收费96171.6万元，未收取信息处理费。']).yuan).toBe(0);
	});
});

describe('title, organ, year, date', () => {
	it('organ and year from one title line', () => {
		expect(readTitle(['株洲市天元区科工信局2022年政府信息公开工作年度报告'])).toMatchObject({
			organ: '株洲市天元区科工信局',
			year: 2022
		});
	});
	it('a PDF title page: organ above, year line below', () => {
		expect(readTitle(['洪泽区人民政府', '2023 年政府信息公开工作年度报告'])).toMatchObject({
			organ: '洪泽区人民政府',
			year: 2023
		});
	});
	it('year first, title wrapped over two lines', () => {
		expect(readTitle(['2025 年上海市人民政府办公厅政府信息公开', '工作年度报告'])).toMatchObject({
			organ: '上海市人民政府办公厅',
			year: 2025
		});
	});
	it('a fuller organ name from 本报告由…编制', () => {
		expect(fullerOrgan('洪泽区人民政府', ['本报告由淮安市洪泽区人民政府办公室根据《条例》编制'])).toBe(
			'淮安市洪泽区人民政府'
		);
	});
	it('a date line of its own, not the statistical period', () => {
		const lines = ['统计期限自2023年1月1日起至2023年12月31日止。', '淮安市洪泽区人民政府', '2024年1月20日'];
		expect(readPublishedOn(lines, 2023).date).toBe('2024-01-20');
		expect(readPublishedOn(lines.slice(0, 1), 2023).date).toBeNull();
	});
});
