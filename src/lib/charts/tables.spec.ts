import { describe, expect, it } from 'vitest';
import { formulaSafe, toCsv } from './tables';

/** RFC 4180 as a spreadsheet reads it: quoted cells may hold commas, quotes, CR and LF. */
function readCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(cell);
			cell = '';
		} else if (ch === '\r' && text[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else cell += ch;
	}
	return rows;
}

describe('CSV export of uploaded text', () => {
	it('writes cells that would start a formula as text, tab and CR included', () => {
		const payloads = [
			'=HYPERLINK("http://evil.example","点此")',
			'+1+1',
			'-2+3',
			'@SUM(A1)',
			'\t=1+1',
			'\r=1+1',
			"=cmd|' /C calc'!A0"
		];
		const csv = toCsv({ columns: ['单位', '数'], rows: payloads.map((p, i) => [p, i]) });
		const rows = readCsv(csv.replace(/^\uFEFF/, ''));
		const texts = rows.slice(1).map((r) => r[0]);
		expect(texts).toHaveLength(payloads.length);
		for (const t of texts) expect(t.startsWith("'"), JSON.stringify(t)).toBe(true);
	});

	it('leaves ordinary text and numbers (negative ones too) as they are', () => {
		expect(formulaSafe('株洲市天元区科工信局')).toBe('株洲市天元区科工信局');
		expect(formulaSafe('a=b')).toBe('a=b');
		expect(toCsv({ columns: ['n'], rows: [[-5], [3.5]] })).toBe('\uFEFFn\r\n-5\r\n3.5\r\n');
	});
});
