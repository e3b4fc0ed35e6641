// The owner login of an `npm start` instance. Its password is random per state folder and kept
// in a file of that folder only its user can read: a published password would open the editor,
// and with LOFTY_API_KEY the credential to a real Lofty account, to anyone who can reach the port.

import { randomInt } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { OWNER } from './n8n.mjs';

/** The file in the state folder that holds the owner password. */
export const PASSWORD_FILE = 'owner-password';

/** What npm start set up before the password was random; a state folder of then still has it. */
export const PUBLISHED_PASSWORD = 'Lofty-Sandbox-2024';

// No 0/O, 1/l/I: the password is read off a terminal and typed into the sign-in page.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const ALPHABET = UPPER + LOWER + DIGITS;
const GROUPS = 4;
const GROUP_LENGTH = 5;

const pick = (chars) => chars[randomInt(chars.length)];

/**
 * A new password: four dash-separated groups of five characters (about 114 random bits). The first
 * group starts with an uppercase letter and the second with a digit, as n8n requires both.
 */
export function newOwnerPassword() {
	const groups = [];
	for (let group = 0; group < GROUPS; group++) {
		const first = group === 0 ? pick(UPPER) : group === 1 ? pick(DIGITS) : pick(ALPHABET);
		let text = first;
		for (let i = 1; i < GROUP_LENGTH; i++) text += pick(ALPHABET);
		groups.push(text);
	}
	return groups.join('-');
}

/** Why n8n would refuse `password` for its owner (its rules in 2.x), or undefined. */
export function passwordProblem(password) {
	if (password.length < 8 || password.length > 64) return 'it must be 8 to 64 characters long';
	if (!/\d/.test(password)) return 'it must contain a number';
	if (!/[A-Z]/.test(password)) return 'it must contain an uppercase letter';
	if (password === PUBLISHED_PASSWORD) return 'it is the published sandbox password';
	return undefined;
}

/** A password file n8n would not take. */
export class PasswordFileError extends Error {}

/**
 * The state folder's owner login: {owner: {email, firstName, lastName, password}, file, created}.
 * The password is read from the folder's file, or made and written there (mode 0600) when there
 * is none; `created` says which. A file others can read is made private again.
 */
export function ownerLoginOf(stateDir) {
	const file = join(stateDir, PASSWORD_FILE);
	let text;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		if (error.code !== 'ENOENT') throw error;
	}
	if (text !== undefined) {
		const password = text.trim();
		const problem = passwordProblem(password);
		if (problem) throw new PasswordFileError(`the owner password in ${file} cannot be used: ${problem}. Put another one there, or delete the file to get a new random one.`);
		if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
		return { owner: { ...OWNER, password }, file, created: false };
	}
	const password = newOwnerPassword();
	// Written beside it and renamed: a crash leaves either no file or a whole one, never readable by others.
	const partial = `${file}.${process.pid}.partial`;
	rmSync(partial, { force: true });
	writeFileSync(partial, `${password}\n`, { mode: 0o600, flag: 'wx' });
	chmodSync(partial, 0o600);
	renameSync(partial, file);
	return { owner: { ...OWNER, password }, file, created: true };
}

/** A login n8n refused (HTTP 401). */
const refused = (error) => error?.status === 401;

/**
 * Sets up the owner (first start) or logs in as it. A state folder from before the random password
 * has no password file and an owner with the published password: that password is changed to the
 * new one. Resolves 'changed' then, else 'signed in'.
 */
export async function signInOwner(n8n, { owner, file, created }) {
	const mismatch = () =>
		new Error(
			`n8n refused the owner password in ${file} for ${owner.email} (was it changed in the editor?). Put the current password in that file, or start over with npm start -- --reset (which also drops the workflows and credentials).`,
		);
	try {
		await n8n.loginOwner(owner);
		return 'signed in';
	} catch (error) {
		if (!refused(error)) throw error;
		if (!created) throw mismatch();
	}
	try {
		await n8n.loginOwner({ ...owner, password: PUBLISHED_PASSWORD });
	} catch (error) {
		if (refused(error)) throw mismatch();
		throw error;
	}
	await n8n.rest('PATCH', '/me/password', { currentPassword: PUBLISHED_PASSWORD, newPassword: owner.password });
	await n8n.loginOwner(owner);
	return 'changed';
}
