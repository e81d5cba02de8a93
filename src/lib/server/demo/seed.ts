// What `npm run demo` (and the browser tests, smaller) load: the demo accounts, a generated district with its
// publication log, and the real sample report. Loaded through the same import path as any upload.
import { readFileSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { seedAccounts, ensureDemoOrgan } from './accounts';
import * as organs from '../organs';
import { importFiles, type ImportInput } from '../import';
import { generateDistrict } from '../generate';
import { dataDir } from '../files';
import { importRoster } from '../roster-file';

const DEMO_SEED = 'disclosure-watch-demo';
const SAMPLE_ALIAS = '株洲市天元区科工信局';
const SAMPLE_FILE = 'tianyuan-kegongxin-2022.txt';

export interface SeedOptions {
	log?: (m: string) => void;
	/** The browser tests' district: 8 organs × 3 years, every damage kind present. */
	small?: boolean;
}

/** The real sample shipped beside this module (not under static/: the site must not serve it; the tests read their
 * copy in tests/fixtures/real/samples), if present. */
function sampleReport(): ImportInput | null {
	const here = dirname(fileURLToPath(import.meta.url));
	for (const dir of [here, resolve(process.cwd(), 'src/lib/server/demo')]) {
		const path = join(dir, SAMPLE_FILE);
		if (existsSync(path)) return { name: SAMPLE_FILE, bytes: readFileSync(path) };
	}
	return null;
}

export async function seedDemo(opts: SeedOptions = {}): Promise<void> {
	const log = opts.log ?? (() => {});
	// The clerk's organ first: a clerk is bound to a roster organ, never to a typed name.
	const demoOrgan = ensureDemoOrgan();
	await seedAccounts();
	try {
		organs.addAlias(demoOrgan.id, SAMPLE_ALIAS);
	} catch {
		/* already another organ's alias: leave it */
	}
	log('demo accounts ready');

	const reports = getDb().select({ n: count() }).from(table.report).get()?.n ?? 0;
	if (reports > 0) {
		log(`demo data already loaded (${reports} reports)`);
		return;
	}

	const years = opts.small ? [2022, 2023, 2024] : [2019, 2020, 2021, 2022, 2023, 2024, 2025];
	log(`generating a district of ${opts.small ? 8 : 40} organs × ${years.length} years …`);
	const district = await generateDistrict({
		organs: opts.small ? 8 : 40,
		years,
		seed: opts.small ? `${DEMO_SEED}-small` : DEMO_SEED,
		// PDF needs Chromium, which a fresh machine running the demo may not have.
		formats: ['txt', 'html', 'docx'],
		mix: true,
		errorRate: opts.small ? 0.3 : 0.08,
		traditionalRate: 0.05,
		publicationLog: true
	});
	// The district office loads its roster first (its bureaus' renamings as dated aliases), so each bureau's years
	// line up and every generated organ counts.
	const roster = await importRoster('roster.csv', new TextEncoder().encode(district.rosterCsv), {
		id: null,
		role: 'admin'
	});
	if (!roster.ok) throw new Error(`demo roster refused: ${roster.problems.map((p) => p.message).join('; ')}`);
	log(`roster loaded: ${roster.created} organs`);
	const inputs: ImportInput[] = district.files.map((f) => ({ name: f.name, bytes: f.bytes }));
	inputs.push({ name: 'publication-log.csv', bytes: new TextEncoder().encode(district.publicationLogCsv) });
	const sample = sampleReport();
	if (sample) inputs.push(sample);

	let last = 0;
	const results = await importFiles(inputs, { id: null, role: 'admin', organId: null }, (p) => {
		if (p.done - last >= 50 || p.done === p.total) {
			last = p.done;
			log(`imported ${p.done}/${p.total}`);
		}
	});
	const refused = results.filter((r) => r.status === 'refused');
	for (const r of refused) log(`refused: ${r.file}: ${r.reason}`);
	// The truth beside the data, so tests (and curious users) can see what each generated file should show.
	const dir = dataDir();
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'demo-truth.json'), JSON.stringify(district.truth));
	log(`demo data loaded: ${results.length - refused.length} files imported, ${refused.length} refused`);
}
