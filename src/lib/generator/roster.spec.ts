import { describe, expect, it } from 'vitest';
import { buildOrgans } from './organs';
import { rosterRows } from './roster';

describe('generated roster', () => {
	it('lists every organ under its current name, old names dated, the district government as parent', () => {
		const organs = buildOrgans(12);
		const rows = rosterRows(organs, [2019, 2020, 2021, 2022, 2023]);
		expect(rows).toHaveLength(12);
		const gov = rows[0];
		expect(gov).toMatchObject({ name: '云溪区人民政府', kind: 'government', parent: null });
		const zrzy = rows.find((r) => r.name === '云溪区自然资源和规划局')!;
		expect(zrzy.parent).toBe('云溪区人民政府');
		expect(zrzy.aliases).toEqual([{ name: '云溪区自然资源局', from: null, to: 2021 }]);
	});
});
