// What `npm run demo` loads: the demo accounts, then demo reports (a generated district once the generator
// and import land; the real sample until then).
import { seedAccounts, ensureDemoOrgan } from './demo';

export async function seedDemo(opts: { log?: (m: string) => void } = {}): Promise<void> {
	await seedAccounts();
	ensureDemoOrgan();
	opts.log?.('demo accounts ready');
}
