// A generated district written straight into SQLite from the generator's truth, for the benches that time reading
// it (import speed is bench:import's business): organs, reports, figures, findings and the publication log, then
// the summaries derived as the backfill migration does. Built beside `path` and renamed into place when complete.
import Database from 'better-sqlite3';
import { renameSync, rmSync } from 'node:fs';
import { generateTruth, publicationLog, type PublicationRow } from '../../src/lib/generator/index';
import { openDatabase } from '../../src/lib/server/db';
import { figureRows } from '../../src/lib/report/figure-rows';
import { rebuildSummaries } from '../../src/lib/server/summaries';

export interface DistrictDbOptions {
	organs: number;
	years: number[];
	seed: string;
	errorRate: number;
	/** Store each finding's cells (the assessment reads them; the dashboard does not). */
	findingCells?: boolean;
	/** Publications written after the generated log (e.g. a log running on past the report years). */
	morePublications?: (log: PublicationRow[]) => PublicationRow[];
}

const now = () => performance.now();
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

export function buildDistrictDatabase(path: string, o: DistrictDbOptions): void {
	const t0 = now();
	const tmp = `${path}.building`;
	rmSync(tmp, { force: true });
	openDatabase(tmp).$client.close();
	const db = new Database(tmp);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = OFF');
	const truth = generateTruth({ organs: o.organs, years: o.years, seed: o.seed, errorRate: o.errorRate });
	const insOrgan = db.prepare('INSERT INTO organ (name, normalized_name, kind) VALUES (?, ?, ?)');
	const insReport = db.prepare(
		'INSERT INTO report (organ_id, year, template, published_on, fee_yuan, findings_count) VALUES (?, ?, ?, ?, ?, ?)'
	);
	const insFigure = db.prepare(
		'INSERT INTO figure (report_id, section, row_key, c0, c1, c2, c3, c4, c5, c6) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
	);
	const insFinding = o.findingCells
		? db.prepare('INSERT INTO finding (report_id, rule, severity, message, cells_json) VALUES (?, ?, ?, ?, ?)')
		: db.prepare('INSERT INTO finding (report_id, rule, severity, message) VALUES (?, ?, ?, ?)');
	const insPub = db.prepare(
		'INSERT INTO publication (organ_id, published_on, title, channel, url, dedup_key) VALUES (?, ?, ?, ?, ?, ?)'
	);
	const organId = new Map<string, number>();
	const used = new Set<string>();
	db.transaction(() => {
		for (const organ of truth.organs) {
			let name = organ.names[organ.names.length - 1].name;
			// Large synthetic districts repeat names: number the repeats so the unique name key holds.
			for (let i = 2; used.has(name); i++) name = `${organ.names[organ.names.length - 1].name}（${i}）`;
			used.add(name);
			organId.set(organ.id, Number(insOrgan.run(name, name, organ.kind).lastInsertRowid));
		}
		for (const t of truth.reports) {
			const r = t.report;
			const id = Number(
				insReport.run(
					organId.get(t.organ_id),
					r.year,
					r.template,
					r.published_on,
					r.fees?.info_processing_fee_yuan ?? null,
					r.findings.length
				).lastInsertRowid
			);
			for (const row of figureRows(r)) {
				const v = row.values.map((x) => (typeof x === 'number' ? x : null));
				insFigure.run(id, row.section, row.rowKey, ...Array.from({ length: 7 }, (_, i) => v[i] ?? null));
			}
			for (const f of r.findings)
				if (o.findingCells) insFinding.run(id, f.rule, f.severity, f.message, JSON.stringify(f.cells));
				else insFinding.run(id, f.rule, f.severity, f.message);
		}
	})();
	const log = publicationLog(truth.organs, o.years, o.seed, truth.reports);
	db.transaction(() => {
		for (const p of [...log, ...(o.morePublications?.(log) ?? [])])
			insPub.run(organId.get(p.organ_id), p.published_on, p.title, p.channel, p.url, p.url);
	})();
	// Raw inserts bypass the writers that keep the summaries: derive them as the backfill migration does.
	const t1 = now();
	rebuildSummaries(db);
	console.log(`  summaries derived in ${ms(now() - t1)}`);
	db.pragma('wal_checkpoint(TRUNCATE)');
	db.exec('ANALYZE');
	db.close();
	rmSync(`${tmp}-wal`, { force: true });
	rmSync(`${tmp}-shm`, { force: true });
	renameSync(tmp, path);
	console.log(
		`  built ${truth.reports.length} reports, ${log.length} publications in ${((now() - t0) / 1000).toFixed(1)} s → ${path}`
	);
}
