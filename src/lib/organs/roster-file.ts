// The roster as a table (CSV or XLSX, one organ a row): 名称, 类型, 上级, 起止年度, 别名. Pure: the server reads the
// bytes into a grid of strings, this checks the rows (every problem with its line and column, in Chinese) and
// writes the grid back for export.
import { ORGAN_KIND_LABELS, ORGAN_KINDS, inferOrganKind, normalizeOrganName, type OrganKind } from '../report/organ';
import { formatYearSpan, parseYearSpan, type YearSpan } from './roster';

export const ROSTER_COLUMNS = ['名称', '类型', '上级', '起止年度', '别名'] as const;
type Column = 'name' | 'kind' | 'parent' | 'years' | 'aliases';

const HEADERS: Record<Column, string[]> = {
	name: ['名称', '单位名称', '单位', '机关名称', 'name'],
	kind: ['类型', '单位类型', 'kind'],
	parent: ['上级', '上级单位', '上级机关', 'parent'],
	years: ['起止年度', '年度', '起止年份', 'years'],
	aliases: ['别名', '曾用名', '别名/曾用名', 'aliases']
};
const LABEL: Record<Column, string> = {
	name: '名称',
	kind: '类型',
	parent: '上级',
	years: '起止年度',
	aliases: '别名'
};

export interface RosterAlias extends YearSpan {
	name: string;
}

export interface RosterRow {
	line: number;
	name: string;
	kind: OrganKind;
	parent: string | null;
	years: YearSpan;
	aliases: RosterAlias[];
}

export interface RosterProblem {
	line: number;
	column?: string;
	message: string;
}

export interface RosterFile {
	rows: RosterRow[];
	problems: RosterProblem[];
}

const clean = (v: unknown) => (v === null || v === undefined ? '' : String(v).replace(/\s+/g, ' ').trim());

function headerOf(cells: string[]): Partial<Record<Column, number>> {
	const out: Partial<Record<Column, number>> = {};
	cells.forEach((c, i) => {
		const h = clean(c).replace(/\s/g, '').toLowerCase();
		for (const [col, names] of Object.entries(HEADERS) as [Column, string[]][])
			if (out[col] === undefined && names.includes(h)) out[col] = i;
	});
	return out;
}

/** 人民政府 / government / … → the kind code; '' infers it from the name. */
export function parseKind(text: string, name: string): OrganKind | null {
	const t = text.trim();
	if (!t) return inferOrganKind(name);
	if ((ORGAN_KINDS as readonly string[]).includes(t)) return t as OrganKind;
	const byLabel = (Object.entries(ORGAN_KIND_LABELS) as [OrganKind, string][]).find(([, l]) => l === t);
	if (byLabel) return byLabel[0];
	const loose: Record<string, OrganKind> = {
		政府: 'government',
		部门: 'department',
		乡: 'town',
		镇: 'town',
		街道办事处: 'street'
	};
	return loose[t] ?? null;
}

/** `旧名（2019-2021）；简称` → aliases with their years (none: any year). */
export function parseAliases(text: string): RosterAlias[] | { error: string } {
	const out: RosterAlias[] = [];
	for (const part of text.split(/[;；、|,，\n]/)) {
		const p = part.trim();
		if (!p) continue;
		const m = /^(.*?)[（(]([^()（）]*)[)）]$/.exec(p);
		const span = m && /\d{4}/.test(m[2]) ? parseYearSpan(m[2]) : { from: null, to: null };
		if ('error' in span) return { error: `别名“${p}”的年度${span.error}` };
		const name = (m && /\d{4}/.test(m[2]) ? m[1] : p).trim();
		if (!normalizeOrganName(name)) return { error: `别名“${p}”没有名称` };
		out.push({ name, ...span });
	}
	return out;
}

/**
 * Reads a roster grid: the first row naming a 名称 column is the header; blank rows are skipped; `line` is the
 * grid's row number (1-based, as a spreadsheet shows it). A row with a problem is left out and reported; names and
 * aliases must be unique across the file (after normalisation), and a 上级 must be another row of the file or
 * (checked by the caller) an organ already on the roster.
 */
