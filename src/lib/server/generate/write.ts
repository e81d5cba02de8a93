// Writes a generated district to a directory: the report files, truth.json, roster.csv and publication-log.csv.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GeneratedDistrict } from './district';

export async function writeDistrict(
	dir: string,
	d: GeneratedDistrict,
	opts: { publicationLog?: boolean } = {}
): Promise<void> {
	await mkdir(dir, { recursive: true });
	for (const f of d.files) await writeFile(join(dir, f.name), f.bytes);
	await writeFile(join(dir, 'truth.json'), JSON.stringify(d.truth, null, 1) + '\n');
	await writeFile(join(dir, 'roster.csv'), d.rosterCsv);
	if (opts.publicationLog) await writeFile(join(dir, 'publication-log.csv'), d.publicationLogCsv);
}
