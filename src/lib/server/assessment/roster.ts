// Who is assessed in a year, and the district's name for the sheet's title.
import { getDb } from '../db';

export interface AssessedOrgan {
	id: number;
	name: string;
	kind: string;
}

/** Whether the organ table carries the roster (status, roster years): the organ registry adds them. */
export function hasRoster(): boolean {
	return (getDb().$client.prepare('PRAGMA table_info(organ)').all() as { name: string }[]).some(
		(c) => c.name === 'status'
	);
}

/**
 * The organs assessed in `year`: those on the district's roster that year (status 'district', within their roster
 * years), never a pending or outside organ. A database from before the roster has no status: every organ.
 */
export function assessedOrgans(year: number): AssessedOrgan[] {
	const c = getDb().$client;
	if (!hasRoster()) return c.prepare('SELECT id, name, kind FROM organ ORDER BY name').all() as AssessedOrgan[];
	return c
		.prepare(
			`SELECT id, name, kind FROM organ
			  WHERE status = 'district' AND COALESCE(roster_from, 0) <= ? AND COALESCE(roster_to, 9999) >= ?
			  ORDER BY name`
		)
		.all(year, year) as AssessedOrgan[];
}

/** The district named by DISTRICT_NAME, else by its people's government (…区人民政府 → …区); '' if none. */
export function districtName(): string {
	if (process.env.DISTRICT_NAME) return process.env.DISTRICT_NAME;
	const rows = getDb()
		.$client.prepare("SELECT name FROM organ WHERE kind = 'government' ORDER BY parent_id IS NOT NULL, id")
		.all() as { name: string }[];
	for (const r of rows) {
		const m = /^(.*?[区县市旗])人民政府$/.exec(r.name);
		if (m) return m[1];
	}
	return '';
}
