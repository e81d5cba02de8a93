// A whole synthetic district as truth: organs × years of Report objects with the findings each must produce.
// Pure and deterministic: every draw comes from a stream forked by (seed, organ, year, purpose), so adding organs
// or years does not change the others.
import type { Report } from '../report/model';
import { APPLICANT_COLUMNS } from '../report/template';
import type { OrganKind } from '../report/organ';
import { createRng } from './prng';
import { buildOrgans, organNameIn, type Organ } from './organs';
import { initialState, organProfile, yearFigures } from './figures';
import { writeProse } from './prose';
import { DAMAGE_KINDS, injectDamage, dayOfYear, type Damage, type DamageKind } from './damage';
import { shiftToWeekday } from './dates';
import { layoutReport } from '../report/layout';
import { tableLines } from './render/txt';
import { carryOverFindings, reportFindings, timelinessFindings } from './truth-checks';
import {
	distinctiveParagraph,
	injectCrossCases,
	type CrossOptions,
	type CrossTruth,
	type SilentEdit
} from './cross-cases';

export interface TruthOptions {
	organs: number;
	years: number[];
	seed: string | number;
	/** Share of reports with one injected damage (0–1). */
	errorRate?: number;
	/** Share of 2021+ reports printing the 2019 single row （六） (a hybrid seen in the wild). */
	hybridRate?: number;
	/** Restrict damage to these kinds. */
	damageKinds?: readonly DamageKind[];
	/**
	 * Cases for the cross-report rules (X6, X7, H1, X4, D3), with their truth. Also makes the district clean for
	 * those rules otherwise: distinctive prose per organ-year, governments summing their organs, no hybrid rows.
	 */
	cross?: CrossOptions;
}

export interface TruthReport {
	organ_id: string;
	organ_kind: OrganKind;
	/** The model's keys with their exact values; `findings` lists every finding the report must produce. */
	report: Report;
	damage: Damage | null;
}

export interface DistrictTruth {
	organs: Organ[];
	reports: TruthReport[];
	/** With `cross`: what the cross-report rules must find, and the later revisions of published reports (D3). */
	cross?: { truth: CrossTruth[]; edits: SilentEdit[] };
}

export const GENERATOR_VERSION = 'generator-1';

export function generateTruth(opts: TruthOptions): DistrictTruth {
	const organs = buildOrgans(opts.organs);
	const years = [...opts.years].sort((a, b) => a - b);
	const errorRate = opts.errorRate ?? 0;
	const kinds = opts.damageKinds ?? DAMAGE_KINDS;
	const reports: TruthReport[] = [];
	for (const organ of organs) {
		const orng = createRng(`${opts.seed}/${organ.id}`);
		const profile = organProfile(organ, orng.fork('profile'));
		const state = initialState(profile, organ, orng.fork('state'));
		let prev: Report | null = null;
		for (const year of years) {
			const yrng = orng.fork(String(year));
			const hybrid = !opts.cross && year >= 2021 && yrng.fork('hybrid').chance(opts.hybridRate ?? 0.05);
			const fig = yearFigures(organ, profile, state, year, years[0], yrng.fork('figures'), hybrid);
			const name = organNameIn(organ, year);
			const prose = writeProse(organ, name, year, fig.feeYuan, yrng.fork('prose'));
			if (opts.cross) {
				const distinct = yrng.fork('distinct');
				prose['1'] += `\n${distinctiveParagraph(distinct)}`;
				prose['5'] += `\n${distinctiveParagraph(distinct)}`;
			}
			const report: Report = {
				organ: name,
				year,
				template: fig.template,
				title: `${name}${year}年政府信息公开工作年度报告`,
				published_on: publicationDate(organ.kind, year, yrng.fork('date')),
				source: { file: '', format: 'txt', encoding: 'utf-8', script: 'simplified', sha256: '' },
				sections: { '1': prose['1'], '2': '', '3': '', '4': '', '5': prose['5'], '6': prose['6'] },
				proactive: fig.proactive,
				applications: { columns: [...APPLICANT_COLUMNS], rows: fig.rows },
				review: fig.review,
				fees: { info_processing_fee_yuan: fig.feeYuan },
				findings: [],
				warnings: [],
				provenance: {},
				other_layout: fig.otherLayout
			};
			let damage: Damage | null = null;
			const drng = yrng.fork('damage');
			// Previous year must be in the set (not just exist): Y1 is checked against the generated report.
			const hasPrevious = prev !== null && prev.year === year - 1;
			if (drng.chance(errorRate)) {
				const order = drng.shuffle([...kinds]);
				for (const kind of order) {
					damage = injectDamage(report, kind, organ.kind, hasPrevious, drng.fork(kind));
					if (damage) break;
				}
			}
			fillTableSections(report);
			report.findings = ownFindings(report, hasPrevious ? prev : null, organ.kind);
			reports.push({ organ_id: organ.id, organ_kind: organ.kind, report, damage });
			prev = report;
		}
	}
	if (!opts.cross) return { organs, reports };
	const injected = injectCrossCases(
		reports,
		organs,
		years,
		opts.cross,
		createRng(`${opts.seed}/cross`),
		(e, previous) => {
			const t = e as TruthReport;
			fillTableSections(t.report);
			t.report.findings = ownFindings(t.report, previous, t.organ_kind);
		}
	);
	return {
		organs,
		reports: injected.entries as TruthReport[],
		cross: { truth: injected.truth, edits: injected.edits }
	};
}

function ownFindings(report: Report, prev: Report | null, kind: OrganKind) {
	return [
		...reportFindings(report),
		...(prev ? carryOverFindings(prev, report) : []),
		...timelinessFindings(report, kind)
	];
}

/** Sections 2–4 hold their table as pipe text (the model's "raw text of each part"); prose sections stay as written. */
function fillTableSections(report: Report) {
	for (const block of layoutReport(report))
		if (block.kind === 'table') report.sections[block.section] = tableLines(block, 'pipe').join('\n');
}

/** Departments, streets and towns by 31 January; a people's government by the end of March, often earlier. */
function publicationDate(kind: OrganKind, year: number, rng: ReturnType<typeof createRng>): string {
	const y = year + 1;
	if (kind === 'government') return shiftToWeekday(dayOfYear(y, rng.int(20, 88)), 'back');
	// Most cluster in the last ten days before the deadline.
	const day = 31 - Math.floor(23 * rng.next() ** 2);
	return shiftToWeekday(dayOfYear(y, day), 'back');
}
