// `npm run cli -- import PATH...` end to end: folders, a zip, a publication log, --as a clerk, exit codes.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { openDatabase } from '../../src/lib/server/db';
import { districtFiles } from '../helpers/report-files';
import { cliForSuite } from '../helpers/cli-suite';

const { root, env, cli } = cliForSuite('dw-cli-');

describe('import command', () => {
	const files = districtFiles({ organs: 3, years: [2021, 2022], seed: 'cli' });
	const folder = join(root, 'reports');
	for (const f of files.slice(0, 4)) {
		mkdirSync(join(folder, f.name, '..'), { recursive: true });
		writeFileSync(join(folder, f.name), f.bytes);
	}
	writeFileSync(join(folder, 'notes.md'), '# not imported: unknown extension inside a folder');
	const zipped: Record<string, Uint8Array> = {};
	for (const f of files.slice(4)) zipped[`more/${f.name}`] = f.bytes;
	zipped['more/broken.txt'] = new Uint8Array(3000).map((_, i) => (i * 31) % 256);
	writeFileSync(join(root, 'more.zip'), zipSync(zipped));
	writeFileSync(
		join(root, 'log.csv'),
		`单位,发布日期,标题,链接\n${files[0].truth.report.organ},2024-01-05,通知,http://x/1\n`
	);

	it('imports folders recursively, zips and logs; exits 1 when a file was refused, naming it', () => {
		const r = cli('import', folder, join(root, 'more.zip'), join(root, 'log.csv'));
		expect(r.code, r.stderr).toBe(1);
		expect(r.stdout).toContain('more.zip/more/broken.txt');
		expect(r.stdout).toMatch(/共 8 个文件：已导入 7.*拒绝 1/);
		expect(r.stderr).toContain('导入');
		const db = openDatabase(env.DATABASE_URL);
		expect((db.$client.prepare('SELECT count(*) n FROM report').get() as { n: number }).n).toBe(files.length);
		expect((db.$client.prepare('SELECT count(*) n FROM publication').get() as { n: number }).n).toBe(1);
		db.$client.close();
	});

	it('exits 0 when everything is a duplicate, and prints JSON results on request', () => {
		const r = cli('import', folder, '--json', '--quiet');
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		const results = JSON.parse(r.stdout) as { status: string; reportId: number }[];
		expect(results.map((x) => x.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
		expect(results.every((x) => typeof x.reportId === 'number')).toBe(true);
	});

	it('refuses an unknown --as user with a usage error, and a missing path with exit 1', () => {
		expect(cli('import', folder, '--as', 'nobody').code).toBe(2);
		expect(cli('import').code).toBe(2);
		const missing = cli('import', join(root, 'no-such-folder'));
		expect(missing.code).toBe(1);
		expect(missing.stdout).toContain('不存在');
	});
});
