// A fresh migrated database for each test of the calling suite: opened on first use, closed and removed after.
import { afterEach, beforeEach } from 'vitest';
import { useTempDatabase } from './temp-db';
import { closeDb } from '../../src/lib/server/db';

/** Registers the beforeEach/afterEach pair; `setUp` runs after the database is pointed at (e.g. to add users). */
export function freshDatabaseEachTest(prefix: string, setUp: () => void = () => {}): void {
	let tmp: ReturnType<typeof useTempDatabase>;
	beforeEach(() => {
		tmp = useTempDatabase(prefix);
		setUp();
	});
	afterEach(() => {
		closeDb();
		tmp.cleanup();
	});
}
