// Who is assessed: every organ before the organ registry; with it, only the roster's organs for the year.
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDatabaseForSuite } from '../../../../tests/helpers/temp-db';
import { getDb } from '../db';
import * as organs from '../organs';
import { assessedOrgans, hasRoster } from './roster';
import { liveSheet } from './quarters';

tempDatabaseForSuite('dw-assessment-roster-');
beforeAll(() => {
	for (const n of ['甲区教育局', '甲区财政局', '甲区待定办', '外区某局', '甲区撤并局']) organs.ensure(n, 'department');
});

describe('assessedOrgans', () => {
	it('takes the roster organs of the year, never pending or outside ones', () => {
		const c = getDb().$client;
		if (!hasRoster()) {
			expect(assessedOrgans(2025)).toHaveLength(5);
			// The registry's columns, as its migration adds them.
			c.exec(
				"ALTER TABLE organ ADD COLUMN status text NOT NULL DEFAULT 'district'; ALTER TABLE organ ADD COLUMN roster_from integer; ALTER TABLE organ ADD COLUMN roster_to integer;"
			);
		}
		const id = (n: string) => organs.findByName(n)!.id;
		c.prepare("UPDATE organ SET status = 'pending' WHERE id = ?").run(id('甲区待定办'));
		c.prepare("UPDATE organ SET status = 'outside' WHERE id = ?").run(id('外区某局'));
		c.prepare('UPDATE organ SET roster_to = 2024 WHERE id = ?').run(id('甲区撤并局'));
		c.prepare('UPDATE organ SET roster_from = 2026 WHERE id = ?').run(id('甲区财政局'));
		expect(assessedOrgans(2025).map((o) => o.name)).toEqual(['甲区教育局']);
		expect(
			assessedOrgans(2024)
				.map((o) => o.name)
				.sort()
		).toEqual(['甲区撤并局', '甲区教育局'].sort());
		expect(liveSheet({ year: 2025, q: 1 }).scores.map((s) => s.organName)).toEqual(['甲区教育局']);
	});
});
