// Publication logs: listings of what each organ published on its portal (CSV or XLSX with the columns organ,
// published_on, title, channel, url, under English or the usual Chinese headers). They feed the update-frequency
// charts. Rows are deduplicated per organ by url, or by title + date when there is no url.
import { getDb } from './db';
import * as organs from './organs';
import { csvTable, loadWorkbook, type RawRow } from './spreadsheet';
import { refreshPublicationSummaries } from './summaries';
import { can, canImportForOrgan } from '../auth/permissions';
import type { Actor } from '../auth/actor';
import { audit } from './audit';
import { normalizeText } from '../report/normalize';

export interface PublicationRow {
	/** 1-based line (CSV) or row number (XLSX) in the file, for messages. */
	line: number;
	organ: string;
	publishedOn: string;
	title: string;
	channel: string | null;
	url: string | null;
}

export interface RowProblem {
	line: number;
	reason: string;
}

/** The file as a whole is not a readable publication log. */
export class PublicationLogRefusal extends Error {}

type Field = 'organ' | 'publishedOn' | 'title' | 'channel' | 'url';

const HEADERS: Record<Field, string[]> = {
	organ: [
		'organ',
		'单位',
		'单位名称',
		'机关',
		'机关名称',
		'发布机关',
		'发布单位',
		'部门',
		'部门名称',
		'发文机关',
		'来源单位',
		'信息来源'
	],
	publishedOn: [
		'publishedon',
		'published',
		'date',
		'发布日期',
		'发布时间',
		'日期',
		'公开日期',
		'公开时间',
		'发文日期',
		'生成日期'
	],
	title: ['title', '标题', '名称', '信息名称', '文件名称', '文章标题', '信息标题'],
	channel: ['channel', '栏目', '渠道', '发布渠道', '所属栏目', '发布栏目', '栏目名称'],
	url: ['url', 'link', '链接', '网址', '地址', '链接地址', '网页地址']
};
const REQUIRED: Field[] = ['organ', 'publishedOn', 'title'];
const FIELD_LABELS: Record<Field, string> = {
	organ: '单位',
	publishedOn: '发布日期',
	title: '标题',
	channel: '栏目',
	url: '链接'
};

const headerKey = (s: string) =>
	normalizeText(s)
		.replace(/[\s\p{P}\p{S}]/gu, '')
		.toLowerCase();

export function isPublicationLogName(name: string): boolean {
	return /\.(csv|xlsx|xlsm)$/i.test(name);
}

/** Which column holds which field, or null when the required ones are not all there. */
export function mapHeader(cells: string[]): { columns: Partial<Record<Field, number>>; missing: Field[] } {
	const columns: Partial<Record<Field, number>> = {};
	cells.forEach((c, i) => {
		const k = headerKey(c ?? '');
		for (const f of Object.keys(HEADERS) as Field[])
			if (columns[f] === undefined && HEADERS[f].includes(k)) {
				columns[f] = i;
				break;
			}
	});
	return { columns, missing: REQUIRED.filter((f) => columns[f] === undefined) };
}

/** `YYYY-MM-DD` from the date spellings seen in listings, an Excel serial day, or a Date; null if none. */
export function normalizeDate(v: unknown): string | null {
	if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
	if (typeof v === 'number' && v > 20000 && v < 80000) {
		// Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29).
		return new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86_400_000).toISOString().slice(0, 10);
	}
	if (typeof v !== 'string') return null;
	const m = normalizeText(v).match(/(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/);
	if (!m) return null;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
	return date.toISOString().slice(0, 10);
}

