import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The team's shelf (real reports, templates), beside the repository: ../shared, or SHARED_DIR. */
export const SHARED = process.env.SHARED_DIR ?? resolve(fileURLToPath(import.meta.url), '../../../../shared');
