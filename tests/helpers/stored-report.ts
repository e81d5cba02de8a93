// Storing a model straight into the database as an import would, without a file or the parser: for the storage,
// correction and drill-down specs, whose reports are built in code.
import { addRevision, type StoredRevision } from '../../src/lib/server/reports/write';
import * as organs from '../../src/lib/server/organs';
import type { Report } from '../../src/lib/report/model';

/** Stores `model` as the new current revision of its organ (created if needed) × year report. */
export function storeModel(
	model: Report,
	sha256: string,
	more: { fileName?: string; importedBy?: string | null } = {}
): StoredRevision {
	return addRevision({
		organId: organs.ensure(model.organ).id,
		year: model.year!,
		model,
		sha256,
		fileName: more.fileName ?? 'x.txt',
		format: 'txt',
		encoding: 'utf-8',
		filePath: 'files/00/none',
		fileSize: 1,
		parserVersion: 'test',
		importedBy: more.importedBy ?? null
	});
}
