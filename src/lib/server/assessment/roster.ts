// Who is assessed in a year, and the district's name for the sheet's title.
import { getDb } from '../db';

export interface AssessedOrgan {
	id: number;
	name: string;
	kind: string;
}

/**
 * The organs assessed in `year`: the district's roster for that year. Until organs carry a roster status, every
 * organ is on it.
 */
export function assessedOrgans(year: number): AssessedOrgan[] {
	void year;
	return getDb().$client.prepare('SELECT id, name, kind FROM organ ORDER BY name').all() as AssessedOrgan[];
}

/** The district named by DISTRICT_NAME, else by its people's government (…区人民政府 → …区); '' if none. */
export function districtName(): string {
	if (process.env.DISTRICT_NAME) return process.env.DISTRICT_NAME;
	const rows = getDb().$client.prepare("SELECT name FROM organ WHERE kind = 'government' ORDER BY parent_id IS NOT NULL, id").all() as { name: string }[];
	for (const r of rows) {
		const m = /^(.*?[区县市旗])人民政府$/.exec(r.name);
		if (m) return m[1];
	}
	return '';
}
