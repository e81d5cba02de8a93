// Original files, content-addressed under the data directory (files/ab/cdef…): kept forever, written once.
// Written before the database transaction that refers to them commits, so a crash leaves at most an orphan file.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { databaseUrl } from './db';
import { OriginalsWriteError } from './faults/storage-error';

/** DATA_DIR, else the folder of the database file. */
export function dataDir(): string {
	if (process.env.DATA_DIR) return resolve(process.env.DATA_DIR);
	const url = databaseUrl();
	return url === ':memory:' ? resolve('data') : dirname(resolve(url));
}

export function sha256Hex(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** Path of a content hash relative to the data directory. */
function relativePathOf(sha256: string): string {
	if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
	return `files/${sha256.slice(0, 2)}/${sha256.slice(2)}`;
}

const madeDirs = new Set<string>();

/**
 * Stores the bytes (if not already there) and returns their hash and relative path. The write goes to a temp
 * file that is renamed, so a file at the final path is always complete. No fsync: it would cost more than the
 * whole rest of an import (about 12 ms a file here), and the database itself commits with synchronous=NORMAL,
 * which is safe against a killed process, not against power loss; the file is as durable as the row naming it.
 */
export function storeOriginal(bytes: Uint8Array, sha256 = sha256Hex(bytes)): { sha256: string; path: string } {
	const path = relativePathOf(sha256);
	const full = join(dataDir(), path);
	if (existsSync(full)) return { sha256, path };
	const tmp = `${full}.${randomBytes(6).toString('hex')}.tmp`;
	try {
		if (!madeDirs.has(dirname(full))) {
			mkdirSync(dirname(full), { recursive: true });
			madeDirs.add(dirname(full));
		}
		const fd = openSync(tmp, 'w');
		try {
			let off = 0;
			while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
		} finally {
			closeSync(fd);
		}
		renameSync(tmp, full);
	} catch (e) {
		// A full disk stops the write part-way: the partial temp file would only take more of the space left.
		try {
			rmSync(tmp, { force: true });
		} catch {
			// the write's own failure is the one to report
		}
		throw new OriginalsWriteError(path, e);
	}
	return { sha256, path };
}

export function readOriginal(path: string): Uint8Array {
	if (path.includes('..')) throw new Error(`bad stored path: ${path}`);
	return readFileSync(join(dataDir(), path));
}

export function hasOriginal(path: string): boolean {
	return !path.includes('..') && existsSync(join(dataDir(), path));
}
