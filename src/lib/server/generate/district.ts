// A whole synthetic district as files: truth from the pure generator, bytes in every requested format (DOCX and
// PDF here, since they need the docx package and a browser), truth.json and the publication log.
import { createHash } from 'node:crypto';
import type { Format, Report } from '../../report/model';
import {
	GENERATOR_VERSION,
	generateTruth,
	planFiles,
	publicationLog,
	publicationLogCsv,
	rosterCsv,
	renderText,
	renderTextFile,
	truthFor,
	type DamageKind,
	type Damage,
	type FileVariant,
	type Organ,
	type PublicationRow
} from '../../generator/index';
import { renderDocx } from './docx';
import { PdfPrinter } from './pdf';

export interface GenerateOptions {
	organs: number;
	years: number[];
	seed: string | number;
	formats?: readonly Format[];
	/** Share of reports with one injected damage (default 0). */
	errorRate?: number;
	damageKinds?: readonly DamageKind[];
	/** One format per report instead of every format for every report. */
	mix?: boolean;
	/** Share of files in traditional script (default 0.12). */
	traditionalRate?: number;
	hybridRate?: number;
	/** Build the publication log too (default true). */
	publicationLog?: boolean;
	/** Called after each file, for progress output. */
	onFile?: (done: number, total: number, name: string) => void;
	/** A printer to reuse across calls (its owner closes it); otherwise one is opened and closed here. */
	printer?: PdfPrinter;
}

export interface GeneratedFile {
	name: string;
	bytes: Uint8Array;
}

/** One file's truth: the model's keys with exact values (findings = every finding it must produce), and extras. */
export interface TruthFile extends Report {
	organ_id: string;
	organ_kind: string;
	/** Every name the organ has had (the alias table the importer should learn). */
	organ_names: string[];
	variant: FileVariant;
	damage: Damage | null;
}

export interface TruthJson {
	generator: {
		version: string;
		seed: string | number;
		organs: number;
		years: number[];
		formats: readonly Format[];
		error_rate: number;
		mix: boolean;
	};
	organs: Organ[];
	files: TruthFile[];
}

export interface GeneratedDistrict {
	files: GeneratedFile[];
	truth: TruthJson;
	publicationLog: PublicationRow[];
	publicationLogCsv: string;
	/** The district's roster (名称, 类型, 上级, 起止年度, 别名): what a district office would load first. */
	rosterCsv: string;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export async function generateDistrict(opts: GenerateOptions): Promise<GeneratedDistrict> {
	const formats = opts.formats ?? ['txt', 'html', 'docx', 'pdf'];
	const errorRate = opts.errorRate ?? 0;
	const district = generateTruth({
		organs: opts.organs,
		years: opts.years,
		seed: opts.seed,
		errorRate,
		hybridRate: opts.hybridRate,
		damageKinds: opts.damageKinds
	});
	const plans = planFiles(district.reports, {
		formats,
		seed: opts.seed,
		mix: opts.mix,
		traditionalRate: opts.traditionalRate
	});
	const organById = new Map(district.organs.map((o) => [o.id, o]));
	const needsPdf = plans.some((p) => p.variant.format === 'pdf');
	const printer = needsPdf ? (opts.printer ?? new PdfPrinter()) : null;
	const files: GeneratedFile[] = new Array(plans.length);
	const truthFiles: TruthFile[] = new Array(plans.length);
	let done = 0;
	const finish = (i: number, bytes: Uint8Array) => {
		const plan = plans[i];
		const t = district.reports[plan.report];
		files[i] = { name: plan.name, bytes };
		truthFiles[i] = {
			...truthFor(t.report, plan, sha256(bytes)),
			organ_id: t.organ_id,
			organ_kind: t.organ_kind,
			organ_names: organById.get(t.organ_id)!.names.map((n) => n.name),
			variant: plan.variant,
			damage: t.damage
		};
		opts.onFile?.(++done, plans.length, plan.name);
	};
	// PDFs print a few at a time (the printer's tabs); results land by index, so the order stays the plan's.
	const inFlight: Promise<void>[] = [];
	try {
		for (let i = 0; i < plans.length; i++) {
			const t = district.reports[plans[i].report];
			const v = plans[i].variant;
			if (v.format === 'txt' || v.format === 'html') finish(i, renderTextFile(t.report, v));
			else if (v.format === 'docx') finish(i, await renderDocx(t.report, { script: v.script }));
			else {
				const html = renderText(t.report, { ...v, format: 'html', charset: 'utf-8' }, { print: true });
				inFlight.push(printer!.print(html).then((bytes) => finish(i, bytes)));
				if (inFlight.length >= printer!.pages * 2) await inFlight.shift();
			}
		}
		await Promise.all(inFlight);
	} finally {
		if (printer && !opts.printer) await printer.close();
	}
	const log =
		opts.publicationLog === false ? [] : publicationLog(district.organs, opts.years, opts.seed, district.reports);
	return {
		files,
		truth: {
			generator: {
				version: GENERATOR_VERSION,
				seed: opts.seed,
				organs: opts.organs,
				years: [...opts.years],
				formats,
				error_rate: errorRate,
				mix: !!opts.mix
			},
			organs: district.organs,
			files: truthFiles
		},
		publicationLog: log,
		publicationLogCsv: opts.publicationLog === false ? '' : publicationLogCsv(log),
		rosterCsv: rosterCsv(district.organs, opts.years)
	};
}
