// Reading uploaded .zip archives without trusting them: the central directory is walked here (so one corrupt
// entry is refused on its own while the others are read), sizes are checked against limits before anything is
// inflated, the inflated output can never exceed the declared size, and every entry's CRC-32 is verified.
// One budget covers the whole upload (entry count, inflated total) across all its archives, every entry above
// 64 KB has its ratio judged, and entries are inflated one at a time as the importer reaches them (openZip), so a
// bomb is stopped from its directory before anything is inflated. Entries come with their path inside the archive:
// nothing is ever written to disk by name, and names that try to climb out (.., absolute paths, drive letters) are
// refused.
import { inflateSync } from 'fflate';
import { crc32 } from 'node:zlib';

export interface ZipLimits {
	/** Entries (files) in the whole upload, every archive and nested archive together. */
	maxEntries: number;
	/** Uncompressed bytes of all entries of the whole upload together. */
	maxTotalBytes: number;
	/** Uncompressed bytes of one entry. */
	maxEntryBytes: number;
	/** Uncompressed / compressed, for every entry above RATIO_FLOOR, and for each archive as a whole. */
	maxRatio: number;
	/** How deep archives inside archives are opened (1: a zip inside the upload is opened, no deeper). */
	maxDepth: number;
}

const DEFAULT_ZIP_LIMITS: ZipLimits = {
	maxEntries: 10_000,
	maxTotalBytes: 1024 * 1024 * 1024,
	maxEntryBytes: 100 * 1024 * 1024,
	maxRatio: 200,
	maxDepth: 1
};

export interface ZipEntry {
	/** Path inside the archive, `/`-separated, e.g. `2022/科工信局.txt`. */
	name: string;
	bytes: Uint8Array;
}

/** An entry not inflated yet: `read()` inflates it (and throws, in Chinese, when it is corrupt). */
export interface LazyZipEntry {
	name: string;
	/** Declared uncompressed size (the inflated bytes can never exceed it). */
	size: number;
	read(): Uint8Array;
}

export interface ZipEntryRefusal {
	name: string;
	reason: string;
}

export interface ZipContents {
	entries: ZipEntry[];
	/** Entries that could not be read (corrupt, unsafe name, too big): the rest are still returned. */
	refused: ZipEntryRefusal[];
}

/** The archive as a whole cannot be read (not a zip, or over a limit): nothing of it is imported. */
export class ZipRefusal extends Error {}

/**
 * What one upload may still inflate, shared by all its archives (and nested archives): a second archive does not get
 * a fresh allowance. Sizes are reserved from the central directory before anything is inflated.
 */
export interface ZipBudget {
	entries: number;
	bytes: number;
}
export function newZipBudget(): ZipBudget {
	return { entries: 0, bytes: 0 };
}

/** Below this an entry's ratio is not judged (a small text file may compress well); it still counts in the totals. */
export const RATIO_FLOOR = 64 * 1024;

export function isZipName(name: string): boolean {
	return /\.zip$/i.test(name);
}

/** Reads every file entry of an archive at once (tests and small archives); the importer uses openZip. */
export function readZip(bytes: Uint8Array, limits: Partial<ZipLimits> = {}, budget = newZipBudget()): ZipContents {
	const { entries, refused } = openZip(bytes, limits, budget);
	const out: ZipContents = { entries: [], refused: [...refused] };
	for (const e of entries) {
		try {
			out.entries.push({ name: e.name, bytes: e.read() });
		} catch (err) {
			out.refused.push({ name: e.name, reason: (err as Error).message });
		}
	}
	return out;
}

/**
 * Checks an archive against the limits and the upload's budget from its central directory alone, and returns its
 * entries to inflate one at a time. Archives inside it (up to maxDepth) are opened here, their entries lazy too.
 * Throws ZipRefusal when the archive as a whole is over a limit: nothing of it has been inflated then.
 */
export function openZip(
	bytes: Uint8Array,
	limits: Partial<ZipLimits> = {},
	budget = newZipBudget()
): { entries: LazyZipEntry[]; refused: ZipEntryRefusal[] } {
	const lim = { ...DEFAULT_ZIP_LIMITS, ...limits };
	const out = { entries: [] as LazyZipEntry[], refused: [] as ZipEntryRefusal[] };
	openInto(bytes, '', 0, lim, budget, out);
	return out;
}

