// `npm run --silent cli -- <command> …`: one file per command under ./commands, each exporting a `Command`.
import type { Command } from './command';

const COMMANDS: Record<string, () => Promise<{ default: Command }>> = {
	user: () => import('./commands/user'),
	parse: () => import('./commands/parse'),
	check: () => import('./commands/check'),
	generate: () => import('./commands/generate'),
	import: () => import('./commands/import'),
	listing: () => import('./commands/listing'),
	crawl: () => import('./commands/crawl'),
	roster: () => import('./commands/roster'),
	demo: () => import('./commands/demo'),
	backup: () => import('./commands/backup'),
	restore: () => import('./commands/restore'),
	export: () => import('./commands/export')
};

async function main(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		const lines = ['用法 usage: npm run --silent cli -- <command> [options]', '', 'commands:'];
		for (const key of Object.keys(COMMANDS)) {
			const cmd = await load(key);
			if (cmd) lines.push(`  ${key.padEnd(10)} ${cmd.summary}`);
		}
		lines.push('', 'Run `<command> --help` for the options of one command.');
		console.log(lines.join('\n'));
		return name ? 0 : 2;
	}
	const cmd = await load(name);
	if (!cmd) {
		console.error(`unknown command: ${name} (try --help)`);
		return 2;
	}
	if (rest.includes('--help') || rest.includes('-h')) {
		console.log(cmd.help);
		return 0;
	}
	return cmd.run(rest);
}

async function load(name: string): Promise<Command | undefined> {
	const loader = COMMANDS[name];
	if (!loader) return undefined;
	try {
		return (await loader()).default;
	} catch (e) {
		// A command whose module is not written yet is left out of the list rather than breaking the others.
		if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined;
		throw e;
	}
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(e) => {
		console.error(e instanceof Error ? e.message : String(e));
		process.exitCode = 1;
	}
);
