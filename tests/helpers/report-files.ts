// Report files for import tests: a generated district rendered to text or HTML, with its truth beside each file.
import { generateTruth, type TruthOptions, type TruthReport } from '../../src/lib/generator/district';
import { renderHtml, renderTxt } from '../../src/lib/generator/render';
import type { Report } from '../../src/lib/report/model';

export interface ReportFile {
	name: string;
	bytes: Uint8Array;
	truth: TruthReport;
}

export function renderReport(report: Report, format: 'txt' | 'html' = 'txt'): Uint8Array {
	return new TextEncoder().encode(format === 'html' ? renderHtml(report) : renderTxt(report, 'pipe'));
}

export function districtFiles(opts: Partial<TruthOptions> & { format?: 'txt' | 'html' } = {}): ReportFile[] {
	const { format = 'txt', ...rest } = opts;
	const truth = generateTruth({ organs: 3, years: [2021, 2022, 2023], seed: 'import-test', errorRate: 0, ...rest });
	return truth.reports.map((t) => ({
		name: `${t.organ_id}/${t.report.year}.${format}`,
		bytes: renderReport(t.report, format),
		truth: t
	}));
}
