// The hostile uploads of issue 14 (#2 #3 #4), each refused with its reason, fast, without inflating or holding
// what the file claims. The pool's own limits (a worker over time or memory) are in parse-pool.spec.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { useTempDatabase } from '../../../tests/helpers/temp-db';
import { districtFiles } from '../../../tests/helpers/report-files';
import { inflatingPdf, manyEntriesZip, nestedHtml, paddedZipBomb } from '../../../tests/helpers/hostile';
import { parseHere } from './parse-pool';
import { openZip, readZip, ZipRefusal, containerProblem } from './zip';
import { closeDb } from './db';
import { importFiles } from './import';

const tmp = useTempDatabase('dw-hostile-');
afterAll(() => {
	closeDb();
	tmp.cleanup();
});
const admin: Parameters<typeof importFiles>[1] = { id: null, role: 'admin', organId: null };

async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
	const t0 = performance.now();
	const value = await fn();
	return { value, ms: performance.now() - t0 };
}

describe('#2 deeply nested HTML', () => {
	const html = nestedHtml(200_000);
	it('is refused at the depth cap in well under a second, with the reason', async () => {
		const { value, ms } = await timed(() => parseHere(html, '年报.html'));
		expect(value).toEqual({ refusal: expect.stringContaining('嵌套超过 1000 层') });
		expect(ms).toBeLessThan(1000);
	});
	it('is refused the same when it claims to be a PDF', async () => {
		const { value, ms } = await timed(() => parseHere(html, '年报.pdf'));
		expect(value).toEqual({ refusal: expect.stringContaining('嵌套') });
		expect(ms).toBeLessThan(1000);
	});
	it('still reads an ordinary report nested a few dozen deep', async () => {
		const [f] = districtFiles({ organs: 1, years: [2022], format: 'html' });
		const wrapped = new TextEncoder().encode(
			'<div>'.repeat(50) + new TextDecoder().decode(f.bytes) + '</div>'.repeat(50)
		);
		expect(await parseHere(wrapped, 'ok.html')).toHaveProperty('model');
	});
});

describe('#3 a PDF whose content inflates to 400 MB', () => {
	// Building the 400 MB stream takes the test itself several seconds (more on a busy machine): hence the timeout.
	it('is refused before PDFium decodes it, with bounded time and memory', async () => {
		const pdf = inflatingPdf(400 * 1024 * 1024);
		expect(pdf.length).toBeLessThan(1024 * 1024);
		const rss0 = process.memoryUsage().rss;
		const cpu0 = process.cpuUsage();
		const { value } = await timed(() => parseHere(pdf, 'bomb.pdf'));
		const cpu = process.cpuUsage(cpu0);
		expect(value).toEqual({ refusal: expect.stringContaining('解压后超过 128 MB') });
		// CPU time, not wall time: the guard's bounded inflation is the whole cost
		expect((cpu.user + cpu.system) / 1000).toBeLessThan(5000);
		expect(process.memoryUsage().rss - rss0).toBeLessThan(150 * 1024 * 1024);
	}, 180_000);
});

