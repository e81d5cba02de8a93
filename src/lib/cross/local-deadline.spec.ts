import { describe, expect, it } from 'vitest';
import { handBuilt } from '../../../tests/helpers/hand-built-report';
import { checkLocalDeadline } from './local-deadline';

describe('D2 local filing deadline', () => {
	const r = handBuilt('甲局', 2023); // published 2024-01-20

	it('publication later than the local deadline', () => {
		expect(checkLocalDeadline(r, { publication: '01-28' })).toEqual([]);
		const found = checkLocalDeadline(r, { publication: '01-15' });
		expect(found.map((f) => f.rule)).toEqual(['D2']);
		expect(found[0].message).toContain('2024-01-15');
	});

	it('filing: late, missing record, or not kept at all', () => {
		expect(checkLocalDeadline(r, { filing: '01-26' })).toEqual([]);
		expect(checkLocalDeadline(r, { filing: '01-26' }, '2024-01-25')).toEqual([]);
		expect(checkLocalDeadline(r, { filing: '01-26' }, '2024-01-27')[0].message).toContain('晚于');
		expect(checkLocalDeadline(r, { filing: '01-26' }, null)[0].message).toContain('未见报送记录');
	});

	it('nothing configured, nothing checked', () => {
		const late = handBuilt('甲局', 2023);
		late.published_on = '2024-12-31';
		expect(checkLocalDeadline(late, {})).toEqual([]);
	});
});
