// Reading the audit log (audit.ts writes it): the admin page's filters (user, action, dates), its CSV export, and
// the retention period (AUDIT_RETENTION_DAYS, default 365) after which rows are dropped.
import type Database from 'better-sqlite3';
import { error } from '@sveltejs/kit';
import { statement } from './db/statement';
import { formulaSafe } from '../charts/tables';

export interface AuditFilter {
	/** Username, exact (case-insensitive). */
	user: string | null;
	/** An action or a prefix ending in "." (e.g. "auth."). */
	action: string | null;
	/** Days, YYYY-MM-DD, inclusive, Asia/Shanghai. */
	from: string | null;
	to: string | null;
}

export interface AuditRow {
	id: number;
	at: number;
	username: string | null;
	action: string;
	detail: string | null;
}

export class AuditFilterError extends Error {}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTION = /^[a-z][a-z0-9_.]{0,63}$/;

/** A real calendar day: 2026-02-30 is not one (Date would roll it over). */
function isDay(v: string): boolean {
	if (!DAY.test(v)) return false;
	const d = new Date(`${v}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** The filter of ?user=&action=&from=&to=; a bad value throws AuditFilterError (the page answers 400). */
export function parseAuditFilter(params: URLSearchParams): AuditFilter {
	const get = (k: string) => {
		const v = (params.get(k) ?? '').trim();
		return v === '' ? null : v;
	};
	const user = get('user');
	if (user !== null && user.length > 64) throw new AuditFilterError('参数 user 过长');
	const action = get('action');
	if (action !== null && !ACTION.test(action)) throw new AuditFilterError(`参数 action 无效：“${action.slice(0, 20)}”`);
	const day = (k: string) => {
		const v = get(k);
		if (v !== null && !isDay(v))
			throw new AuditFilterError(`参数 ${k} 的日期无效：“${v.slice(0, 20)}”，应为 YYYY-MM-DD`);
		return v;
	};
	return { user, action, from: day('from'), to: day('to') };
}

/** The filter of a request's query: a bad one is the request's fault (400, its Chinese reason), for page and export. */
export function requestAuditFilter(params: URLSearchParams): AuditFilter {
	try {
		return parseAuditFilter(params);
	} catch (e) {
		if (e instanceof AuditFilterError) error(400, e.message);
		throw e;
	}
}

function where(f: AuditFilter): { sql: string; params: (string | number)[] } {
	const parts: string[] = [];
	const params: (string | number)[] = [];
	const add = (sql: string, ...values: (string | number)[]) => {
		parts.push(sql);
		params.push(...values);
	};
	if (f.user !== null) add('lower(u.username) = lower(?)', f.user);
	if (f.action !== null) {
		if (f.action.endsWith('.')) add('substr(a.action, 1, ?) = ?', f.action.length, f.action);
		else add('a.action = ?', f.action);
	}
	if (f.from !== null) add('a.at >= ?', Date.parse(`${f.from}T00:00:00+08:00`));
	if (f.to !== null) add('a.at < ?', Date.parse(`${f.to}T00:00:00+08:00`) + 86_400_000);
	return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** The newest `limit` rows that match, and how many match in all. */
export function queryAudit(
	f: AuditFilter,
	limit = 200,
	client?: Database.Database
): { rows: AuditRow[]; total: number } {
	const w = where(f);
	const from = `FROM audit_log a LEFT JOIN user u ON u.id = a.user_id ${w.sql}`;
	const rows = statement(
		`SELECT a.id AS id, a.at AS at, u.username AS username, a.action AS action, a.detail AS detail ${from} ORDER BY a.at DESC, a.id DESC LIMIT ?`,
		client
	).all(...w.params, limit) as AuditRow[];
	const total = (statement(`SELECT count(*) AS n ${from}`, client).get(...w.params) as { n: number }).n;
	return { rows, total };
}

/** The actions logged so far, for the filter's list. */
export function auditActions(client?: Database.Database): string[] {
	return (statement('SELECT DISTINCT action FROM audit_log ORDER BY action', client).all() as { action: string }[]).map(
		(r) => r.action
	);
}

export function shanghaiTime(ms: number): string {
	return new Date(ms).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

function csvCell(s: string): string {
	const safe = formulaSafe(s);
	return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Every matching row as CSV (BOM, CRLF): the time, user, action and detail, uploaded text written as text. */
export function auditCsv(f: AuditFilter, client?: Database.Database): string {
	const { rows } = queryAudit(f, 1_000_000, client);
	const lines = [
		'时间,用户,操作,详情',
		...rows.map((r) => [shanghaiTime(r.at), r.username ?? '', r.action, r.detail ?? ''].map(csvCell).join(','))
	];
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** AUDIT_RETENTION_DAYS (default 365): how long the log is kept. */
export function retentionDays(): number {
	const n = Number(process.env.AUDIT_RETENTION_DAYS);
	return Number.isInteger(n) && n > 0 ? n : 365;
}

/** Drops rows older than the retention period; returns how many. */
export function pruneAudit(now = Date.now(), client?: Database.Database): number {
	return statement('DELETE FROM audit_log WHERE at < ?', client).run(now - retentionDays() * 86_400_000).changes;
}
