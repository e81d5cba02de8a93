// Parsing on worker threads: a hostile file (a PDF that inflates, HTML nested 200,000 deep) costs a worker, never
// the thread that answers requests. Each worker parses one file at a time under a memory ceiling
// (`resourceLimits`) and a time limit; a worker over either is terminated and replaced, and the file is refused
// with the reason. Files wait in a bounded queue; over it, they are refused as "busy" rather than held in memory.
// The web import uses one pool for the process (sharedParsePool); the CLI and benches make their own.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { parseReport, ParseRefusal } from '../report/parse';
import type { Report as Model } from '../report/model';
import type { ParseReply, ParseRequest } from './parse-worker';

export type ParseOutcome = { model: Model } | { refusal: string } | { error: string };

export interface ParsePool {
	parse(bytes: Uint8Array, name: string): Promise<ParseOutcome>;
	close(): Promise<void>;
	/**
	 * Starts one worker now rather than at the first upload: a worker booting while the server is busy waits for
	 * CPU, and the upload with it.
	 */
	warm(): void;
	/** Workers alive and files waiting, for tests and the load bench. */
	stats(): { workers: number; busy: number; queued: number; replaced: number };
}

export interface PoolLimits {
	/** Wall time for one file (ms). */
	timeoutMs: number;
	/** V8 heap of one worker (MB): maxOldGenerationSizeMb. */
	memoryMb: number;
	/** Files waiting for a worker; more are refused at once. */
	maxQueue: number;
}

const envNumber = (k: string, d: number) => (Number(process.env[k]) > 0 ? Number(process.env[k]) : d);

/** PARSE_TIMEOUT_S (default 30), PARSE_WORKER_MEMORY_MB (default 384), PARSE_QUEUE (default 200). */
export function defaultPoolLimits(): PoolLimits {
	return {
		timeoutMs: envNumber('PARSE_TIMEOUT_S', 30) * 1000,
		memoryMb: envNumber('PARSE_WORKER_MEMORY_MB', 384),
		maxQueue: envNumber('PARSE_QUEUE', 200)
	};
}

export const POOL_REASONS = {
	timeout: (ms: number, file: string) =>
		`解析超时（超过 ${ms >= 10_000 ? Math.round(ms / 1000) : Math.round(ms / 100) / 10} 秒）：文件“${file}”可能构造异常，未导入`,
	memory: (mb: number, file: string) => `解析所需内存超过上限（${mb} MB）：文件“${file}”可能构造异常，未导入`,
	crashed: '解析进程异常退出，文件可能构造异常，未导入',
	busy: '服务器正忙（待解析文件过多），请稍后再导入此文件'
};

/** Parses in this thread: where no worker can be started, and what a pool of size 0 means. */
export async function parseHere(bytes: Uint8Array, name: string): Promise<ParseOutcome> {
	try {
		return { model: await parseReport(bytes, name) };
	} catch (e) {
		if (e instanceof ParseRefusal) return { refusal: e.reason };
		return { error: e instanceof Error ? e.message : String(e) };
	}
}

/** One worker per core but one (the request thread keeps a core), at least one; PARSE_WORKERS overrides. */
export function defaultPoolSize(): number {
	return envNumber('PARSE_WORKERS', Math.max(1, availableParallelism() - 1));
}

async function workerSpec(): Promise<{ source: string | URL; eval: boolean } | null> {
	const { WORKER_URL } = await import('./parse-worker');
	const entry = new URL(WORKER_URL);
	if (entry.protocol !== 'file:') return null;
	if (!entry.pathname.endsWith('.ts')) return { source: entry, eval: false }; // the built server's own chunk
	// The TypeScript sources (tsx, vitest, vite dev): an eval worker that registers tsx, then loads the module.
	let api: string;
	try {
		api = import.meta.resolve('tsx/esm/api');
	} catch {
		return null;
	}
	return {
		source: `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`,
		eval: true
	};
}

interface Job {
	req: ParseRequest;
	resolve: (o: ParseOutcome) => void;
}

interface Slot {
	worker: Worker;
	ready: boolean;
	job: Job | null;
	timer: ReturnType<typeof setTimeout> | null;
	/** Why we terminated it (time or memory), so its exit resolves the job with that reason. */
	killedFor: string | null;
}

