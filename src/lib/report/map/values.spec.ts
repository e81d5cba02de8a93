import { describe, expect, it } from 'vitest';
import { readValue } from './values';

describe('readValue', () => {
	it('numbers: plain, full-width, thousands separators, decimals, negative', () => {
		expect(readValue('12')).toMatchObject({ kind: 'number', value: 12 });
		expect(readValue('１２３')).toMatchObject({ kind: 'number', value: 123 });
		expect(readValue('3,985,758')).toMatchObject({ kind: 'number', value: 3985758 });
		expect(readValue('96171.6')).toMatchObject({ kind: 'number', value: 96171.6 });
		expect(readValue('-18')).toMatchObject({ kind: 'number', value: -18 });
	});
	it('blank, dashes, slash and 无 are null, never 0', () => {
		for (const c of ['', ' ', '—', '-', '/', '无', '——', '不适用']) expect(readValue(c).kind).toBe('null');
	});
	it('a count with a note keeps the leading count and the note', () => {
		expect(readValue('22（其中修订16件）')).toMatchObject({
			kind: 'number',
			value: 22,
			note: expect.stringContaining('其中修订16件')
		});
	});
	it('labels are text', () => {
		expect(readValue('2.其他法律行政法规禁止公开').kind).toBe('text');
		expect(readValue('行政许可').kind).toBe('text');
	});
});
