// Requests being answered, for background work on the request thread to give way to them: an import stores its
// files synchronously (tens of ms each, with the cross-report findings), so between two files it waits until the
// requests that arrived meanwhile are answered. hooks.server.ts counts every request but the uploads themselves.

let inFlight = 0;
let waiters: (() => void)[] = [];

/** Counts a request from its start until its response is ready. */
export async function counted<T>(answer: () => Promise<T>): Promise<T> {
	inFlight++;
	try {
		return await answer();
	} finally {
		inFlight--;
		if (inFlight === 0) for (const w of waiters.splice(0)) w();
	}
}

export function requestsInFlight(): number {
	return inFlight;
}

/**
 * Resolves on a later turn of the event loop once no counted request is being answered, or after `maxWaitMs`
 * at most (under a steady stream of requests the import still moves on, a file per `maxWaitMs`).
 */
export function afterRequestsAnswered(maxWaitMs: number): Promise<void> {
	return new Promise((resolve) => {
		setImmediate(() => {
			if (inFlight === 0) return resolve();
			let done = false;
			const go = () => {
				if (done) return;
				done = true;
				clearTimeout(timer);
				waiters = waiters.filter((w) => w !== go);
				// Once more through the loop: the responses just made ready get written first.
				setImmediate(resolve);
			};
			const timer = setTimeout(go, maxWaitMs);
			waiters.push(go);
		});
	});
}
