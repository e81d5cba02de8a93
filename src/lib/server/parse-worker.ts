// A worker thread that parses report files for the import pool (parse-pool.ts): bytes in, model or refusal out.
import { parentPort } from 'node:worker_threads';
import { parseReport, ParseRefusal } from '../report/parse';

export interface ParseRequest {
	id: number;
	name: string;
	bytes: Uint8Array;
}

export type ParseReply =
	| { id: number; model: import('../report/model').Report }
	| { id: number; refusal: string }
	| { id: number; error: string };

parentPort!.on('message', async (req: ParseRequest) => {
	let reply: ParseReply;
	try {
		reply = { id: req.id, model: await parseReport(req.bytes, req.name) };
	} catch (e) {
		reply = e instanceof ParseRefusal ? { id: req.id, refusal: e.reason } : { id: req.id, error: e instanceof Error ? e.message : String(e) };
	}
	parentPort!.postMessage(reply);
});
