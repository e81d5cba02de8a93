// Seeds the e2e database through the same function `npm run demo` uses.
import { seedDemo } from '../../src/lib/server/demo/seed';
import { closeDb } from '../../src/lib/server/db';

await seedDemo({ small: true });
closeDb();
