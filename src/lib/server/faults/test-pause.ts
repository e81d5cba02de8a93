// Fault injection for the crash tests only: with DW_TEST_<POINT>_PAUSE_MS set, a write transaction announces
// itself on stderr (DW_TEST_<POINT>_PAUSE) and then holds still that long before it commits, so a test can
// SIGKILL the process while the transaction is open. Unset (as everywhere but those tests), it does nothing.

export type PausePoint = 'IMPORT' | 'CORRECTION';

export function testPause(point: PausePoint): void {
	const ms = Number(process.env[`DW_TEST_${point}_PAUSE_MS`]);
	if (!(ms > 0)) return;
	process.stderr.write(`DW_TEST_${point}_PAUSE\n`);
	// Blocks this thread as a long synchronous write would: nothing else can commit meanwhile.
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
