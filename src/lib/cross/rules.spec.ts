import { describe, expect, it } from 'vitest';
import { RULES } from '../report/checks/rules';

describe('the catalogue lists the cross-report rules', () => {
	it.each(['X4', 'X6', 'X7', 'H1', 'D2', 'D3'])('%s: a warning with a Chinese name and its domain-rules id', (id) => {
		const r = (RULES as Record<string, { severity: string; name: string; source: string }>)[id];
		expect(r).toBeDefined();
		expect(r.severity).toBe('warning');
		expect(r.name).toMatch(/\p{Script=Han}/u);
		expect(r.source).toBe(`R-${id}`);
	});
});
