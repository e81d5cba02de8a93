import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { parseRosterGrid } from '../../organs/roster-file';

const csvGrid = (text: string) =>
	text
		.replace(/^\uFEFF/, '')
		.trim()
		.split(/\r?\n/)
		.map((l) => l.split(','));
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { generateDistrict, writeDistrict, fixPdfDates } from './index';
import generate from '../../../cli/commands/generate';

const dirs: string[] = [];
afterAll(async () => {
	for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('generateDistrict', () => {
	it('gives the same bytes for the same seed in every format, DOCX and PDF included', async () => {
		const opts = {
			organs: 2,
			years: [2021],
			seed: 'det',
			formats: ['txt', 'html', 'docx', 'pdf'] as const,
			errorRate: 0.5
		};
		const a = await generateDistrict({ ...opts, formats: [...opts.formats] });
		// A pause, so that a creation date taken from the clock would differ.
		await new Promise((r) => setTimeout(r, 1100));
		const b = await generateDistrict({ ...opts, formats: [...opts.formats] });
		expect(a.files.map((f) => f.name)).toEqual(b.files.map((f) => f.name));
		a.files.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(b.files[i].bytes)), f.name).toBe(true));
		expect(JSON.stringify(a.truth)).toBe(JSON.stringify(b.truth));
		const c = await generateDistrict({ ...opts, formats: ['txt'], seed: 'other' });
		expect(Buffer.from(c.files[0].bytes).equals(Buffer.from(a.files[0].bytes))).toBe(false);
	}, 60_000);

	it('makes DOCX tables with merged cells that mammoth reads back as rowspan/colspan', async () => {
		const d = await generateDistrict({ organs: 1, years: [2022], seed: 'docx', formats: ['docx'], traditionalRate: 0 });
		const zip = unzipSync(d.files[0].bytes);
		expect(strFromU8(zip['docProps/core.xml'])).toContain('2020-01-01T00:00:00Z');
		const html = (await mammoth.convertToHtml({ buffer: Buffer.from(d.files[0].bytes) })).value;
		expect(html).toContain('rowspan="8"');
		expect(html).toContain('colspan="3"');
		expect(html).toContain(d.truth.files[0].title);
	});

	it('fixes PDF dates without changing the length', () => {
		const raw = new TextEncoder().encode(
			"1 0 obj <</CreationDate (D:20251124163355+00'00') /ModDate (D:20251124163355+00'00')>>"
		);
		const fixed = fixPdfDates(raw);
		expect(fixed.length).toBe(raw.length);
		expect(new TextDecoder().decode(fixed)).toBe(
			"1 0 obj <</CreationDate (D:20200101000000+00'00') /ModDate (D:20200101000000+00'00')>>"
		);
	});
});

describe('generate command', () => {
	it('writes the files, truth.json, the roster and the publication log, and refuses bad options', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'gen-'));
		dirs.push(dir);
		const code = await generate.run([
			'--organs',
			'3',
			'--years',
			'2019-2021',
			'--out',
			dir,
			'--seed',
			'4',
			'--formats',
			'txt,html',
			'--error-rate',
			'0.3',
			'--publication-log',
			'--quiet'
		]);
		expect(code).toBe(0);
		const names = await readdir(dir);
		expect(names).toContain('truth.json');
		expect(names).toContain('publication-log.csv');
		const truth = JSON.parse(await readFile(join(dir, 'truth.json'), 'utf8'));
		expect(truth.files.length).toBe(3 * 3 * 2);
		expect(names.length).toBe(truth.files.length + 3);
		const roster = parseRosterGrid(csvGrid(await readFile(join(dir, 'roster.csv'), 'utf8')));
		expect(roster.problems).toEqual([]);
		expect(roster.rows.map((r) => r.name)).toEqual(
			truth.organs.map((o: { names: { name: string }[] }) => o.names[o.names.length - 1].name)
		);
		for (const f of truth.files) {
			expect(names).toContain(f.source.file);
			expect(f.source.file).toContain(String(f.year));
			expect(Object.keys(f)).toEqual(
				expect.arrayContaining([
					'organ',
					'year',
					'template',
					'title',
					'published_on',
					'source',
					'sections',
					'proactive',
					'applications',
					'review',
					'fees',
					'findings'
				])
			);
		}
		expect((await readFile(join(dir, 'publication-log.csv'), 'utf8')).split('\n')[0]).toBe(
			'organ,published_on,title,channel,url'
		);
		expect(await generate.run(['--organs', '3', '--years', '2019-2021'])).toBe(2);
		expect(await generate.run(['--organs', '3', '--years', '2019', '--out', dir, '--formats', 'xls'])).toBe(2);
		expect(await generate.run(['--organs', '3', '--years', '20x9', '--out', dir])).toBe(2);
	});

	it('writes a district with writeDistrict the same way twice (same seed, same bytes)', async () => {
		const d = await generateDistrict({ organs: 2, years: [2020, 2021], seed: 'w', formats: ['txt', 'html'] });
		const a = await mkdtemp(join(tmpdir(), 'gen-'));
		dirs.push(a);
		await writeDistrict(a, d, { publicationLog: true });
		const b = await mkdtemp(join(tmpdir(), 'gen-'));
		dirs.push(b);
		await writeDistrict(
			b,
			await generateDistrict({ organs: 2, years: [2020, 2021], seed: 'w', formats: ['txt', 'html'] }),
			{ publicationLog: true }
		);
		for (const n of await readdir(a))
			expect((await readFile(join(a, n))).equals(await readFile(join(b, n))), n).toBe(true);
	});
});
