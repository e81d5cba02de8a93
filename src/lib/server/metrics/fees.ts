// Fees: 信息处理费 from section 6 (report.fee_yuan, yuan) and 行政事业性收费 from section 2 (万元). Only the 2021
// layout of section 2 has an amount: the 2019 admin_fees row counts items (上一年项目数量, 本年增/减).
import type Database from 'better-sqlite3';
import type { FeesData } from '../../charts/data';
import { yearsOf, type DashboardFilter } from '../../charts/filters';
import { statement } from '../db/statement';
import { num, reportWhere, round2, zeros } from './sql';

export function fees(f: DashboardFilter, client?: Database.Database): FeesData {
	const w = reportWhere(f);
	// Only organ-years that charged anything: the yearly sums are exactly the sums of these rows.
	const rows = statement(
		`SELECT r.year AS year, o.id AS id, o.name AS name, COALESCE(r.fee_yuan, 0) AS info,
			COALESCE(s.admin_fee, 0) AS admin
		FROM report r JOIN organ o ON o.id = r.organ_id
			LEFT JOIN report_summary s ON s.report_id = r.id
		WHERE ${w.sql} AND (r.fee_yuan > 0 OR s.admin_fee > 0)
		ORDER BY r.year, o.name`,
		client
	).all(...w.params) as { year: number; id: number; name: string; info: number; admin: number }[];
	const infoFeeYuan = zeros(f);
	const adminFee10k = zeros(f);
	for (const r of rows) {
		infoFeeYuan[r.year - f.fromYear] += num(r.info);
		adminFee10k[r.year - f.fromYear] += num(r.admin);
	}
	return {
		years: yearsOf(f),
		infoFeeYuan: infoFeeYuan.map(round2),
		adminFee10k: adminFee10k.map((v) => Math.round(v * 10000) / 10000),
		charging: rows.map((r) => ({
			organ: { id: r.id, name: r.name },
			year: r.year,
			infoFeeYuan: num(r.info),
			adminFee10k: num(r.admin)
		}))
	};
}
