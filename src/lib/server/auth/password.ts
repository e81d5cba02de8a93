import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's minimum parameters: 19 MiB, 2 passes.
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** Rules for a new password: long enough to resist guessing, short enough for argon2 to stay cheap. */
export function passwordProblem(password: string): string | null {
	if (password.length < 8) return '密码至少 8 个字符';
	if (password.length > 128) return '密码不能超过 128 个字符';
	return null;
}

let dummy: Promise<string> | undefined;
/** A real hash to verify against when the user does not exist, so timing does not reveal which names exist. */
export function dummyHash(): Promise<string> {
	dummy ??= hashPassword('not-a-real-password-' + Math.random());
	return dummy;
}
