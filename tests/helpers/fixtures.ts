import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');

/** Real published reports kept byte-exact in the repository (see tests/fixtures/real/README.md). */
export const REAL = resolve(root, 'tests/fixtures/real');

/** The national templates as documented in docs/templates (the 2021 blank form and its row listing). */
export const TEMPLATES = resolve(root, 'docs/templates');
