// The in-process scheduler: one timer in the server checks the admin's schedule (kept in crawl_schedule, so it
// survives a restart) and starts a run when one is due and none is running.
import { getDb } from '../db';
import { isRunning, markInterruptedRuns, runCrawl } from './job';

export interface Schedule {
	everyHours: number | null;
	nextRunAt: number | null;
	lastRunAt: number | null;
}

export const MAX_EVERY_HOURS = 24 * 30;

export function getSchedule(): Schedule {
	const row = getDb()
		.$client.prepare(
			'SELECT every_hours AS everyHours, next_run_at AS nextRunAt, last_run_at AS lastRunAt FROM crawl_schedule WHERE id = 1'
		)
		.get() as Schedule | undefined;
	return row ?? { everyHours: null, nextRunAt: null, lastRunAt: null };
}

/** Every N hours from now, or off (null). */
export function setSchedule(everyHours: number | null, now = Date.now()): Schedule {
	const next = everyHours ? now + everyHours * 3_600_000 : null;
	getDb()
		.$client.prepare(
			`INSERT INTO crawl_schedule (id, every_hours, next_run_at) VALUES (1, ?, ?)
			ON CONFLICT (id) DO UPDATE SET every_hours = excluded.every_hours, next_run_at = excluded.next_run_at`
		)
		.run(everyHours, next);
	return getSchedule();
}

/** Starts the due run, if any; returns whether it did. The next slot is booked before the run starts. */
export function tick(now = Date.now()): boolean {
	const s = getSchedule();
	if (!s.everyHours || s.nextRunAt === null || s.nextRunAt > now || isRunning()) return false;
	getDb()
		.$client.prepare('UPDATE crawl_schedule SET next_run_at = ?, last_run_at = ? WHERE id = 1')
		.run(now + s.everyHours * 3_600_000, now);
	runCrawl({ trigger: 'schedule' }).catch((e) => console.error('scheduled crawl failed:', e));
	return true;
}

let timer: ReturnType<typeof setInterval> | null = null;

/** Called once when the server starts. CRAWL_SCHEDULER=off leaves it out (tests, a second server on the same db). */
export function startScheduler(intervalMs = 60_000): void {
	if (timer || process.env.CRAWL_SCHEDULER === 'off') return;
	markInterruptedRuns();
	timer = setInterval(() => {
		try {
			tick();
		} catch (e) {
			console.error('crawl scheduler:', e);
		}
	}, intervalMs);
	timer.unref();
}

export function stopScheduler(): void {
	if (timer) clearInterval(timer);
	timer = null;
}
