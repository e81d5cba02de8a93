// `listing FILE|URL [--base URL] [--json]`: read a column's listing page (a saved file, or fetched politely) into its
// items and next page; exit 2 with one line naming the page and the reason when it is not a listing.
import { readFile } from 'node:fs/promises';
import type { Command } from '../command';
import { onePositional, parseArgs } from '../command';
import { readListing } from '../../lib/listing';
import { decodeText, MAX_BYTES } from '../../lib/report/decode';

const help = `listing FILE|URL [--base URL] [--json]

Reads a portal column's listing page (TRS, Hanweb/大汉 and similar lists, tables, script-rendered lists) into its items.
A URL is fetched once, politely (robots.txt, the crawler's User-Agent, a timeout).
  --base URL  resolve the page's links against this address (default: the page's own address; for a saved file,
              the one the browser noted in it)
  --json      print { "organ", "channel", "items": [{ "title", "date", "url" }], "next" }
Exit 0 when the page was read as a listing; 2 when it was not (one line on stderr: the page and the reason).`;

const command: Command = {
	summary: 'read a column listing page (file or URL) into items and the next page (--json)',
	help,
	async run(args) {
		const { flags, positionals } = parseArgs(args, ['json']);
		const target = onePositional(positionals, 'listing: 请给出一个文件或网址 (one FILE or URL; see --help)');
		if (target === null) return 2;
		const base = typeof flags.base === 'string' ? flags.base : null;
		if (flags.base === true || (base && !/^https?:\/\//i.test(base))) {
			console.error(`listing: --base 须为 http:// 或 https:// 网址`);
			return 2;
		}
		let html: string;
		let url: string | null = null;
		if (/^https?:\/\//i.test(target)) {
			const { fetchPage, FetchContext } = await import('../../lib/server/crawl/fetch-page');
			const page = await fetchPage(target, new FetchContext());
			if (page.kind !== 'page') {
				console.error(`${target}: ${page.kind === 'error' ? page.reason : '服务器答复未修改（304）'}`);
				return 2;
			}
			html = page.html;
			url = page.url;
		} else {
			try {
				const bytes = new Uint8Array(await readFile(target));
				if (bytes.length > MAX_BYTES) {
					console.error(`${target}: 文件超过上限 ${MAX_BYTES / 1048576} MB`);
					return 2;
				}
				html = decodeText(bytes, true).text;
			} catch (e) {
				const code = (e as NodeJS.ErrnoException).code;
				console.error(
					`${target}: ${code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '是文件夹，不是网页文件' : `无法读取（${(e as Error).message}）`}`
				);
				return 2;
			}
		}
		const res = readListing(html, { url, base });
		if (!res.ok) {
			console.error(`${target}: 不是可识别的栏目列表页：${res.reason}`);
			return 2;
		}
		const { organ, channel, items, next } = res.listing;
		if (flags.json) console.log(JSON.stringify({ organ, channel, items, next }, null, 2));
		else {
			console.log(
				`${target}: ${organ ?? '（未识别单位）'} · ${channel ?? '（未识别栏目）'} · ${items.length} 条 · ${res.listing.shape}`
			);
			for (const i of items) console.log(`  ${i.date}  ${i.title}  ${i.url}`);
			console.log(next ? `  下一页：${next}` : '  （没有下一页）');
			for (const w of res.listing.warnings) console.log(`  提示：${w}`);
		}
		return 0;
	}
};

export default command;
