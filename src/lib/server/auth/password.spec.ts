import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('password hashing', () => {
	it('hashes with argon2id, salted, and verifies', async () => {
		const a = await hashPassword('correct horse battery');
		const b = await hashPassword('correct horse battery');
		expect(a.startsWith('$argon2id$')).toBe(true);
		expect(a).not.toBe(b);
		expect(await verifyPassword(a, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(a, 'correct horse batterY')).toBe(false);
	});
	it('treats a malformed hash as a failed check, not a crash', async () => {
		expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
	});
	it('rejects short passwords with a Chinese reason', () => {
		expect(passwordProblem('short')).toMatch(/至少/);
		expect(passwordProblem('long-enough')).toBeNull();
	});
});
