import { describe, expect, it } from 'vitest';
import { noneChargedAt, saysNoneCharged } from './fee-statement';
import { readFee } from './meta';

const fee = (lines: string[], strict = false) => readFee(lines, 0, lines.length, strict).yuan;

describe('no fee charged, read by its parts', () => {
	it.each([
		'本年度未发生政府信息公开收费事项。',
		'本机关未发生收取信息处理费的情况。',
		'无收取信息处理费情况。',
		'2024年未收取政府信息公开信息处理费。',
		'没有收取任何费用。',
		'不存在收费情况。',
		'依申请公开事项均未收费。',
		'信息处理费未收取。',
		'本年度不予收取信息处理费。',
		'全年信息处理费为0元。'
	])('%s → 0', (s) => expect(fee([s])).toBe(0));

	it.each([
		'无其他需要报告的事项。',
		'不断规范收费管理。',
		'本机关无行政事业性收费项目。',
		'未发生行政复议案件，收到申请20件。',
		'不得收取费用的规定已公示。'
	])('%s → null (says nothing of a charged fee)', (s) => expect(fee([s])).toBeNull());

	it('keeps amounts', () => {
		expect(fee(['本年度共收取信息处理费200元。'])).toBe(200);
		expect(fee(['收取信息处理费0.3万元，无其他需要报告的事项。'])).toBe(3000);
		expect(fee(['行政事业性收费96171.6万元，未收取信息处理费。'])).toBe(0);
	});

	it('outside section 6 only a sentence about disclosure counts', () => {
		expect(fee(['本单位不存在收费情况。'], true)).toBeNull();
		expect(fee(['依申请公开事项均未收费。'], true)).toBe(0);
		expect(fee(['依申请公开工作中未收取信息处理费。'], true)).toBe(0);
		expect(saysNoneCharged('不存在收费情况')).toBe(true);
		expect(noneChargedAt('关于信息处理费，本年度未收取')).toBeGreaterThan(0);
	});
});
