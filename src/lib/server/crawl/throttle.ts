// At most one request per interval per host: each caller waits for its host's next free slot.

export class HostThrottle {
	private next = new Map<string, number>();

	/** Resolves when a request to `host` may go out; reserves the slot after it. */
	async wait(host: string, intervalMs: number): Promise<void> {
		const now = Date.now();
		const at = Math.max(now, this.next.get(host) ?? 0);
		this.next.set(host, at + intervalMs);
		if (at > now) await new Promise((r) => setTimeout(r, at - now));
	}

	/** After an answer: the next request waits a whole interval from now (a slow answer is not followed at once). */
	done(host: string, intervalMs: number): void {
		this.next.set(host, Math.max(this.next.get(host) ?? 0, Date.now() + intervalMs));
	}
}
