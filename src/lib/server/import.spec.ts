import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { freshDatabaseEachTest } from '../../../tests/helpers/db-per-test';
import { districtFiles, renderReport } from '../../../tests/helpers/report-files';
import { getDb } from './db';
import { importFiles, type ImportResult } from './import';
import type { Actor } from '../auth/actor';
import * as reports from './reports/read';
import { restoreRevision } from './reports/write';
import * as organs from './organs';
import * as users from './users';
import { hasOriginal } from './files';
import type { Report } from '../report/model';
import { REAL } from '../../../tests/helpers/fixtures';

freshDatabaseEachTest('dw-import-');

const admin: Actor = { id: null, role: 'admin', organId: null };
const count = (t: string) => (getDb().$client.prepare(`SELECT count(*) n FROM ${t}`).get() as { n: number }).n;
const rulesOf = (reportId: number) =>
	(
		getDb().$client.prepare('SELECT rule FROM finding WHERE report_id = ? ORDER BY rule').all(reportId) as {
			rule: string;
		}[]
	).map((r) => r.rule);
const figuresOf = (reportId: number, section = 'applications') =>
	Object.fromEntries(
		(
			getDb()
				.$client.prepare('SELECT row_key, c0, c1, c2, c3, c4, c5, c6 FROM figure WHERE report_id = ? AND section = ?')
				.all(reportId, section) as Record<string, number | null | string>[]
		).map((r) => [r.row_key, [r.c0, r.c1, r.c2, r.c3, r.c4, r.c5, r.c6]])
	);

function reportOf(result: ImportResult) {
	expect(result.reportId, `${result.file}: ${result.status} ${result.reason ?? ''}`).toBeTypeOf('number');
	return reports.get(result.reportId!)!;
}

