import { describe, expect, it } from 'vitest';
import { afterRequestsAnswered, counted, requestsInFlight } from './requests-in-flight';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('requests in flight', () => {
	it('lets background work go on a later turn when no request is being answered', async () => {
		expect(requestsInFlight()).toBe(0);
		let turned = false;
		setImmediate(() => (turned = true));
		await afterRequestsAnswered(1000);
		expect(turned).toBe(true);
	});

	it('waits until the requests being answered are done, then goes on', async () => {
		const order: string[] = [];
		const request = counted(async () => {
			await sleep(80);
			order.push('answered');
		});
		expect(requestsInFlight()).toBe(1);
		const t0 = performance.now();
		await afterRequestsAnswered(5000).then(() => order.push('import'));
		await request;
		expect(order).toEqual(['answered', 'import']);
		expect(performance.now() - t0).toBeLessThan(4000);
		expect(requestsInFlight()).toBe(0);
	});

	it('goes on after the longest wait under requests that do not end', async () => {
		let finish!: () => void;
		const request = counted(() => new Promise<void>((r) => (finish = r)));
		const t0 = performance.now();
		await afterRequestsAnswered(60);
		expect(performance.now() - t0).toBeGreaterThanOrEqual(55);
		expect(requestsInFlight()).toBe(1);
		finish();
		await request;
	});

	it('counts a request that fails, and stops counting it', async () => {
		await expect(counted(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(requestsInFlight()).toBe(0);
	});
});