/** Why a zip container that is one document (DOCX, XLSX) must not be opened by its reader, or null. */
export function containerProblem(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): string | null {
	const lim = { ...DEFAULT_ZIP_LIMITS, ...limits };
	let dir: DirEntry[];
	try {
		dir = centralDirectory(bytes);
	} catch {
		return null; // not readable as a zip: the document reader refuses it as damaged
	}
	if (dir.length > lim.maxEntries)
		return `文件内部包含过多部件（超过 ${lim.maxEntries} 个），疑为构造异常的文件，未导入`;
	const total = dir.reduce((t, e) => t + e.size, 0);
	if (total > lim.maxTotalBytes) return `文件解压后大小超过上限 ${mb(lim.maxTotalBytes)}，疑为“压缩炸弹”，未导入`;
	for (const e of dir)
		if (e.size > RATIO_FLOOR && e.size / Math.max(1, e.compressedSize) > lim.maxRatio)
			return `文件内部压缩比异常（超过 ${lim.maxRatio} 倍），疑为“压缩炸弹”，未导入`;
	return null;
}

function openInto(
	data: Uint8Array,
	prefix: string,
	depth: number,
	lim: ZipLimits,
	budget: ZipBudget,
	out: { entries: LazyZipEntry[]; refused: ZipEntryRefusal[] }
): void {
	const dir = centralDirectory(data);
	const files = dir.filter((e) => !e.isDir && !ignorable(e.name));
	const declaredTotal = files.reduce((s, e) => s + e.size, 0);
	if (files.length + budget.entries > lim.maxEntries)
		throw new ZipRefusal(`压缩包内文件过多（整个上传超过 ${lim.maxEntries} 个）`);
	if (declaredTotal + budget.bytes > lim.maxTotalBytes)
		throw new ZipRefusal(`压缩包解压后总大小超过上限 ${mb(lim.maxTotalBytes)}（整个上传合计）`);
	if (declaredTotal > RATIO_FLOOR && declaredTotal / Math.max(1, data.length) > lim.maxRatio)
		throw new ZipRefusal(`压缩包压缩比异常（超过 ${lim.maxRatio} 倍），疑为“压缩炸弹”，已拒绝`);

	for (const e of files) {
		const name = prefix + e.name;
		const unsafe = unsafeName(e.name);
		if (unsafe) {
			out.refused.push({ name, reason: unsafe });
			continue;
		}
		if (e.size > lim.maxEntryBytes) {
			out.refused.push({ name, reason: `文件解压后 ${mb(e.size)}，超过单个文件上限 ${mb(lim.maxEntryBytes)}` });
			continue;
		}
		if (e.size > RATIO_FLOOR && e.size / Math.max(1, e.compressedSize) > lim.maxRatio) {
			out.refused.push({ name, reason: `压缩比异常（超过 ${lim.maxRatio} 倍），已拒绝` });
			continue;
		}
		// Reserved now, from the directory: what the entries may inflate to is spoken for before any is inflated.
		budget.entries++;
		budget.bytes += e.size;
		if (isZipName(e.name)) {
			if (depth + 1 > lim.maxDepth) {
				out.refused.push({ name, reason: '压缩包嵌套层数过多' });
				continue;
			}
			try {
				openInto(entryBytes(data, e), `${name}/`, depth + 1, lim, budget, out);
			} catch (err) {
				if (err instanceof ZipRefusal) out.refused.push({ name, reason: err.message });
				else out.refused.push({ name, reason: `压缩包内文件已损坏，无法解压（${(err as Error).message}）` });
			}
			continue;
		}
		out.entries.push({
			name,
			size: e.size,
			read: () => {
				try {
					return entryBytes(data, e);
				} catch (err) {
					throw new Error(`压缩包内文件已损坏，无法解压（${(err as Error).message}）`, { cause: err });
				}
			}
		});
	}
}

interface DirEntry {
	name: string;
	isDir: boolean;
	method: number;
	flags: number;
	crc: number;
	compressedSize: number;
	size: number;
	localOffset: number;
}

const u16 = (d: Uint8Array, o: number) => d[o] | (d[o + 1] << 8);
const u32 = (d: Uint8Array, o: number) => (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24)) >>> 0;

