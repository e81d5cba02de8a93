// One assertion for a message that must name several things (the cells, the sums, the digits): each part is
// checked on its own, so a failure still says which one is missing.
import { expect } from 'vitest';

export function expectMentions(text: string | null | undefined, ...parts: string[]): void {
	for (const part of parts) expect(text).toContain(part);
}
