// `generate`: a synthetic district of reports with their truth (see src/lib/server/generate).
import { parseArgs, type Command } from '../command';
import type { Format } from '../../lib/report/model';
import { DAMAGE_KINDS, type DamageKind } from '../../lib/generator/index';
import { generateDistrict, writeDistrict } from '../../lib/server/generate/index';

const HELP = `用法 usage: npm run --silent cli -- generate --organs N --years 2019-2025 --out DIR [options]

Generates the annual reports of a fictional district, with DIR/truth.json (per file: the model's values and the
findings it must produce). Same seed, same bytes.

  --organs N            number of organs (district government, bureaus, streets, towns; more = more districts)
  --years A-B|A,B,…     report years (2019 template for 2019–2020, 2021 template after)
  --out DIR             output directory
  --seed S              seed (default 1)
  --formats LIST        txt,html,docx,pdf (default all); every report is written in each format
  --mix                 one format per report, chosen at random among --formats
  --error-rate R        share of reports with one injected damage: A1–A4, Y1, C1, T1 (default 0)
  --damage LIST         restrict damage kinds (e.g. A1,C1)
  --traditional-rate R  share of files in traditional script (default 0.12)
  --publication-log     also write DIR/publication-log.csv (organ, published_on, title, channel, url)
  --quiet               no progress output`;

function parseYears(s: string): number[] {
	const out: number[] = [];
	for (const part of s.split(',')) {
		const m = /^(\d{4})(?:-(\d{4}))?$/.exec(part.trim());
		if (!m) throw new Error(`年份格式不正确：${part}`);
		const a = Number(m[1]);
		const b = m[2] ? Number(m[2]) : a;
		for (let y = Math.min(a, b); y <= Math.max(a, b); y++) out.push(y);
	}
	return [...new Set(out)].sort((x, y) => x - y);
}

const command: Command = {
	summary: 'generate a synthetic district of reports with truth.json',
	help: HELP,
	async run(args) {
		const { flags } = parseArgs(args, ['publication-log', 'mix', 'quiet']);
		const organs = Number(flags.organs);
		if (!Number.isInteger(organs) || organs < 1 || typeof flags.out !== 'string' || typeof flags.years !== 'string') {
			console.error('需要 --organs N、--years 与 --out DIR（见 --help）');
			return 2;
		}
		let years: number[];
		try {
			years = parseYears(flags.years);
		} catch (e) {
			console.error((e as Error).message);
			return 2;
		}
		const formats = (typeof flags.formats === 'string' ? flags.formats : 'txt,html,docx,pdf')
			.split(',')
			.map((f) => f.trim()) as Format[];
		const badFormat = formats.find((f) => !['txt', 'html', 'docx', 'pdf'].includes(f));
		if (badFormat) {
			console.error(`不支持的格式：${badFormat}`);
			return 2;
		}
		const errorRate = flags['error-rate'] === undefined ? 0 : Number(flags['error-rate']);
		if (!(errorRate >= 0 && errorRate <= 1)) {
			console.error('--error-rate 应在 0 到 1 之间');
			return 2;
		}
		const damageKinds =
			typeof flags.damage === 'string' ? (flags.damage.split(',').map((k) => k.trim()) as DamageKind[]) : undefined;
		if (damageKinds?.some((k) => !DAMAGE_KINDS.includes(k))) {
			console.error(`未知的损坏类型：${flags.damage}（可用 ${DAMAGE_KINDS.join(',')}）`);
			return 2;
		}
		const quiet = flags.quiet === true;
		const started = Date.now();
		const district = await generateDistrict({
			organs,
			years,
			seed: typeof flags.seed === 'string' ? flags.seed : 1,
			formats,
			errorRate,
			damageKinds,
			mix: flags.mix === true,
			traditionalRate: flags['traditional-rate'] === undefined ? undefined : Number(flags['traditional-rate']),
			publicationLog: flags['publication-log'] === true,
			onFile: quiet
				? undefined
				: (done, total) => {
						if (done % 50 === 0 || done === total) process.stderr.write(`\r${done}/${total}`);
					}
		});
		await writeDistrict(flags.out, district, { publicationLog: flags['publication-log'] === true });
		if (!quiet) {
			const damaged = district.truth.files.filter((f) => f.damage).length;
			process.stderr.write(
				`\n${district.files.length} files (${damaged} damaged) → ${flags.out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`
			);
		}
		return 0;
	}
};

export default command;