/** A pool of `size` workers, or null for size 0. Workers start on first use. */
export function createParsePool(size: number, limits: Partial<PoolLimits> = {}): ParsePool | null {
	if (size < 1) return null;
	const lim = { ...defaultPoolLimits(), ...limits };
	const slots: Slot[] = [];
	const queue: Job[] = [];
	let spec: Promise<{ source: string | URL; eval: boolean } | null> | null = null;
	let closed = false;
	let replaced = 0;
	/** Workers that died before they were ready, in a row: the environment, not a file, is broken. */
	let bootFailures = 0;
	let nextId = 1;
	let spawning = 0;

	function finish(slot: Slot, outcome: ParseOutcome) {
		const job = slot.job;
		if (slot.timer) clearTimeout(slot.timer);
		slot.timer = null;
		slot.job = null;
		job?.resolve(outcome);
	}

	async function spawn(): Promise<void> {
		spawning++;
		spec ??= workerSpec();
		const s = await spec.finally(() => spawning--);
		if (closed) return;
		if (!s) {
			bootFailures = Infinity;
			pump();
			return;
		}
		const worker = new Worker(s.source, {
			eval: s.eval,
			workerData: { dwParseWorker: true },
			resourceLimits: {
				maxOldGenerationSizeMb: lim.memoryMb,
				maxYoungGenerationSizeMb: Math.min(64, Math.max(8, lim.memoryMb / 8))
			},
			stderr: false
		});
		worker.unref();
		const slot: Slot = { worker, ready: false, job: null, timer: null, killedFor: null };
		slots.push(slot);
		worker.on('message', (msg: ParseReply | { ready: true }) => {
			if ('ready' in msg) {
				slot.ready = true;
				bootFailures = 0;
				pump();
				return;
			}
			if (!slot.job || slot.job.req.id !== msg.id) return;
			finish(
				slot,
				'model' in msg ? { model: msg.model } : 'refusal' in msg ? { refusal: msg.refusal } : { error: msg.error }
			);
			pump();
		});
		let memoryError = false;
		worker.on('error', (e: Error & { code?: string }) => {
			if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') memoryError = true;
		});
		worker.on('exit', () => {
			const i = slots.indexOf(slot);
			if (i >= 0) slots.splice(i, 1);
			if (!slot.ready) bootFailures++;
			if (slot.job)
				finish(slot, {
					refusal:
						slot.killedFor ??
						(memoryError ? POOL_REASONS.memory(lim.memoryMb, slot.job.req.name) : POOL_REASONS.crashed)
				});
			if (closed) return;
			replaced++;
			pump();
		});
	}

	function pump() {
		if (closed) return;
		// No worker can start here (no tsx for the sources, or workers die at boot): parse in this thread, as
		// before the pool existed, rather than refuse every file.
		if (bootFailures >= 3) {
			for (const job of queue.splice(0)) parseHere(job.req.bytes, job.req.name).then(job.resolve);
			return;
		}
		for (const slot of slots) {
			if (!queue.length) return;
			if (!slot.ready || slot.job) continue;
			const job = queue.shift()!;
			slot.job = job;
			slot.timer = setTimeout(() => {
				slot.killedFor = POOL_REASONS.timeout(lim.timeoutMs, job.req.name);
				void slot.worker.terminate();
			}, lim.timeoutMs);
			slot.worker.postMessage(job.req);
		}
		// Files still waiting and every ready worker busy: start one more (one at a time, up to `size`).
		const starting = spawning + slots.filter((s) => !s.ready).length;
		if (queue.length && slots.length + spawning < size && starting === 0) void spawn();
	}

	return {
		parse(bytes, name) {
			if (closed) return parseHere(bytes, name);
			if (queue.length >= lim.maxQueue) return Promise.resolve({ refusal: POOL_REASONS.busy });
			return new Promise((resolve) => {
				queue.push({ req: { id: nextId++, name, bytes }, resolve });
				pump();
			});
		},
		warm() {
			if (!closed && slots.length + spawning === 0) void spawn();
		},
		async close() {
			closed = true;
			for (const job of queue.splice(0)) parseHere(job.req.bytes, job.req.name).then(job.resolve);
			await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
		},
		stats() {
			return { workers: slots.length, busy: slots.filter((s) => s.job).length, queued: queue.length, replaced };
		}
	};
}

let shared: ParsePool | null | undefined;
/** The web server's pool, one per process, sized to the cores. */
export function sharedParsePool(): ParsePool | null {
	if (shared === undefined) shared = createParsePool(defaultPoolSize());
	return shared;
}
