// Organs with a crawled column whose last run failed (issue 19's broken state): their postings are unknown, so the
// headline, the attention list and the update-frequency ranking never count them as silent or least updated.
import type Database from 'better-sqlite3';
import type { DashboardFilter } from '../../charts/filters';
import { statement } from '../db/statement';
import { organWhere } from './sql';

export function brokenSourceOrgans(f: DashboardFilter, client?: Database.Database): Set<number> {
	const ow = organWhere(f);
	const rows = statement(
		`SELECT DISTINCT o.id AS id FROM crawl_source s JOIN organ o ON o.id = s.organ_id
		WHERE s.enabled = 1 AND s.last_status = 'broken' AND ${ow.sql}`,
		client
	).all(...ow.params) as { id: number }[];
	return new Set(rows.map((r) => r.id));
}
