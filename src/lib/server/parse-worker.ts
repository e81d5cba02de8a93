// A worker thread that parses report files for the import pool (parse-pool.ts): bytes in, model or refusal out.
// The pool starts this very module as the worker (WORKER_URL: in the built server it is the chunk Vite emitted
// for it, under tsx the .ts file), so the main thread may import it for its URL without it starting anything.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { getPriority, setPriority } from 'node:os';
import { parseReport, ParseRefusal } from '../report/parse';

export const WORKER_URL = import.meta.url;

export interface ParseRequest {
	id: number;
	name: string;
	bytes: Uint8Array;
}

export type ParseReply =
	| { id: number; model: import('../report/model').Report }
	| { id: number; refusal: string }
	| { id: number; error: string };

export const WORKER_FLAG = 'dwParseWorker';

/** Added to a parse worker's nice value: on a busy machine the thread answering requests gets the CPU first. */
export const WORKER_NICENESS = 10;

if (!isMainThread && parentPort && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG]) {
	const port = parentPort;
	// On Linux the nice value is per thread and pid 0 is the calling thread: this lowers the worker alone.
	try {
		setPriority(0, Math.min(19, getPriority(0) + WORKER_NICENESS));
	} catch {
		// Not permitted here (or not Linux): parse at the same priority.
	}
	port.on('message', async (req: ParseRequest) => {
		let reply: ParseReply;
		try {
			reply = { id: req.id, model: await parseReport(req.bytes, req.name) };
		} catch (e) {
			reply =
				e instanceof ParseRefusal
					? { id: req.id, refusal: e.reason }
					: { id: req.id, error: e instanceof Error ? e.message : String(e) };
		}
		port.postMessage(reply);
	});
	port.postMessage({ ready: true });
}
