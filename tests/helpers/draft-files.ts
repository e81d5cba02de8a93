// Drafts for the draft-check specs: an organ's stored 2022 report and three 2023 drafts of it, rendered from a
// generated (arithmetically clean) district: clean; with 上年结转 off by one in the 自然人 column (so A1 breaks in
// that column and its total, and Y1 against 2022 in the same two); and one that is not a report.
import { districtFiles, renderReport } from './report-files';

export function draftFiles() {
	const files = districtFiles({ organs: 3, years: [2022, 2023], seed: 'drafts' });
	// An organ whose 2023 report prints the 2021 layout throughout and kept its name: clean on its own.
	const pick = files.find(
		(f) =>
			f.truth.report.year === 2023 &&
			f.truth.report.other_layout === '2021' &&
			files.some((g) => g.truth.report.year === 2022 && g.truth.report.organ === f.truth.report.organ)
	);
	if (!pick) throw new Error('no suitable organ in the generated district');
	const organ = pick.truth.report.organ;
	const stored2022 = files.find((g) => g.truth.report.year === 2022 && g.truth.report.organ === organ)!;
	const broken = structuredClone(pick.truth.report);
	broken.applications.rows.carried_over![0]! += 1;
	broken.applications.rows.carried_over![6]! += 1;
	return {
		organ,
		stored2022: { name: '2022.txt', bytes: stored2022.bytes },
		clean2023: { name: '2023-clean.txt', bytes: pick.bytes },
		broken2023: { name: '2023-broken.txt', bytes: renderReport(broken) },
		notReport: { name: 'scan.pdf', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]) },
		others: files.filter((f) => f.truth.report.organ !== organ)
	};
}
