// Folders the scripts use, all computed from this file's place in the repository.

import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The repository root (scripts/lib/../..). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Everything the scripts install or generate lives under here (git-ignored). */
export const CACHE = join(ROOT, '.cache');

/** Screenshots and logs the e2e suite leaves for people to look at (git-ignored). */
export const ARTIFACTS = join(ROOT, 'test-artifacts');

export const EXAMPLES = join(ROOT, 'examples');
