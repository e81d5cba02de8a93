import { describe, expect, it } from 'vitest';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { ZipRefusal, readZip, unsafeName } from './zip';

const text = (s: string) => strToU8(s);

/** Rewrites every occurrence of a file name inside an archive's bytes (same length), to forge names fflate won't write. */
function renameInZip(zip: Uint8Array, from: string, to: string): Uint8Array {
	const a = text(from);
	const b = text(to);
	expect(b.length).toBe(a.length);
	const out = zip.slice();
	for (let i = 0; i + a.length <= out.length; i++) {
		if (a.every((x, j) => out[i + j] === x)) out.set(b, i);
	}
	return out;
}

describe('readZip', () => {
	it('reads files in nested folders with their paths, skipping folders and archiver litter', () => {
		const zip = zipSync({
			'2022/': {},
			'2022/a.txt': text('甲'),
			'2022/sub/b.html': text('<p>乙</p>'),
			'__MACOSX/2022/._a.txt': text('x'),
			'c.txt': [text('丙'), { level: 0 }]
		} as Zippable);
		const { entries, refused } = readZip(zip);
		expect(refused).toEqual([]);
		expect(entries.map((e) => e.name).sort()).toEqual(['2022/a.txt', '2022/sub/b.html', 'c.txt']);
		expect(new TextDecoder().decode(entries.find((e) => e.name === 'c.txt')!.bytes)).toBe('丙');
	});

	it('decodes GBK names written without the UTF-8 flag', () => {
		// fflate sets the UTF-8 flag for non-ASCII names; write an ASCII placeholder and patch GBK bytes over it.
		const zip = zipSync({ 'abcd.txt': text('x') });
		const gbk = new Uint8Array([0xbf, 0xc6, 0xbc, 0xbc]); // 科技 in GBK
		const out = zip.slice();
		const a = text('abcd');
		for (let i = 0; i + 4 <= out.length; i++) if (a.every((x, j) => out[i + j] === x)) out.set(gbk, i);
		expect(readZip(out).entries[0].name).toBe('科技.txt');
	});

	it('refuses entries that climb out of the archive, keeping the others', () => {
		const zip = renameInZip(
			zipSync({ 'xx/evil.txt': text('bad'), 'ok.txt': text('good') }),
			'xx/evil.txt',
			'../evil.txt'
		);
		const { entries, refused } = readZip(zip);
		expect(entries.map((e) => e.name)).toEqual(['ok.txt']);
		expect(refused).toHaveLength(1);
		expect(refused[0].reason).toContain('路径穿越');
		expect(unsafeName('/etc/passwd')).toContain('绝对路径');
		expect(unsafeName('C:\\x.txt')).toContain('绝对路径');
		expect(unsafeName('a\\..\\b.txt')).toContain('路径穿越');
		expect(unsafeName('a/b..c.txt')).toBeNull();
	});

	it('refuses a corrupt entry (CRC) and still returns the rest', () => {
		const zip = zipSync({ 'a.txt': [text('AAAAAAAAAAAAAAAA'), { level: 0 }], 'b.txt': text('fine') });
		const bad = renameInZip(zip, 'AAAAAAAAAAAAAAAA', 'AAAAAAAABAAAAAAA');
		const { entries, refused } = readZip(bad);
		expect(entries.map((e) => e.name)).toEqual(['b.txt']);
		expect(refused[0]).toMatchObject({ name: 'a.txt' });
		expect(refused[0].reason).toContain('CRC');
	});

	it('enforces the entry count, total size, entry size and ratio limits', () => {
		const files: Zippable = {};
		for (let i = 0; i < 5; i++) files[`f${i}.txt`] = text(`file ${i}`);
		expect(() => readZip(zipSync(files), { maxEntries: 4 })).toThrow(ZipRefusal);
		expect(readZip(zipSync(files), { maxEntries: 5 }).entries).toHaveLength(5);
		expect(() => readZip(zipSync(files), { maxTotalBytes: 20 })).toThrow(/总大小/);

		const big = new Uint8Array(3 * 1024 * 1024); // zeros: compresses about 1000:1
		const bomb = zipSync({ 'zeros.txt': big, 'ok.txt': text('ok') });
		expect(() => readZip(bomb)).toThrow(/压缩比/);
		const sized = readZip(bomb, { maxEntryBytes: 1024 * 1024, maxRatio: 1e6 });
		expect(sized.entries.map((e) => e.name)).toEqual(['ok.txt']);
		expect(sized.refused[0].reason).toContain('上限');
		// One bomb entry among incompressible bytes: the archive passes, the entry alone is refused.
		const noise = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 2654435761) >>> 24);
		const mixed = readZip(zipSync({ 'zeros.txt': big, 'noise.bin': [noise, { level: 0 }] }));
		expect(mixed.entries.map((e) => e.name)).toEqual(['noise.bin']);
		expect(mixed.refused[0]).toMatchObject({ name: 'zeros.txt' });
		expect(mixed.refused[0].reason).toContain('压缩比');
	});

	it('opens a zip inside the zip once, and no deeper', () => {
		const inner = zipSync({ 'in.txt': text('inner') });
		const innermost = zipSync({ 'deep.zip': zipSync({ 'deep.txt': text('deep') }) });
		const outer = zipSync({ 'inner.zip': inner, 'nest.zip': innermost, 'top.txt': text('top') });
		const { entries, refused } = readZip(outer);
		expect(entries.map((e) => e.name).sort()).toEqual(['inner.zip/in.txt', 'top.txt']);
		expect(refused).toEqual([{ name: 'nest.zip/deep.zip', reason: '压缩包嵌套层数过多' }]);
	});

	it('refuses what is not a zip at all', () => {
		expect(() => readZip(text('just text, no archive here at all'))).toThrow(ZipRefusal);
	});
});
