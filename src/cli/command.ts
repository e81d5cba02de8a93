export interface Command {
	/** One line for the command list. */
	summary: string;
	/** The full `--help` text. */
	help: string;
	/** Runs with the arguments after the command name; resolves to the exit code. */
	run(args: string[]): Promise<number>;
}

/** Minimal flag parsing: `--name value`, `--flag`, and positionals. */
export function parseArgs(args: string[], booleans: string[] = []) {
	const flags: Record<string, string | true> = {};
	const positionals: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a.startsWith('--')) {
			const eq = a.indexOf('=');
			if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
			else if (booleans.includes(a.slice(2)) || i + 1 >= args.length || args[i + 1].startsWith('--'))
				flags[a.slice(2)] = true;
			else flags[a.slice(2)] = args[++i];
		} else positionals.push(a);
	}
	return { flags, positionals };
}

/** The one positional argument of a command that takes exactly one; null, with `usage` on stderr, otherwise. */
export function onePositional(positionals: string[], usage: string): string | null {
	if (!positionals[0] || positionals.length > 1) {
		console.error(usage);
		return null;
	}
	return positionals[0];
}

export async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const c of process.stdin) chunks.push(c as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}
