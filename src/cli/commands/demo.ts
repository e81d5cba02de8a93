import { existsSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import type { Command } from '../command';
import { parseArgs } from '../command';
import { closeDb } from '../../lib/server/db';
import { seedDemo } from '../../lib/server/demo/seed';

const help = `demo [--port 3000] [--db data/demo.db] [--no-build]

Creates the demo database (if it does not exist) with one account per role and a generated district,
builds the app and serves it on http://localhost:PORT.`;

const command: Command = {
	summary: 'create the demo database, build and serve the app on http://localhost:3000',
	help,
	async run(args) {
		const { flags } = parseArgs(args, ['no-build']);
		const port = String(flags.port ?? process.env.PORT ?? '3000');
		const db = String(flags.db ?? 'data/demo.db');
		process.env.DATABASE_URL = db;
		const fresh = !existsSync(db);
		if (fresh) console.log(`creating ${db} …`);
		await seedDemo({ log: (m) => console.log(m) });
		closeDb();
		if (!flags['no-build'] || !existsSync('build/index.js')) {
			console.log('building the app …');
			const b = spawnSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
			if (b.status !== 0) return b.status ?? 1;
		}
		console.log(`\n政务公开年报督查平台 running on http://localhost:${port}`);
		console.log('demo accounts: admin/admin-demo, leader/leader-demo, inspector/inspector-demo, clerk/clerk-demo\n');
		const server = spawn(process.execPath, ['build'], {
			stdio: 'inherit',
			env: {
				...process.env,
				DATABASE_URL: db,
				PORT: port,
				ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}`,
				BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? 'Infinity'
			}
		});
		return new Promise((resolve) => server.on('exit', (code) => resolve(code ?? 0)));
	}
};

export default command;
