// The roster file on disk or upload: CSV or XLSX in (validated as a whole: one problem and nothing is stored),
// CSV or XLSX out. The rows themselves are checked by the pure lib/organs/roster-file.ts.
import { getDb } from './db';
import { statement } from './db/statement';
import { audit } from './audit';
import * as organs from './organs';
import { csvTable, loadWorkbook } from './spreadsheet';
import { refreshRoster } from './findings/cross';
import { normalizeOrganName } from '../report/organ';
import {
	parentsOutsideFile,
	parseRosterGrid,
	rosterGrid,
	toCsv,
	type RosterExportRow,
	type RosterProblem
} from '../organs/roster-file';
import type { Role } from '../auth/permissions';
import { can } from '../auth/permissions';

export interface RosterImport {
	file: string;
	/** False when anything was wrong: then nothing was stored. */
	ok: boolean;
	problems: RosterProblem[];
	created: number;
	updated: number;
	aliases: number;
}

export function isRosterFileName(name: string): boolean {
	return /\.(csv|xlsx)$/i.test(name);
}

async function grid(name: string, bytes: Uint8Array): Promise<unknown[][]> {
	if (/\.csv$/i.test(name)) return csvTable(bytes).map((r) => r.cells);
	const wb = await loadWorkbook(bytes, 50 * 1024 * 1024, (message, cause) => new Error(message, { cause }));
	const ws = wb.worksheets[0];
	const rows: unknown[][] = [];
	ws?.eachRow({ includeEmpty: true }, (row, n) => {
		const cells: unknown[] = [];
		row.eachCell({ includeEmpty: true }, (cell, col) => {
			const v = cell.value as unknown;
			cells[col - 1] =
				v && typeof v === 'object' && 'richText' in (v as object)
					? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('')
					: (cell.text ?? v);
		});
		rows[n - 1] = Array.from(cells, (c) => c ?? '');
	});
	return Array.from(rows, (r) => r ?? []);
}

/**
 * Loads a roster: each row's organ (found by its name or any of its aliases, else created) goes on the roster with
 * the row's kind, years, parent and aliases, in the file's order. Organs not in the file are left as they are.
 * One transaction: with any problem (a bad row, an alias that belongs to another organ, an unknown parent) nothing
 * is stored.
 */
