// `npm run cli -- roster import|export FILE` and `import --roster-only` end to end, in a child process.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateTruth } from '../../src/lib/generator/district';
import { rosterCsv } from '../../src/lib/generator/roster';
import { renderReport } from '../helpers/report-files';
import { cliForSuite } from '../helpers/cli-suite';

const { root, cli } = cliForSuite('dw-roster-cli-');

describe('roster command', () => {
	const years = [2021, 2022];
	const truth = generateTruth({ organs: 4, years, seed: 'roster-cli', errorRate: 0 });
	const csv = rosterCsv(truth.organs, years);
	writeFileSync(join(root, 'roster.csv'), csv);
	writeFileSync(join(root, 'bad.csv'), '名称,类型\n某局,机构\n');
	const report = (organ: string, i: number) => {
		const r = JSON.parse(JSON.stringify(truth.reports[i].report).split(truth.reports[i].report.organ).join(organ));
		const path = join(root, `${i}.txt`);
		writeFileSync(path, renderReport(r));
		return path;
	};

	it('imports a roster, refuses a bad one naming line and column, exports it back byte for byte', () => {
		const bad = cli('roster', 'import', join(root, 'bad.csv'));
		expect(bad.code).toBe(1);
		expect(bad.stderr).toContain('第2行“类型”');
		const ok = cli('roster', 'import', join(root, 'roster.csv'));
		expect(ok.code, ok.stderr).toBe(0);
		expect(ok.stdout).toContain('新建 4 个单位');
		expect(cli('roster', 'export', join(root, 'out.csv')).code).toBe(0);
		expect(readFileSync(join(root, 'out.csv'), 'utf8')).toBe(csv);
		expect(cli('roster', 'export', join(root, 'out.xlsx')).code).toBe(0);
		expect(cli('roster').code).toBe(2);
	});

	it('import --roster-only refuses unknown organs; without it they wait, listed in the summary', () => {
		const known = report(truth.reports[0].report.organ, 0);
		const stranger = report('清河市人民政府', 1);
		const only = cli('import', '--roster-only', known, stranger);
		expect(only.code).toBe(1);
		expect(only.stdout).toContain('不在本区名册中');
		expect(only.stdout).not.toContain('待确认单位');
		const loose = cli('import', stranger);
		expect(loose.code, loose.stderr).toBe(0);
		expect(loose.stdout).toContain('待确认单位 1 个');
		expect(loose.stdout).toContain('  清河市人民政府');
		expect(cli('roster', 'import', join(root, 'roster.csv')).stdout).toContain('另有 1 个待确认单位');
	});
});
