import { describe, expect, it } from 'vitest';
import { tempDatabaseForSuite } from '../../../../tests/helpers/temp-db';
import { closeDb, getDb } from '../db';
import { getSchedule, setSchedule, tick } from './scheduler';
import { isRunning, markInterruptedRuns, recentRuns } from './job';

tempDatabaseForSuite('dw-sched-');

const waitIdle = async () => {
	for (let i = 0; i < 100 && isRunning(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe('crawl scheduler', () => {
	it('starts a run when due, books the next slot, and not before', async () => {
		const t0 = Date.UTC(2024, 2, 5, 8);
		setSchedule(6, t0);
		expect(getSchedule()).toEqual({ everyHours: 6, nextRunAt: t0 + 6 * 3_600_000, lastRunAt: null });
		expect(tick(t0 + 5 * 3_600_000)).toBe(false);
		expect(recentRuns()).toHaveLength(0);
		const due = t0 + 6 * 3_600_000 + 1000;
		expect(tick(due)).toBe(true);
		await waitIdle();
		expect(recentRuns()[0]).toMatchObject({ trigger: 'schedule', status: 'done' });
		expect(getSchedule()).toEqual({ everyHours: 6, nextRunAt: due + 6 * 3_600_000, lastRunAt: due });
		expect(tick(due + 1000)).toBe(false);
	});

	it('keeps the schedule across a restart and marks a run cut short by it', () => {
		getDb()
			.$client.prepare("INSERT INTO crawl_run (trigger, status, started_at) VALUES ('manual', 'running', 1)")
			.run();
		const before = getSchedule();
		closeDb();
		expect(getSchedule()).toEqual(before);
		expect(markInterruptedRuns()).toBe(1);
		expect(recentRuns()[0].status).toBe('interrupted');
	});

	it('is off when the interval is cleared', () => {
		setSchedule(null);
		expect(getSchedule().everyHours).toBeNull();
		expect(tick(Date.now() + 365 * 86_400_000)).toBe(false);
	});
});