export async function importRoster(
	file: string,
	bytes: Uint8Array,
	actor: { id: string | null; role: Role }
): Promise<RosterImport> {
	const out: RosterImport = { file, ok: false, problems: [], created: 0, updated: 0, aliases: 0 };
	if (!can(actor.role, 'organs.manage'))
		return { ...out, problems: [{ line: 0, message: '当前账号没有管理单位名册的权限' }] };
	let parsed;
	try {
		parsed = parseRosterGrid(await grid(file, bytes));
	} catch (e) {
		return { ...out, problems: [{ line: 0, message: (e as Error).message }] };
	}
	if (parsed.problems.length) return { ...out, problems: parsed.problems };
	const c = getDb().$client;
	class Abort extends Error {}
	try {
		c.transaction(() => {
			const ids = new Map<string, number>();
			parsed.rows.forEach((row, i) => {
				const names = [row.name, ...row.aliases.map((a) => a.name)];
				const found = names.map((n) => organs.findByName(n)).filter((o) => !!o);
				const owners = new Set(found.map((o) => o.id));
				if (owners.size > 1) {
					out.problems.push({
						line: row.line,
						message: `第${row.line}行：名称和别名分属不同单位（${[...new Set(found.map((o) => o.name))].join('、')}），请先合并`
					});
					return;
				}
				let organ = found[0];
				if (!organ) {
					organ = organs.ensure(row.name, row.kind, 'district');
					out.created++;
				} else out.updated++;
				if (organ.normalizedName !== normalizeOrganName(row.name)) {
					// The row names the organ by what we knew as an alias: the file's name is the name now.
					statement('DELETE FROM organ_alias WHERE organ_id = ? AND normalized_alias = ?').run(
						organ.id,
						normalizeOrganName(row.name)
					);
					statement('INSERT OR IGNORE INTO organ_alias (organ_id, alias, normalized_alias) VALUES (?, ?, ?)').run(
						organ.id,
						organ.name,
						organ.normalizedName
					);
					statement('UPDATE organ SET name = ?, normalized_name = ? WHERE id = ?').run(
						row.name,
						normalizeOrganName(row.name),
						organ.id
					);
				}
				statement(
					`UPDATE organ SET status = 'district', kind = ?, roster_from = ?, roster_to = ?, sort_order = ?, changed_at = ? WHERE id = ?`
				).run(row.kind, row.years.from, row.years.to, i + 1, Date.now(), organ.id);
				for (const a of row.aliases) {
					const key = normalizeOrganName(a.name);
					const had = statement('SELECT id FROM organ_alias WHERE organ_id = ? AND normalized_alias = ?').get(
						organ.id,
						key
					) as { id: number } | undefined;
					if (had)
						statement('UPDATE organ_alias SET alias = ?, valid_from = ?, valid_to = ? WHERE id = ?').run(
							a.name,
							a.from,
							a.to,
							had.id
						);
					else {
						statement(
							'INSERT INTO organ_alias (organ_id, alias, normalized_alias, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)'
						).run(organ.id, a.name, key, a.from, a.to);
						out.aliases++;
					}
				}
				for (const n of names) ids.set(normalizeOrganName(n), organ.id);
			});
			const outside = new Set(parentsOutsideFile(parsed.rows));
			for (const row of parsed.rows) {
				const id = ids.get(normalizeOrganName(row.name));
				if (id === undefined) continue;
				let parentId: number | null = null;
				if (row.parent) {
					parentId = outside.has(row.parent)
						? (organs.findByName(row.parent)?.id ?? null)
						: (ids.get(normalizeOrganName(row.parent)) ?? null);
					if (parentId === null) {
						out.problems.push({
							line: row.line,
							column: '上级',
							message: `第${row.line}行“上级”：“${row.parent}”既不在本文件中，也不是已登记的单位`
						});
						continue;
					}
				}
				statement('UPDATE organ SET parent_id = ? WHERE id = ?').run(parentId, id);
			}
			if (out.problems.length) throw new Abort();
			refreshRoster();
			audit(actor.id, 'roster.import', { file, created: out.created, updated: out.updated, aliases: out.aliases });
		}).immediate();
	} catch (e) {
		if (!(e instanceof Abort)) throw e;
		return { ...out, created: 0, updated: 0, aliases: 0 };
	}
	return { ...out, ok: true };
}

/** The roster (organs on it, in roster order) as export rows. */
export function rosterExportRows(): RosterExportRow[] {
	const rows = statement(
		`SELECT o.id, o.name, o.kind, p.name AS parent, o.roster_from AS rf, o.roster_to AS rt FROM organ o LEFT JOIN organ p ON p.id = o.parent_id
			WHERE o.status = 'district' ORDER BY o.sort_order, o.name`
	).all() as { id: number; name: string; kind: string; parent: string | null; rf: number | null; rt: number | null }[];
	return rows.map((r) => ({
		name: r.name,
		kind: r.kind,
		parent: r.parent,
		years: { from: r.rf, to: r.rt },
		aliases: organs.aliasesOf(r.id).map((a) => ({ name: a.alias, from: a.validFrom, to: a.validTo }))
	}));
}

/** The roster as a file: `.xlsx` gives a workbook, anything else CSV (UTF-8 with BOM). */
export async function exportRoster(name: string): Promise<Uint8Array> {
	const g = rosterGrid(rosterExportRows());
	if (!/\.xlsx$/i.test(name)) return new TextEncoder().encode(toCsv(g));
	const { default: ExcelJS } = await import('exceljs');
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('单位名册');
	for (const row of g) ws.addRow(row);
	ws.getRow(1).font = { bold: true };
	ws.columns.forEach((col, i) => (col.width = [36, 10, 28, 12, 48][i] ?? 12));
	return new Uint8Array(await wb.xlsx.writeBuffer());
}
