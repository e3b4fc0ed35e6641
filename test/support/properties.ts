/**
 * fast-check settings for the property suites: a fixed seed in CI (CI is set), a random one
 * locally so runs explore new cases, FC_SEED to replay one. The seed is printed either way.
 */
import fc from 'fast-check';

import { process } from './node';

/** The seed CI runs, so a CI failure is the same failure on every run. */
const CI_SEED = 15_2026;

export function usePropertySeed(suite: string): number {
	const seed =
		process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : process.env.CI ? CI_SEED : Math.floor(Math.random() * 2 ** 31);
	fc.configureGlobal({ seed });
	process.stdout.write(`${suite}: fast-check seed ${seed} (replay with FC_SEED=${seed})\n`);
	return seed;
}

/** Characters that stress the checks: separators, quotes, brackets, escapes, spaces, multibyte. */
export const HOSTILE_CHARS = ['a', '0', '9', '@', '.', '/', '\\', '"', "'", '<', '>', '&', ';', '#', '[', ']', '{', '}', ':', ',', '-', '=', '!', '?', ' ', '\t', '\n', 'é', '日', '😀'];

/** A short pattern that, repeated, makes adversarial input of any size. */
export const hostileUnit = fc.array(fc.constantFrom(...HOSTILE_CHARS), { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));

/** `unit` repeated to `size` characters (the last repetition cut). */
export function repeatTo(unit: string, size: number): string {
	return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}