export function parseRosterGrid(grid: unknown[][]): RosterFile {
	const problems: RosterProblem[] = [];
	const headerAt = grid.findIndex((r) => headerOf(r.map(clean)).name !== undefined);
	if (headerAt < 0)
		return {
			rows: [],
			problems: [{ line: 1, message: `不是单位名册：缺少“名称”列（列：${ROSTER_COLUMNS.join('、')}）` }]
		};
	const cols = headerOf(grid[headerAt].map(clean));
	const rows: RosterRow[] = [];
	const seen = new Map<string, number>();
	for (let i = headerAt + 1; i < grid.length; i++) {
		const cells = grid[i];
		const line = i + 1;
		const get = (c: Column) => (cols[c] === undefined ? '' : clean(cells[cols[c]!]));
		if (cells.every((c) => !clean(c))) continue;
		const bad = (c: Column, message: string) =>
			problems.push({ line, column: LABEL[c], message: `第${line}行“${LABEL[c]}”：${message}` });
		const name = get('name');
		if (!normalizeOrganName(name)) {
			bad('name', '名称为空');
			continue;
		}
		const kind = parseKind(get('kind'), name);
		if (!kind) {
			bad('kind', `“${get('kind')}”不是单位类型（可选：${ORGAN_KINDS.map((k) => ORGAN_KIND_LABELS[k]).join('、')}）`);
			continue;
		}
		const years = parseYearSpan(get('years'));
		if ('error' in years) {
			bad('years', years.error);
			continue;
		}
		const aliases = parseAliases(get('aliases'));
		if ('error' in aliases) {
			bad('aliases', aliases.error);
			continue;
		}
		const keys = [name, ...aliases.map((a) => a.name)].map(normalizeOrganName);
		const clash = keys.find((k) => seen.has(k));
		if (clash !== undefined) {
			bad(
				keys[0] === clash ? 'name' : 'aliases',
				`“${[name, ...aliases.map((a) => a.name)][keys.indexOf(clash)]}”与第${seen.get(clash)}行重复`
			);
			continue;
		}
		for (const k of keys) seen.set(k, line);
		const parent = get('parent') || null;
		if (parent && normalizeOrganName(parent) === keys[0]) {
			bad('parent', '上级不能是单位自己');
			continue;
		}
		rows.push({ line, name, kind, parent, years, aliases });
	}
	if (!rows.length && !problems.length) problems.push({ line: headerAt + 1, message: '名册中没有单位' });
	return { rows, problems };
}

export interface RosterExportRow {
	name: string;
	kind: string;
	parent: string | null;
	years: YearSpan;
	aliases: RosterAlias[];
}

/** The grid an export writes (header first); parseRosterGrid reads it back unchanged. */
export function rosterGrid(rows: RosterExportRow[]): string[][] {
	const kindLabel = (k: string) => ORGAN_KIND_LABELS[k as OrganKind] ?? k;
	const alias = (a: RosterAlias) => (a.from === null && a.to === null ? a.name : `${a.name}（${formatYearSpan(a)}）`);
	return [
		[...ROSTER_COLUMNS],
		...rows.map((r) => [
			r.name,
			kindLabel(r.kind),
			r.parent ?? '',
			formatYearSpan(r.years),
			r.aliases.map(alias).join('；')
		])
	];
}

/** CSV text of a grid (RFC 4180 quoting, CRLF, BOM so Excel opens it as UTF-8). */
export function toCsv(grid: string[][]): string {
	const q = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
	return '\uFEFF' + grid.map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
}

/** Parent names in the file that name no row of it: the caller looks them up on the roster. */
export function parentsOutsideFile(rows: RosterRow[]): string[] {
	const names = new Set(rows.flatMap((r) => [r.name, ...r.aliases.map((a) => a.name)].map(normalizeOrganName)));
	return [...new Set(rows.filter((r) => r.parent && !names.has(normalizeOrganName(r.parent))).map((r) => r.parent!))];
}
