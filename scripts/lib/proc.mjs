// Child processes that never outlive the script that started them.
//
// Long-running children (n8n) are spawned in their own process group, so that stopping one
// also stops what it spawned (n8n's task runner). Every group is remembered until it exits;
// on SIGINT, SIGTERM or an uncaught error the groups still alive get SIGTERM, then SIGKILL.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

const groups = new Set();
const cleanups = [];
let shuttingDown = false;
const signalExitCodes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** Exit codes after a signal, e.g. {SIGINT: 0} for a Ctrl-C that is the normal way to stop. */
export function setSignalExitCodes(codes) {
	Object.assign(signalExitCodes, codes);
}

/** Runs `fn` (may be async) when the script is interrupted or fails; last registered runs first. */
export function onShutdown(fn) {
	cleanups.unshift(fn);
}

function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
		return true;
	} catch {
		try {
			process.kill(pid, signal);
			return true;
		} catch {
			return false;
		}
	}
}

function groupAlive(pid) {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Stops a process group: SIGTERM, then SIGKILL after `graceMs`. Resolves when the leader is gone. */
export async function stopGroup(child, graceMs = 15_000) {
	if (!child || child.pid === undefined) return;
	const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit').catch(() => undefined);
	killGroup(child.pid, 'SIGTERM');
	let timer;
	const timedOut = new Promise((resolve) => {
		timer = setTimeout(() => resolve('timeout'), graceMs);
	});
	const result = await Promise.race([exited, timedOut]);
	clearTimeout(timer);
	if (result === 'timeout') {
		killGroup(child.pid, 'SIGKILL');
		await exited;
	}
	// Grandchildren that ignored SIGTERM (or outlived the leader) go too.
	if (groupAlive(child.pid)) killGroup(child.pid, 'SIGKILL');
	groups.delete(child.pid);
}

/**
 * Spawns a long-running process in its own process group. Output goes to `onOutput(chunk)`.
 * Returns the ChildProcess; stop it with stopGroup().
 */
export function spawnGroup(command, args, { env, cwd, onOutput } = {}) {
	const child = spawn(command, args, { env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	groups.add(child.pid);
	child.on('exit', () => {
		// The leader is gone; its group may still hold children. Kill them unless asked to keep them.
		if (groupAlive(child.pid)) killGroup(child.pid, 'SIGKILL');
		groups.delete(child.pid);
	});
	if (onOutput) {
		child.stdout.on('data', onOutput);
		child.stderr.on('data', onOutput);
	}
	return child;
}

/**
 * Runs a command to completion (in its own group, so an interrupt stops it too).
 * Resolves {code, output}; rejects when `check` is set and the exit code is not 0.
 */
export function run(command, args, { env, cwd, check = true, echo = false, timeoutMs, label } = {}) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		const child = spawnGroup(command, args, {
			env,
			cwd,
			onOutput: (chunk) => {
				chunks.push(chunk);
				if (echo) process.stdout.write(chunk);
			},
		});
		let timer;
		if (timeoutMs) {
			timer = setTimeout(() => {
				chunks.push(Buffer.from(`\n[timed out after ${timeoutMs} ms]\n`));
				void stopGroup(child, 2_000);
			}, timeoutMs);
		}
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const output = Buffer.concat(chunks).toString('utf8');
			if (check && code !== 0) {
				const error = new Error(`${label ?? [command, ...args].join(' ')} exited with ${code ?? signal}\n${output.slice(-4000)}`);
				error.output = output;
				error.code = code;
				reject(error);
				return;
			}
			resolve({ code, signal, output });
		});
	});
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export async function freePort() {
	const server = createServer();
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address();
	server.close();
	await once(server, 'close');
	return port;
}

async function shutdown(reason, exitCode) {
	if (shuttingDown) return;
	shuttingDown = true;
	if (reason) process.stderr.write(`\n${reason}: stopping...\n`);
	for (const fn of cleanups) {
		try {
			await fn();
		} catch (error) {
			process.stderr.write(`cleanup failed: ${error?.message ?? error}\n`);
		}
	}
	for (const pid of groups) killGroup(pid, 'SIGKILL');
	process.exit(exitCode);
}

/** Stops everything this script started, then exits with `code`. */
export function exitAfterCleanup(code) {
	return shutdown(undefined, code);
}

process.on('SIGINT', () => void shutdown('Interrupted (SIGINT)', signalExitCodes.SIGINT));
process.on('SIGTERM', () => void shutdown('Terminated (SIGTERM)', signalExitCodes.SIGTERM));
process.on('SIGHUP', () => void shutdown('Hang-up (SIGHUP)', signalExitCodes.SIGHUP));
process.on('exit', () => {
	// Last resort (process.exit elsewhere): nothing may survive us.
	for (const pid of groups) killGroup(pid, 'SIGKILL');
});