function centralDirectory(d: Uint8Array): DirEntry[] {
	// End of central directory: 22 bytes plus a comment of up to 65,535 bytes, searched from the end.
	let eocd = -1;
	for (let i = d.length - 22; i >= Math.max(0, d.length - 22 - 65535); i--) {
		if (u32(d, i) === 0x06054b50) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw new ZipRefusal('不是有效的 zip 压缩包（找不到目录）');
	const count = u16(d, eocd + 10);
	const cdSize = u32(d, eocd + 12);
	const cdOffset = u32(d, eocd + 16);
	if (count === 0xffff || cdOffset === 0xffffffff || (eocd >= 20 && u32(d, eocd - 20) === 0x07064b50))
		throw new ZipRefusal('不支持 ZIP64 格式的压缩包（单个压缩包过大或文件过多）');
	if (cdOffset + cdSize > eocd) throw new ZipRefusal('zip 压缩包目录已损坏');
	const entries: DirEntry[] = [];
	let p = cdOffset;
	for (let i = 0; i < count; i++) {
		if (p + 46 > eocd || u32(d, p) !== 0x02014b50) throw new ZipRefusal('zip 压缩包目录已损坏');
		const flags = u16(d, p + 8);
		const nameLen = u16(d, p + 28);
		const extraLen = u16(d, p + 30);
		const commentLen = u16(d, p + 32);
		const rawName = d.subarray(p + 46, p + 46 + nameLen);
		const name = decodeName(rawName, (flags & 0x800) !== 0);
		entries.push({
			name,
			isDir: name.endsWith('/') || name.endsWith('\\'),
			method: u16(d, p + 10),
			flags,
			crc: u32(d, p + 16),
			compressedSize: u32(d, p + 20),
			size: u32(d, p + 24),
			localOffset: u32(d, p + 42)
		});
		p += 46 + nameLen + extraLen + commentLen;
	}
	return entries;
}

function entryBytes(d: Uint8Array, e: DirEntry): Uint8Array {
	const lo = e.localOffset;
	if (lo + 30 > d.length || u32(d, lo) !== 0x04034b50) throw new Error('本地文件头错误');
	if (e.flags & 0x1) throw new Error('文件已加密');
	const start = lo + 30 + u16(d, lo + 26) + u16(d, lo + 28);
	const end = start + e.compressedSize;
	if (end > d.length) throw new Error('数据不完整');
	let content: Uint8Array;
	if (e.method === 0) content = d.slice(start, end);
	else if (e.method === 8) {
		// A preallocated output is never grown by fflate: a lying size cannot make it allocate more.
		const outBuf = new Uint8Array(e.size);
		content = inflateSync(d.subarray(start, end), { out: outBuf });
	} else throw new Error(`不支持的压缩方法 ${e.method}`);
	if (content.length !== e.size) throw new Error('解压后大小与目录不符');
	if (crc32(content) !== e.crc) throw new Error('CRC 校验失败');
	return content;
}

/** Names without the UTF-8 flag are usually GBK (archives made on Chinese Windows): try UTF-8 strictly first. */
function decodeName(raw: Uint8Array, utf8Flag: boolean): string {
	if (utf8Flag) return new TextDecoder('utf-8').decode(raw);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(raw);
	} catch {
		return new TextDecoder('gb18030').decode(raw);
	}
}

/** Why an entry name is unsafe, or null. */
export function unsafeName(name: string): string | null {
	const n = name.replace(/\\/g, '/');
	if (n.includes('\0')) return '文件名含非法字符';
	if (n.startsWith('/') || /^[A-Za-z]:/.test(n)) return '压缩包内文件使用绝对路径，已拒绝';
	if (n.split('/').some((seg) => seg === '..')) return '压缩包内文件路径含“..”（路径穿越），已拒绝';
	return null;
}

/** Resource forks and folder metadata that archivers add: not files anyone meant to upload. */
function ignorable(name: string): boolean {
	const n = name.replace(/\\/g, '/');
	const base = n.slice(n.lastIndexOf('/') + 1);
	return n.startsWith('__MACOSX/') || base.startsWith('._') || base === '.DS_Store' || base === 'Thumbs.db';
}

function mb(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
