// Parsing on worker threads, so a bulk import parses on every core while the main thread writes the database
// (SQLite takes one writer anyway). Used where the TypeScript sources run directly (the CLI under tsx, tests and
// benches); elsewhere `createParsePool` returns null and the importer parses in-process. A worker that fails
// makes its files fall back to in-process parsing rather than fail.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseReport, ParseRefusal } from '../report/parse';
import type { Report as Model } from '../report/model';
import type { ParseReply, ParseRequest } from './parse-worker';

export type ParseOutcome = { model: Model } | { refusal: string } | { error: string };

export interface ParsePool {
	parse(bytes: Uint8Array, name: string): Promise<ParseOutcome>;
	close(): Promise<void>;
}

/** Parses in this thread: the fallback, and what a pool of size 0 means. */
export async function parseHere(bytes: Uint8Array, name: string): Promise<ParseOutcome> {
	try {
		return { model: await parseReport(bytes, name) };
	} catch (e) {
		if (e instanceof ParseRefusal) return { refusal: e.reason };
		return { error: e instanceof Error ? e.message : String(e) };
	}
}

export function createParsePool(size: number): ParsePool | null {
	const entry = new URL('./parse-worker.ts', import.meta.url);
	if (size < 1 || entry.protocol !== 'file:' || !existsSync(fileURLToPath(entry))) return null;
	let api: string;
	try {
		api = import.meta.resolve('tsx/esm/api');
	} catch {
		return null;
	}
	// An eval worker that registers tsx for itself, then loads the TypeScript worker module.
	const boot = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`;
	const waiting = new Map<number, { req: ParseRequest; resolve: (o: ParseOutcome) => void; worker: Worker }>();
	const load = new Map<Worker, number>();
	let nextId = 1;
	const workers: Worker[] = [];
	for (let i = 0; i < size; i++) {
		const w = new Worker(boot, { eval: true });
		w.unref();
		load.set(w, 0);
		w.on('message', (reply: ParseReply) => {
			const job = waiting.get(reply.id);
			if (!job) return;
			waiting.delete(reply.id);
			load.set(w, (load.get(w) ?? 1) - 1);
			job.resolve('model' in reply ? { model: reply.model } : 'refusal' in reply ? { refusal: reply.refusal } : { error: reply.error });
		});
		w.on('error', () => retire(w));
		w.on('exit', () => retire(w));
		workers.push(w);
	}
	function retire(w: Worker) {
		const i = workers.indexOf(w);
		if (i >= 0) workers.splice(i, 1);
		for (const [id, job] of waiting)
			if (job.worker === w) {
				waiting.delete(id);
				parseHere(job.req.bytes, job.req.name).then(job.resolve);
			}
	}
	return {
		parse(bytes, name) {
			if (!workers.length) return parseHere(bytes, name);
			const w = workers.reduce((a, b) => ((load.get(a) ?? 0) <= (load.get(b) ?? 0) ? a : b));
			const req: ParseRequest = { id: nextId++, name, bytes };
			return new Promise((resolve) => {
				waiting.set(req.id, { req, resolve, worker: w });
				load.set(w, (load.get(w) ?? 0) + 1);
				w.postMessage(req);
			});
		},
		async close() {
			await Promise.all(workers.splice(0).map((w) => w.terminate()));
		}
	};
}
