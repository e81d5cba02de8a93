// The parse command end to end: JSON on stdout and exit 0 for a report; one stderr line and exit 2 for junk.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REAL } from '../../../tests/helpers/fixtures';

const SAMPLE = `${REAL}/samples/tianyuan-kegongxin-2022.txt`;
const run = (args: string[]) =>
	spawnSync('npx', ['tsx', 'src/cli/index.ts', 'parse', ...args], { encoding: 'utf8', cwd: process.cwd() });

describe('cli parse', () => {
	it('--json prints the model and exits 0', () => {
		const r = run([SAMPLE, '--json']);
		expect(r.status).toBe(0);
		const model = JSON.parse(r.stdout);
		expect(model.year).toBe(2022);
		expect(model.applications.rows.new).toEqual([0, 0, 0, 0, 0, 0, 0]);
		expect(model.source_lines.length).toBeGreaterThan(10);
	});
	it('several files give an array; a refused one gives one stderr line and exit 2', () => {
		const dir = mkdtempSync(join(tmpdir(), 'parse-cli-'));
		const junk = join(dir, 'scan.pdf');
		writeFileSync(junk, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]));
		const r = run([SAMPLE, junk, '--json']);
		expect(r.status).toBe(2);
		expect(JSON.parse(r.stdout)).toHaveLength(1);
		const errLines = r.stderr.split('\n').filter((l) => l.includes('scan.pdf'));
		expect(errLines).toHaveLength(1);
		expect(errLines[0]).toMatch(/图片/);
	});
	it('the summary names template, organ, year and totals', () => {
		const r = run([SAMPLE]);
		expect(r.status).toBe(0);
		expect(r.stdout).toContain('2021 年模板');
		expect(r.stdout).toContain('2022');
		expect(r.stdout).toContain('新收 0');
	});
});
