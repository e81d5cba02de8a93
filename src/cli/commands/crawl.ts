// `crawl [--source ID]...`: one crawl run now, as the admin page's button does (for a server run by cron instead of
// the in-process schedule). Prints the run per source; exit 1 when a source is broken.
import type { Command } from '../command';
import { closeDb } from '../../lib/server/db';

const help = `crawl [--source ID]

Runs the listing crawler once over every enabled source of /admin/sources (or the one given), politely (robots.txt,
one request per second per host), and records the run as the admin page does. Uses DATABASE_URL.
Exit 0 when every source was read; 1 when one is broken (its reason printed).`;

const command: Command = {
	summary: 'run the listing crawler once over the enabled sources',
	help,
	async run(args) {
		const ids: number[] = [];
		for (let i = 0; i < args.length; i++) {
			if (args[i] !== '--source') {
				console.error(`crawl: 未知参数 ${args[i]} (see --help)`);
				return 2;
			}
			const n = Number(args[++i]);
			if (!Number.isInteger(n) || n <= 0) {
				console.error(`crawl: --source 须为来源编号`);
				return 2;
			}
			ids.push(n);
		}
		const { runCrawl } = await import('../../lib/server/crawl/job');
		const sources = await import('../../lib/server/crawl/sources');
		try {
			const names = new Map(sources.list().map((s) => [s.id, `${s.organName} · ${s.channel}`]));
			const missing = ids.filter((id) => !names.has(id));
			if (missing.length) {
				console.error(`crawl: 没有编号为 ${missing.join('、')} 的来源`);
				return 2;
			}
			const run = await runCrawl({ trigger: 'cli', sourceIds: ids.length ? ids : undefined });
			for (const s of run.sources) {
				console.log(
					`${names.get(s.sourceId)}: ${s.status === 'ok' ? '正常' : '来源故障'} · ${s.pages} 页（未变 ${s.notModified}）· 新增 ${s.added} · 已有 ${s.duplicates}`
				);
				for (const e of s.errors) console.log(`  ${e.url}: ${e.reason}`);
			}
			console.log(`运行 #${run.runId}: ${run.pages} 页，新增 ${run.added} 条，错误 ${run.errors} 个`);
			return run.sources.some((s) => s.status === 'broken') ? 1 : 0;
		} finally {
			closeDb();
		}
	}
};

export default command;