describe('#4 zip bombs and hostile archives', () => {
	it('refuses padding-entry bombs entry by entry, without inflating them (no 1 MB ratio floor)', () => {
		const noise = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 2654435761) >>> 24);
		// 20 entries of (1 MB − 1) zeros, each ~1000:1, beside 3 MB of noise that keeps the archive's ratio near 7
		const files: Zippable = { 'noise.bin': [noise, { level: 0 }] };
		const zeros = new Uint8Array(1024 * 1024 - 1);
		for (let i = 0; i < 20; i++) files[`pad/${i}.txt`] = zeros;
		const padded = zipSync(files, { level: 6 });
		const t0 = performance.now();
		const { entries, refused } = readZip(padded);
		expect(performance.now() - t0).toBeLessThan(1000);
		expect(entries.map((e) => e.name)).toEqual(['noise.bin']);
		expect(refused).toHaveLength(20);
		for (const r of refused) expect(r.reason).toContain('压缩比');
	});

	it('refuses the 7 MB → 1 GB archive from its directory alone', () => {
		const bomb = paddedZipBomb(1000);
		const t0 = performance.now();
		expect(() => openZip(bomb)).toThrow(ZipRefusal);
		expect(performance.now() - t0).toBeLessThan(500);
	});

	it('counts entries over the whole upload: 10,001 entries are refused, 10,000 across two archives then none', () => {
		expect(() => openZip(manyEntriesZip(10_001))).toThrow(/文件过多/);
		const budget = { entries: 0, bytes: 0 };
		expect(openZip(manyEntriesZip(6000), {}, budget).entries).toHaveLength(6000);
		expect(() => openZip(manyEntriesZip(4001), {}, budget)).toThrow(/整个上传超过 10000 个/);
	});

	it('budgets the inflated total over every archive of the upload, not per archive', () => {
		const mb = new Uint8Array(1024 * 1024).map((_, i) => (i * 2654435761) >>> 24);
		const a = zipSync({ 'a.bin': [mb, { level: 0 }] });
		const b = zipSync({ 'b.bin': [mb, { level: 0 }] });
		const budget = { entries: 0, bytes: 0 };
		const lim = { maxTotalBytes: 1.5 * 1024 * 1024 };
		expect(openZip(a, lim, budget).entries).toHaveLength(1);
		expect(() => openZip(b, lim, budget)).toThrow(/整个上传合计/);
	});

	it('inflates entries only when read, one at a time', () => {
		const files: Zippable = {};
		for (let i = 0; i < 3; i++) files[`r${i}.txt`] = strToU8(`report ${i}`.repeat(100));
		const { entries } = openZip(zipSync(files));
		expect(entries.map((e) => e.size)).toEqual([800, 800, 800]);
		expect(new TextDecoder().decode(entries[1].read()).startsWith('report 1')).toBe(true);
	});

	it('refuses names that climb out or are absolute, and keeps the rest', () => {
		const z = zipSync({
			'../../etc/passwd': strToU8('x'),
			'/abs.txt': strToU8('y'),
			'C:/win.txt': strToU8('z'),
			'ok.txt': strToU8('ok')
		});
		const { entries, refused } = readZip(z);
		expect(entries.map((e) => e.name)).toEqual(['ok.txt']);
		expect(refused.map((r) => r.name).sort()).toEqual(['../../etc/passwd', '/abs.txt', 'C:/win.txt']);
	});

	it('checks DOCX and XLSX containers the same way before their readers open them', async () => {
		const zeros = new Uint8Array(50 * 1024 * 1024);
		const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/sharedStrings.xml': zeros }, { level: 9 });
		expect(xlsx.length).toBeLessThan(1024 * 1024);
		expect(containerProblem(xlsx)).toMatch(/压缩炸弹/);
		const [res] = await importFiles([{ name: '发布记录.xlsx', bytes: xlsx }], admin);
		expect(res.status).toBe('refused');
		expect(res.reason).toMatch(/压缩炸弹/);
	});

	it('imports a bomb-laden upload as refusals, alongside the good files', async () => {
		const good = districtFiles({ organs: 1, years: [2022] })[0];
		const results = await importFiles(
			[
				{ name: 'bomb.zip', bytes: paddedZipBomb(1000) },
				{ name: 'many.zip', bytes: manyEntriesZip(10_001) },
				{ name: 'nested.html', bytes: nestedHtml(200_000) },
				{ name: 'ok.zip', bytes: zipSync({ [good.name]: good.bytes }) }
			],
			admin
		);
		const by = (f: string) => results.find((r) => r.file === f)!;
		expect(by('bomb.zip')).toMatchObject({ status: 'refused', reason: expect.stringContaining('压缩') });
		expect(by('many.zip')).toMatchObject({ status: 'refused', reason: expect.stringContaining('文件过多') });
		expect(by('nested.html')).toMatchObject({ status: 'refused', reason: expect.stringContaining('嵌套') });
		expect(by(`ok.zip/${good.name}`).status).toMatch(/^imported/);
	});
});
