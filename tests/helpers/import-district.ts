// A generated district into the database the way the district office loads one: each bureau registered with its
// renamings as aliases first, then every file and the publication log through the real import path.
import { expect } from 'vitest';
import type { GeneratedDistrict } from '../../src/lib/server/generate';
import { importFiles } from '../../src/lib/server/import';
import * as organs from '../../src/lib/server/organs';

type TruthOrgan = GeneratedDistrict['truth']['organs'][number];

/** Registers each generated organ under its latest name, the earlier ones as aliases; generator id → database id. */
export function registerOrgans(list: readonly Pick<TruthOrgan, 'id' | 'kind' | 'names'>[]): Map<string, number> {
	const dbId = new Map<string, number>();
	for (const o of list) {
		const organ = organs.ensure(o.names[o.names.length - 1].name, o.kind);
		for (const n of o.names.slice(0, -1)) organs.addAlias(organ.id, n.name);
		dbId.set(o.id, organ.id);
	}
	return dbId;
}

/** Registers the organs, imports every file and the publication log as an admin; fails the test on a refusal. */
export async function importDistrict(district: GeneratedDistrict): Promise<Map<string, number>> {
	const dbId = registerOrgans(district.truth.organs);
	const inputs = district.files.map((f) => ({ name: f.name, bytes: f.bytes }));
	if (district.publicationLogCsv)
		inputs.push({ name: 'publication-log.csv', bytes: new TextEncoder().encode(district.publicationLogCsv) });
	const results = await importFiles(inputs, { id: null, role: 'admin', organId: null });
	expect(results.filter((r) => r.status === 'refused')).toEqual([]);
	return dbId;
}
