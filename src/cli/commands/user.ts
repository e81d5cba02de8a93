import type { Command } from '../command';
import { parseArgs, readStdin } from '../command';
import * as users from '../../lib/server/users';
import { closeDb } from '../../lib/server/db';
import { ROLE_LABELS, isRole } from '../../lib/auth/permissions';
import { createInterface } from 'node:readline/promises';

const help = `user add <username> --role <admin|leader|inspector|clerk> [--organ <name>] [--display-name <name>] [--password-stdin]
user list
user passwd <username> [--password-stdin]

A clerk needs --organ, an organ on the district's roster (its name or an alias; see \`roster import\`). Without --password-stdin the password is asked
for on the terminal (twice). The database is DATABASE_URL (default data/disclosure-watch.db).`;

async function readPassword(fromStdin: boolean): Promise<string> {
	if (fromStdin) return (await readStdin()).replace(/\r?\n$/, '');
	if (!process.stdin.isTTY) throw new Error('no terminal to ask for the password: use --password-stdin');
	const rl = createInterface({ input: process.stdin, output: process.stderr });
	const a = await rl.question('密码 password: ');
	const b = await rl.question('再次输入 again: ');
	rl.close();
	if (a !== b) throw new Error('the two passwords differ');
	return a;
}

const command: Command = {
	summary: 'manage user accounts (add, list, passwd)',
	help,
	async run(args) {
		const { flags, positionals } = parseArgs(args, ['password-stdin']);
		const [sub, username] = positionals;
		try {
			if (sub === 'list') {
				for (const u of users.list())
					console.log([u.username, u.role, ROLE_LABELS[u.role] ?? '', u.organName ?? ''].join('\t'));
				return 0;
			}
			if (sub === 'add') {
				if (!username) throw new Error('user add: missing <username>');
				const role = String(flags.role ?? '');
				if (!isRole(role))
					throw new Error(`user add: --role must be admin, leader, inspector or clerk (got "${role}")`);
				const password = await readPassword(flags['password-stdin'] === true);
				const u = await users.create({
					username,
					password,
					role,
					organName: typeof flags.organ === 'string' ? flags.organ : null,
					displayName: typeof flags['display-name'] === 'string' ? flags['display-name'] : null
				});
				console.log(`added ${u.username} (${u.role})`);
				return 0;
			}
			if (sub === 'passwd') {
				if (!username) throw new Error('user passwd: missing <username>');
				await users.setPassword(username, await readPassword(flags['password-stdin'] === true));
				console.log(`password of ${username} changed; their sessions ended`);
				return 0;
			}
			console.error(help);
			return 2;
		} catch (e) {
			console.error(e instanceof Error ? e.message : String(e));
			return 1;
		} finally {
			closeDb();
		}
	}
};

export default command;