/** Reads the rows of a CSV or XLSX publication log. Throws PublicationLogRefusal when the file is not one. */
export async function readPublicationLog(
	name: string,
	bytes: Uint8Array
): Promise<{ rows: PublicationRow[]; problems: RowProblem[] }> {
	const table = /\.csv$/i.test(name) ? csvTable(bytes) : await xlsxTable(bytes);
	const headerAt = table.findIndex((r) => mapHeader(r.cells.map(String)).missing.length === 0);
	if (headerAt < 0) {
		const first = table.find((r) => r.cells.some((c) => String(c ?? '').trim()));
		const missing = mapHeader((first?.cells ?? []).map((c) => String(c ?? ''))).missing;
		throw new PublicationLogRefusal(
			`不是可识别的发布记录表：缺少“${missing.map((f) => FIELD_LABELS[f]).join('”“')}”列（需要列：单位、发布日期、标题，可选栏目、链接）`
		);
	}
	const { columns } = mapHeader(table[headerAt].cells.map(String));
	const rows: PublicationRow[] = [];
	const problems: RowProblem[] = [];
	for (const r of table.slice(headerAt + 1)) {
		const get = (f: Field) => (columns[f] === undefined ? undefined : r.cells[columns[f]!]);
		const text = (f: Field) => {
			const v = get(f);
			return v === undefined || v === null ? '' : String(v).trim();
		};
		if (r.cells.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
		const organ = text('organ');
		const title = text('title');
		const date = normalizeDate(get('publishedOn'));
		if (!organ) problems.push({ line: r.line, reason: '单位为空' });
		else if (!title) problems.push({ line: r.line, reason: '标题为空' });
		else if (!date) problems.push({ line: r.line, reason: `发布日期“${text('publishedOn')}”无法识别` });
		else
			rows.push({
				line: r.line,
				organ,
				title,
				publishedOn: date,
				channel: text('channel') || null,
				url: (r.link ?? text('url')) || null
			});
	}
	return { rows, problems };
}

async function xlsxTable(bytes: Uint8Array): Promise<RawRow[]> {
	const wb = await loadWorkbook(bytes, 200 * 1024 * 1024, (message) => new PublicationLogRefusal(message));
	// The first sheet that has a recognisable header row.
	for (const ws of wb.worksheets) {
		const rows: RawRow[] = [];
		ws.eachRow({ includeEmpty: false }, (row, n) => {
			const cells: unknown[] = [];
			let link: string | undefined;
			row.eachCell({ includeEmpty: true }, (cell, col) => {
				const v = cell.value as unknown;
				let out: unknown = v;
				if (v && typeof v === 'object' && !(v instanceof Date)) {
					const o = v as { text?: unknown; hyperlink?: string; result?: unknown; richText?: { text: string }[] };
					if (o.richText) out = o.richText.map((t) => t.text).join('');
					else if (o.hyperlink !== undefined) {
						out = typeof o.text === 'string' ? o.text : String(o.text ?? '');
						link ??= o.hyperlink;
					} else if ('result' in o) out = o.result;
				}
				cells[col - 1] = out;
			});
			rows.push({ line: n, cells: Array.from(cells, (c) => c ?? null), link });
		});
		const at = rows.findIndex((r) => mapHeader(r.cells.map((c) => String(c ?? ''))).missing.length === 0);
		if (at >= 0) {
			// A hyperlink on a cell only stands in for the url when there is no url column.
			const hasUrl = mapHeader(rows[at].cells.map((c) => String(c ?? ''))).columns.url !== undefined;
			return rows.map((r) => (hasUrl ? { ...r, link: undefined } : r));
		}
		if (ws === wb.worksheets[wb.worksheets.length - 1]) return rows;
	}
	return [];
}

export function dedupKey(row: Pick<PublicationRow, 'url' | 'title' | 'publishedOn'>): string {
	if (row.url) return `url:${row.url.trim()}`;
	return `title:${normalizeText(row.title).replace(/\s+/g, '')}|${row.publishedOn}`;
}

export interface PublicationImport {
	added: number;
	duplicates: number;
	skipped: RowProblem[];
	organIds: number[];
}

/** Items of one organ known by id (the crawler's sources): stored and summarised in one transaction, deduplicated. */
export function storeOrganPublications(
	organId: number,
	rows: Pick<PublicationRow, 'publishedOn' | 'title' | 'channel' | 'url'>[],
	log: { userId: string | null; action: string; detail: Record<string, unknown> }
): { added: number; duplicates: number } {
	const c = getDb().$client;
	const insert = c.prepare(
		'INSERT OR IGNORE INTO publication (organ_id, published_on, title, channel, url, dedup_key) VALUES (?, ?, ?, ?, ?, ?)'
	);
	return c
		.transaction(() => {
			let added = 0;
			for (const r of rows) added += insert.run(organId, r.publishedOn, r.title, r.channel, r.url, dedupKey(r)).changes;
			if (added) refreshPublicationSummaries(c, organId);
			audit(log.userId, log.action, { ...log.detail, organId, added, duplicates: rows.length - added }, c);
			return { added, duplicates: rows.length - added };
		})
		.immediate();
}

/**
 * Stores rows in one transaction. Unknown organs are created (pending, unless the roster is being seeded) for roles
 * that import any organ's data; a clerk's rows for other organs are skipped with the reason.
 */
export function storePublications(
	rows: PublicationRow[],
	actor: Actor,
	newOrganStatus?: 'district' | 'pending'
): PublicationImport {
	const db = getDb();
	const c = db.$client;
	const insert = c.prepare(
		'INSERT OR IGNORE INTO publication (organ_id, published_on, title, channel, url, dedup_key) VALUES (?, ?, ?, ?, ?, ?)'
	);
	return c
		.transaction((): PublicationImport => {
			// As for reports: an empty roster takes the organs of the first import, later unknown organs wait.
			const status = newOrganStatus ?? (organs.rosterIsEmpty() ? 'district' : 'pending');
			const out: PublicationImport = { added: 0, duplicates: 0, skipped: [], organIds: [] };
			const cache = new Map<string, number | string>();
			for (const r of rows) {
				let organ = cache.get(r.organ);
				if (organ === undefined) {
					const found = organs.findByName(r.organ);
					if (found && canImportForOrgan(actor, found.id)) organ = found.id;
					else if (found) organ = `联络员只能导入本单位的发布记录，“${r.organ}”不是本单位`;
					else if (can(actor.role, 'reports.import')) organ = organs.ensure(r.organ, undefined, status).id;
					else organ = `单位“${r.organ}”尚未登记，须由管理员或督查员导入`;
					cache.set(r.organ, organ);
				}
				if (typeof organ === 'string') {
					out.skipped.push({ line: r.line, reason: organ });
					continue;
				}
				const res = insert.run(organ, r.publishedOn, r.title, r.channel, r.url, dedupKey(r));
				if (res.changes) out.added++;
				else out.duplicates++;
				if (!out.organIds.includes(organ)) out.organIds.push(organ);
			}
			// Summaries in the same transaction: a duplicate adds nothing, but re-deriving keeps them exact either way.
			for (const id of out.organIds) refreshPublicationSummaries(c, id);
			audit(
				actor.id,
				'publication.import',
				{ added: out.added, duplicates: out.duplicates, skipped: out.skipped.length },
				c
			);
			return out;
		})
		.immediate();
}
