// `npm run bench:findings -- [--organs 5000] [--runs 5]`
// The findings page's refresh at district size: what each load of /findings does before listing (X7 brought up to
// date, legacy reports rebuilt in batches) once nothing has changed, against the same-run baseline of rebuilding X7
// whole (what each load did before) and the floor of reading the data version alone. Target: a load's refresh
// under 50 ms at 5,000 organs.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../src/cli/command';
import { buildDistrictDatabase } from './district-db';

const { flags } = parseArgs(process.argv.slice(2));
const ORGANS = Number(flags.organs ?? 5000);
const RUNS = Math.max(1, Number(flags.runs ?? 5));
const path = join(tmpdir(), `dw-bench-findings-${ORGANS}.db`);
if (!existsSync(path))
	buildDistrictDatabase(path, { organs: ORGANS, years: [2021, 2022, 2023, 2024], seed: 'findings', errorRate: 0.1 });
// Every seventh report missing (X7 to find), and every report indexed as one stored through the app would be (the
// generated district is written without texts, so without the similarity index the refresh looks for).
const raw = new Database(path);
raw.exec('DELETE FROM report WHERE id % 7 = 0');
raw.exec(`INSERT INTO similarity_band (report_id, year, section, band, bucket)
	SELECT id, year, 'x', 0, 'x' FROM report r WHERE NOT EXISTS (SELECT 1 FROM similarity_band b WHERE b.report_id = r.id)`);
raw.close();
process.env.DATABASE_URL = path;

const { refreshTimeDependent } = await import('../../src/lib/server/findings/review');
const { refreshMissing } = await import('../../src/lib/server/findings/cross');
const { dataVersion } = await import('../../src/lib/server/data-version');
const { getDb, closeDb } = await import('../../src/lib/server/db');
const c = getDb().$client;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn: () => void): number {
	const xs: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const t = performance.now();
		fn();
		xs.push(performance.now() - t);
	}
	return median(xs);
}
const t0 = performance.now();
refreshTimeDependent();
const first = performance.now() - t0;
const whole = time(() => c.transaction(() => refreshMissing()).immediate());
const floor = time(() => dataVersion(c));
const load = time(() => refreshTimeDependent());
const x7 = (c.prepare("SELECT COUNT(*) AS n FROM cross_finding WHERE rule = 'X7'").get() as { n: number }).n;
closeDb();

console.log(`findings refresh, ${ORGANS} organs, ${x7} X7 findings, median of ${RUNS}`);
console.log(`  first load (rebuilds X7):        ${first.toFixed(1)} ms`);
console.log(`  baseline, X7 rebuilt whole:      ${whole.toFixed(1)} ms`);
console.log(`  floor, data version read:        ${floor.toFixed(2)} ms`);
console.log(
	`  a load with nothing changed:     ${load.toFixed(2)} ms  (${(whole / load).toFixed(0)}× less than the baseline)`
);
console.log(`  target < 50 ms: ${load < 50 ? 'yes' : 'NO'}`);
