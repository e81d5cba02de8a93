import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from '../command';
import { parseArgs } from '../command';
import { closeDb } from '../../lib/server/db';
import { exportRoster, importRoster, rosterExportRows } from '../../lib/server/roster-file';
import * as organs from '../../lib/server/organs';

const help = `roster import FILE
roster export FILE

The district's roster of organs as CSV or XLSX, one organ a row, columns 名称, 类型 (人民政府, 政府部门, 街道,
乡镇, 其他; empty: from the name), 上级 (another organ's name), 起止年度 (2019-2023, 2021-, -2023, empty: always),
别名 (separated by ；, each optionally dated: 旧名（2019-2021）).

  import  puts each row's organ on the roster (found by its name or an alias, else created) with its kind, years,
          parent and aliases. All or nothing: any problem is listed (line and column) and nothing is stored.
  export  writes the roster (.xlsx for a workbook, otherwise CSV).

Only roster organs count on the dashboard; reports of other organs wait as pending (see /admin/organs/pending).
Exit status: 0 done, 1 the file had problems, 2 usage error.`;

const command: Command = {
	summary: 'import or export the district roster of organs (CSV/XLSX)',
	help,
	async run(args) {
		const { positionals } = parseArgs(args);
		const [sub, file] = positionals;
		if ((sub !== 'import' && sub !== 'export') || !file) {
			console.error(help);
			return 2;
		}
		try {
			if (sub === 'export') {
				writeFileSync(file, await exportRoster(file));
				console.log(`已导出名册：${rosterExportRows().length} 个单位 → ${file}`);
				return 0;
			}
			let bytes: Uint8Array;
			try {
				bytes = new Uint8Array(readFileSync(file));
			} catch {
				console.error(`文件不存在：${file}`);
				return 2;
			}
			const r = await importRoster(basename(file), bytes, { id: null, role: 'admin' });
			if (!r.ok) {
				console.error(`名册有 ${r.problems.length} 处问题，未导入：`);
				for (const p of r.problems) console.error(`  ${p.message}`);
				return 1;
			}
			const pending = organs.pending().length;
			console.log(
				`已导入名册：新建 ${r.created} 个单位，更新 ${r.updated} 个，新增别名 ${r.aliases} 个；名册共 ${rosterExportRows().length} 个单位` +
					(pending ? `；另有 ${pending} 个待确认单位（/admin/organs/pending）` : '')
			);
			return 0;
		} finally {
			closeDb();
		}
	}
};

export default command;
