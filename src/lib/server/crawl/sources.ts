// The columns the crawler reads, kept by admins on /admin/sources: added one by one or from a CSV
// (单位, 栏目, 网址, optional 页数 and 起始日期).
import { getDb } from '../db';
import * as organs from '../organs';
import { csvTable } from '../spreadsheet';
import { normalizeText } from '../../report/normalize';
import { fullDate } from '../../listing/dates';

export const DEFAULT_MAX_PAGES = 5;
export const MAX_PAGES_LIMIT = 50;

export interface SourceRow {
	id: number;
	organId: number;
	organName: string;
	channel: string;
	startUrl: string;
	maxPages: number;
	since: string | null;
	enabled: boolean;
	lastStatus: string | null;
	lastError: string | null;
	lastRunAt: number | null;
}

export interface SourceInput {
	organ: string;
	channel: string;
	startUrl: string;
	maxPages?: number | null;
	since?: string | null;
}

export class SourceRefusal extends Error {}

export function list(): SourceRow[] {
	return getDb()
		.$client.prepare(
			`SELECT s.id, s.organ_id AS organId, o.name AS organName, s.channel, s.start_url AS startUrl, s.max_pages AS maxPages,
				s.since, s.enabled, s.last_status AS lastStatus, s.last_error AS lastError, s.last_run_at AS lastRunAt
			FROM crawl_source s JOIN organ o ON o.id = s.organ_id ORDER BY o.name, s.channel, s.id`
		)
		.all()
		.map((r) => ({ ...(r as SourceRow), enabled: !!(r as { enabled: number }).enabled }));
}

export function get(id: number): SourceRow | undefined {
	return list().find((s) => s.id === id);
}

/** The checked fields of a source, or a Chinese reason naming the field. */
export function validate(input: SourceInput): {
	organ: string;
	channel: string;
	startUrl: string;
	maxPages: number;
	since: string | null;
} {
	const organ = input.organ.trim();
	const channel = input.channel.trim();
	const raw = input.startUrl.trim();
	if (!organ) throw new SourceRefusal('单位不能为空');
	if (!channel) throw new SourceRefusal('栏目不能为空');
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new SourceRefusal(`网址“${raw}”无效：须以 http:// 或 https:// 开头`);
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		throw new SourceRefusal(`网址“${raw}”无效：须以 http:// 或 https:// 开头`);
	const maxPages =
		input.maxPages === null || input.maxPages === undefined || Number.isNaN(input.maxPages)
			? DEFAULT_MAX_PAGES
			: input.maxPages;
	if (!Number.isInteger(maxPages) || maxPages < 1 || maxPages > MAX_PAGES_LIMIT)
		throw new SourceRefusal(`页数“${input.maxPages}”无效：须为 1–${MAX_PAGES_LIMIT} 的整数`);
	let since: string | null = null;
	if (input.since?.trim()) {
		since = fullDate(input.since);
		if (!since) throw new SourceRefusal(`起始日期“${input.since}”无法识别（如 2024-01-01）`);
	}
	return { organ, channel, startUrl: url.href, maxPages, since };
}

/** Adds a source (or updates the channel, depth and date of the same organ + URL). */
export function upsert(input: SourceInput): { id: number; created: boolean } {
	const v = validate(input);
	const c = getDb().$client;
	return c
		.transaction(() => {
			const organ = organs.findByName(v.organ) ?? organs.ensure(v.organ);
			const existing = c
				.prepare('SELECT id FROM crawl_source WHERE organ_id = ? AND start_url = ?')
				.get(organ.id, v.startUrl) as { id: number } | undefined;
			if (existing) {
				c.prepare('UPDATE crawl_source SET channel = ?, max_pages = ?, since = ? WHERE id = ?').run(
					v.channel,
					v.maxPages,
					v.since,
					existing.id
				);
				return { id: existing.id, created: false };
			}
			const res = c
				.prepare('INSERT INTO crawl_source (organ_id, channel, start_url, max_pages, since) VALUES (?, ?, ?, ?, ?)')
				.run(organ.id, v.channel, v.startUrl, v.maxPages, v.since);
			return { id: Number(res.lastInsertRowid), created: true };
		})
		.immediate();
}