describe('importFiles', () => {
	it('imports a generated district: one report per organ × year, figures as printed, the damage found', async () => {
		const files = districtFiles({ organs: 4, errorRate: 0.6, seed: 'district-a' });
		const progress: number[] = [];
		const results = await importFiles(files, admin, (p) => progress.push(p.done));
		expect(progress).toEqual(files.map((_, i) => i + 1));
		expect(results.map((r) => r.status).filter((s) => !s.startsWith('imported'))).toEqual([]);
		expect(count('report')).toBe(files.length);
		expect(count('revision')).toBe(files.length);
		files.forEach((f, i) => {
			const r = reportOf(results[i]);
			expect(r.organName).toBe(f.truth.report.organ);
			expect(r.year).toBe(f.truth.report.year);
			expect(r.template).toBe(f.truth.report.template);
			expect(r.publishedOn).toBe(f.truth.report.published_on);
			// Every section 3 row, all seven columns, as the truth has it.
			expect(figuresOf(r.id)).toEqual(f.truth.report.applications.rows);
			const rules = rulesOf(r.id);
			expect(r.findingsCount).toBe(rules.length);
			expect(results[i].status).toBe(rules.length ? 'imported_with_findings' : 'imported');
			// The injected damage is found (Y1 only when last year's report is under the same organ name).
			const damage = f.truth.damage?.kind;
			const prev = files.find(
				(g) => g.truth.organ_id === f.truth.organ_id && g.truth.report.year === f.truth.report.year! - 1
			);
			if (damage && (damage !== 'Y1' || prev?.truth.report.organ === f.truth.report.organ))
				expect(rules).toContain(damage);
			const rev = reports.getRevision(results[i].revisionId!)!;
			expect(hasOriginal(rev.filePath)).toBe(true);
			expect(rev.sha256).toBe(rev.model.source.sha256);
		});
		expect(files.some((f) => f.truth.damage)).toBe(true);
	});

	it('imports the real sample (GBK garbled, traditional script) with its figures and findings', async () => {
		const bytes = new Uint8Array(readFileSync(`${REAL}/samples/tianyuan-kegongxin-2022.txt`));
		const [r] = await importFiles([{ name: 'samples/tianyuan-kegongxin-2022.txt', bytes }], admin);
		expect(r).toMatchObject({
			status: 'imported_with_findings',
			organ: '株洲市天元区科工信局',
			year: 2022,
			template: '2021',
			kind: 'report'
		});
		const model = reports.effectiveModel(r.reportId!)!;
		expect(model.source.sha256).toBe(reports.getRevision(r.revisionId!)!.sha256);
		expect(Object.keys(figuresOf(r.reportId!)).sort()).toEqual(Object.keys(model.applications.rows).sort());
		expect(rulesOf(r.reportId!)).toEqual(model.findings.map((f) => f.rule).sort());
		// Nothing is known about its publication date, so no T1.
		expect(reports.get(r.reportId!)!.publishedOn).toBeNull();
		expect(rulesOf(r.reportId!)).not.toContain('T1');
	});

	it('treats the same bytes again as a no-op, whatever the file is called', async () => {
		const files = districtFiles({ organs: 2, years: [2022] });
		await importFiles(files, admin);
		const before = ['report', 'revision', 'figure', 'finding'].map(count);
		const again = await importFiles(
			files.map((f) => ({ name: `renamed-${f.name}`, bytes: f.bytes })),
			admin
		);
		expect(again.map((r) => r.status)).toEqual(files.map(() => 'duplicate'));
		expect(again[0].reason).toContain('完全相同');
		expect(['report', 'revision', 'figure', 'finding'].map(count)).toEqual(before);
	});

	it('keeps a different file for the same organ and year as a new revision, and restores the old one', async () => {
		const [file] = districtFiles({ organs: 1, years: [2022] });
		const first = (await importFiles([file], admin))[0];
		const changed: Report = structuredClone(file.truth.report);
		const rows = changed.applications.rows;
		for (const key of ['new', 'granted', 'results_total'] as const) {
			rows[key]![0] = (rows[key]![0] ?? 0) + 2;
			rows[key]![6] = (rows[key]![6] ?? 0) + 2;
		}
		const second = (await importFiles([{ name: 'v2.txt', bytes: renderReport(changed) }], admin))[0];
		expect(second.status).toMatch(/^imported/);
		expect(second.newRevision).toBe(true);
		expect(second.reportId).toBe(first.reportId);
		expect(figuresOf(second.reportId!).new).toEqual(rows.new);
		const hist = reports.history(first.reportId!);
		expect(hist.map((h) => [h.id, h.current])).toEqual([
			[second.revisionId, true],
			[first.revisionId, false]
		]);

		restoreRevision(first.reportId!, first.revisionId!, null);
		expect(reports.get(first.reportId!)!.currentRevisionId).toBe(first.revisionId);
		expect(figuresOf(first.reportId!).new).toEqual(file.truth.report.applications.rows.new);
		expect(count('revision')).toBe(2);
		// The newer file again: a duplicate of a kept revision, not a third one.
		const third = (await importFiles([{ name: 'v2-again.txt', bytes: renderReport(changed) }], admin))[0];
		expect(third.status).toBe('duplicate');
		expect(third.reason).toContain('历史版本');
		expect(() => restoreRevision(first.reportId! + 1000, first.revisionId!, null)).toThrow();
	});

	it("refuses a clerk's import of another organ's report, or of an unknown organ, with the reason", async () => {
		const [a, b, c] = districtFiles({ organs: 3, years: [2022] });
		await importFiles([a, b], admin);
		const organA = organs.findByName(a.truth.report.organ)!;
		const u = await users.create({
			username: 'clerk-a',
			password: 'clerk-a-password-1',
			role: 'clerk',
			organId: organA.id
		});
		const clerk: Actor = { id: u.id, role: 'clerk', organId: organA.id };

		const bChanged = structuredClone(b.truth.report);
		bChanged.sections['5'] = `${bChanged.sections['5']}\n另补充说明。`;
		const [other, sameBytes, unknown] = await importFiles(
			[{ name: 'b2.txt', bytes: renderReport(bChanged) }, { name: 'b-copy.txt', bytes: b.bytes }, c],
			clerk
		);
		for (const r of [other, sameBytes]) {
			expect(r.status).toBe('refused');
			expect(r.reason).toContain(b.truth.report.organ);
			expect(r.reason).toContain(organA.name);
		}
		expect(count('revision')).toBe(2);
		expect(unknown.status).toBe('refused');
		expect(unknown.reason).toContain('尚未登记');
		expect(organs.findByName(c.truth.report.organ)).toBeUndefined();

		const changed = structuredClone(a.truth.report);
		changed.sections['5'] = `${changed.sections['5']}\n另补充说明一项改进措施。`;
		const own = (await importFiles([{ name: 'own.txt', bytes: renderReport(changed) }], clerk))[0];
		expect(own.status).toMatch(/^imported/);
		expect(reports.getRevision(own.revisionId!)!.importedBy).toBe(u.id);

		const leader = (await importFiles([c], { id: null, role: 'leader', organId: null }))[0];
		expect(leader).toMatchObject({ status: 'refused', reason: '当前账号没有导入权限' });
	});

	it('imports the good files of a zip and refuses the corrupt and the foreign ones, each with a reason', async () => {
		const files = districtFiles({ organs: 2, years: [2021, 2022] });
		const corrupt = zipSync({ 'x.txt': [strToU8('AAAAAAAAAAAAAAAAAAAA'), { level: 0 }] });
		const entries: Record<string, Uint8Array> = {};
		files.forEach((f) => (entries[`年报/${f.name}`] = f.bytes));
		entries['年报/坏文件/garbage.txt'] = new Uint8Array(4000).map((_, i) => (i * 7919) % 256);
		entries['年报/坏文件/not-a-report.txt'] = strToU8('会议通知：请各单位于周五前报送材料。'.repeat(20));
		entries['年报/坏文件/photo.png'] = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
		const zip = zipSync(entries);
		// A second archive whose one entry is damaged after zipping (CRC no longer matches).
		const broken = corrupt.slice();
		broken[broken.indexOf(0x41) + 3] = 0x42;
		const results = await importFiles(
			[
				{ name: 'upload.zip', bytes: zip },
				{ name: 'broken.zip', bytes: broken },
				{ name: 'notzip.zip', bytes: strToU8('not an archive') }
			],
			admin
		);
		const by = (name: string) => results.find((r) => r.file === name)!;
		for (const f of files) expect(by(`upload.zip/年报/${f.name}`).status).toMatch(/^imported/);
		for (const bad of ['garbage.txt', 'not-a-report.txt', 'photo.png']) {
			const r = by(`upload.zip/年报/坏文件/${bad}`);
			expect(r.status).toBe('refused');
			expect(r.reason!.length).toBeGreaterThan(4);
		}
		expect(by('upload.zip/年报/坏文件/not-a-report.txt').reason).toContain('不是政府信息公开工作年度报告');
		expect(by('broken.zip/x.txt')).toMatchObject({ status: 'refused' });
		expect(by('broken.zip/x.txt').reason).toContain('损坏');
		expect(by('notzip.zip').status).toBe('refused');
		expect(count('report')).toBe(files.length);
	});

	it('refuses files and archives above the configured size with a message, importing the rest', async () => {
		const [small, big] = districtFiles({ organs: 2, years: [2022] });
		const limit = Math.min(small.bytes.length, big.bytes.length) + 10;
		const padded = new Uint8Array(limit + 100).fill(0x20);
		padded.set(big.bytes);
		const zip = zipSync({ 'a.txt': small.bytes });
		const results = await importFiles(
			[small, { name: 'big.txt', bytes: padded }, { name: 'z.zip', bytes: zip }],
			admin,
			undefined,
			{ limits: { maxFileBytes: limit, maxZipBytes: zip.length - 1, zip: {} } }
		);
		expect(results.slice(1).map((r) => r.status)).toEqual(['refused', 'refused']);
		expect(results[0].status).toMatch(/^imported/);
		expect(results[1].reason).toContain('超过上限');
		expect(results[2].reason).toContain('超过上限');
		expect(count('report')).toBe(1);
	});

	it("turns an unexpected failure into that one file's result, rolled back, and goes on", async () => {
		const [a, b] = districtFiles({ organs: 2, years: [2022], seed: 'failure' });
		getDb().$client.exec(
			"CREATE TRIGGER fail_one BEFORE INSERT ON revision WHEN NEW.file_name = 'boom.txt' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
		);
		const results = await importFiles([{ name: 'boom.txt', bytes: a.bytes }, b], admin);
		expect(results[0]).toMatchObject({ status: 'refused' });
		// The page's reason is Chinese only; the cause is kept as detail for the log and the CLI.
		expect(results[0].reason).toMatch(/^导入出错/);
		expect(results[0].reason).not.toMatch(/[A-Za-z]/);
		expect(results[0].detail).toContain('disk on fire');
		expect(results[1].status).toMatch(/^imported/);
		expect(count('report')).toBe(1);
		expect(count('organ')).toBe(1);
	});

	it('finds Y1 when the earlier year arrives after the later one, and T1 for a late publication', async () => {
		const files = districtFiles({ organs: 4, years: [2021, 2022], errorRate: 1, damageKinds: ['Y1'], seed: 'y1' });
		const damaged = files.filter((f) => f.truth.damage?.kind === 'Y1');
		expect(damaged.length).toBeGreaterThan(0);
		const later = damaged[0];
		const earlier = files.find((f) => f.truth.organ_id === later.truth.organ_id && f.truth.report.year === 2021)!;
		expect(earlier.truth.report.organ).toBe(later.truth.report.organ);

		const [r2022] = await importFiles([later], admin);
		expect(rulesOf(r2022.reportId!)).not.toContain('Y1');
		const [r2021] = await importFiles([earlier], admin);
		expect(r2021.reportId).not.toBe(r2022.reportId);
		const y1 = getDb()
			.$client.prepare("SELECT message FROM finding WHERE report_id = ? AND rule = 'Y1'")
			.all(r2022.reportId!) as { message: string }[];
		const expected = later.truth.report.findings.filter((f) => f.rule === 'Y1');
		expect(y1.length).toBe(expected.length);
		expect(reports.get(r2022.reportId!)!.findingsCount).toBe(rulesOf(r2022.reportId!).length);

		const late = districtFiles({ organs: 4, years: [2022], errorRate: 1, damageKinds: ['T1'], seed: 't1' }).find(
			(f) => f.truth.damage?.kind === 'T1'
		)!;
		const [t] = await importFiles([late], admin);
		expect(rulesOf(t.reportId!)).toContain('T1');
	});

	it('creates organs for administrators, and a merge brings the years of a renamed organ together', async () => {
		const files = districtFiles({ organs: 12, years: [2021, 2022, 2023], seed: 'merge' });
		const renamed = files.find((f) => {
			const names = new Set(
				files.filter((g) => g.truth.organ_id === f.truth.organ_id).map((g) => g.truth.report.organ)
			);
			return names.size > 1;
		});
		expect(renamed, 'the generator renames some organ').toBeDefined();
		const mine = files.filter((f) => f.truth.organ_id === renamed!.truth.organ_id);
		const results = await importFiles(mine, admin);
		const ids = [...new Set(results.map((r) => r.organId))];
		expect(ids.length).toBeGreaterThan(1);
		const into = results[results.length - 1].organId!;
		for (const from of ids) if (from !== into) organs.mergeOrgans(from!, into, null);
		expect(organs.list().map((o) => o.id)).toEqual([into]);
		expect(reports.list({ organId: into }).map((r) => r.year)).toEqual([2023, 2022, 2021]);
		// The old name is now an alias: the same organ is found by it.
		expect(organs.findByName(mine[0].truth.report.organ)!.id).toBe(into);
		expect(count('figure')).toBeGreaterThan(0);
		const fresh = structuredClone(mine[0].truth.report);
		fresh.sections['6'] = `${fresh.sections['6'] ?? ''}\n（更正稿）`;
		const [again] = await importFiles([{ name: 'old-name-fix.txt', bytes: renderReport(fresh) }], admin);
		expect(again.organId).toBe(into);
		expect(again.newRevision).toBe(true);
	});
});
