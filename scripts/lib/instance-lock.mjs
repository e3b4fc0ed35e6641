// One `npm start` per state folder: a lock file that names the process holding it.
//
// The file is created exclusively; it records the holder's pid and the kernel's start time of
// that pid, so a lock left by a process that died (or whose pid was reused since) is taken over,
// and a live one never is.

import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { processStartTime } from './proc.mjs';

export function readLock(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

/** The lock's record when the process that wrote it is still running, else undefined. */
export function liveHolder(file) {
	const record = readLock(file);
	if (!record || !Number.isInteger(record.pid)) return undefined;
	const started = processStartTime(record.pid);
	if (started === undefined || (record.startTime !== undefined && record.startTime !== started)) return undefined;
	return record;
}

/**
 * Takes the lock for this process, with `info` in its record. Returns
 * {lock: {record, update(info), release()}} or, when a live process holds it, {holder}.
 */
export function acquireLock(file, info = {}) {
	mkdirSync(dirname(file), { recursive: true });
	const record = { pid: process.pid, startTime: processStartTime(process.pid), since: new Date().toISOString(), ...info };
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`, { flag: 'wx' });
			return { lock: lockHandle(file, record) };
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
		}
		const holder = liveHolder(file);
		if (holder) return { holder };
		// Left behind by a process that is gone: take it over.
		rmSync(file, { force: true });
	}
	return { holder: readLock(file) ?? { pid: undefined } };
}

function lockHandle(file, record) {
	const ours = () => readLock(file)?.pid === process.pid;
	return {
		record,
		/** Adds to the record (e.g. the editor URL once n8n is up). */
		update(info) {
			if (!ours()) return;
			Object.assign(record, info);
			const temp = `${file}.${process.pid}`;
			writeFileSync(temp, `${JSON.stringify(record, null, 2)}\n`);
			renameSync(temp, file);
		},
		release() {
			if (ours()) rmSync(file, { force: true });
		},
	};
}