export function remove(id: number): void {
	getDb().$client.prepare('DELETE FROM crawl_source WHERE id = ?').run(id);
}

export function setEnabled(id: number, enabled: boolean): void {
	getDb()
		.$client.prepare('UPDATE crawl_source SET enabled = ? WHERE id = ?')
		.run(enabled ? 1 : 0, id);
}

const CSV_HEADERS = {
	organ: ['organ', '单位', '单位名称', '机关', '部门'],
	channel: ['channel', '栏目', '栏目名称'],
	startUrl: ['url', 'starturl', '网址', '起始网址', '栏目网址', '链接', '地址'],
	maxPages: ['maxpages', 'depth', '页数', '最多页数', '抓取页数'],
	since: ['since', '起始日期', '开始日期', '最早日期']
} as const;
type CsvField = keyof typeof CSV_HEADERS;
const key = (s: string) =>
	normalizeText(s)
		.replace(/[\s\p{P}\p{S}]/gu, '')
		.toLowerCase();

export interface CsvImport {
	added: number;
	updated: number;
	problems: { line: number; reason: string }[];
}

/** Imports sources from a CSV; each bad line is named with its reason, the good ones are stored. */
export function importCsv(name: string, bytes: Uint8Array): CsvImport {
	const rows = csvTable(bytes);
	const urlHeaders: readonly string[] = CSV_HEADERS.startUrl;
	const headerAt = rows.findIndex((r) => r.cells.some((c) => urlHeaders.includes(key(String(c)))));
	if (headerAt < 0) throw new SourceRefusal(`${name}：没有表头行（需要列：单位、栏目、网址，可选页数、起始日期）`);
	const cols: Partial<Record<CsvField, number>> = {};
	rows[headerAt].cells.forEach((c, i) => {
		for (const f of Object.keys(CSV_HEADERS) as CsvField[])
			if (cols[f] === undefined && (CSV_HEADERS[f] as readonly string[]).includes(key(String(c)))) cols[f] = i;
	});
	const missing = (['organ', 'channel', 'startUrl'] as CsvField[]).filter((f) => cols[f] === undefined);
	if (missing.length)
		throw new SourceRefusal(
			`${name}：缺少“${missing.map((f) => ({ organ: '单位', channel: '栏目', startUrl: '网址' })[f as 'organ']).join('”“')}”列`
		);
	const out: CsvImport = { added: 0, updated: 0, problems: [] };
	for (const r of rows.slice(headerAt + 1)) {
		const cell = (f: CsvField) => (cols[f] === undefined ? '' : String(r.cells[cols[f]!] ?? '').trim());
		if (r.cells.every((c) => !String(c ?? '').trim())) continue;
		try {
			const pages = cell('maxPages');
			const res = upsert({
				organ: cell('organ'),
				channel: cell('channel'),
				startUrl: cell('startUrl'),
				maxPages: pages ? Number(pages) : null,
				since: cell('since') || null
			});
			if (res.created) out.added++;
			else out.updated++;
		} catch (e) {
			if (!(e instanceof SourceRefusal)) throw e;
			out.problems.push({ line: r.line, reason: e.message });
		}
	}
	return out;
}

/** Organs with a broken source (the last crawl of one of its columns failed): id → the columns and why. */
export function brokenByOrgan(): Map<number, { channel: string; reason: string | null; at: number | null }[]> {
	const rows = getDb()
		.$client.prepare(
			`SELECT organ_id AS organId, channel, last_error AS reason, last_run_at AS at FROM crawl_source WHERE enabled = 1 AND last_status = 'broken'`
		)
		.all() as { organId: number; channel: string; reason: string | null; at: number | null }[];
	const out = new Map<number, { channel: string; reason: string | null; at: number | null }[]>();
	for (const r of rows)
		out.set(r.organId, [...(out.get(r.organId) ?? []), { channel: r.channel, reason: r.reason, at: r.at }]);
	return out;
}
