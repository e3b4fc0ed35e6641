// Child processes that never outlive the script that started them.
//
// Long-running children (n8n) are spawned in their own process group, so that stopping one
// also stops what it spawned (n8n's task runner). Every group is remembered until it exits;
// on SIGINT, SIGTERM or an uncaught error the groups still alive get SIGTERM, then SIGKILL.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
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

/** True when nothing listens on 127.0.0.1:`port` (and we could bind it). */
export async function portIsFree(port) {
	return await new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

// Linux only (as the pinned n8n): who listens on a port, read from /proc.

/** TCP sockets of this network namespace: {port (local), listening, inode}. */
function tcpSockets() {
	const sockets = [];
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text = '';
		try {
			text = readFileSync(table, 'utf8');
		} catch {
			continue;
		}
		for (const row of text.split('\n').slice(1)) {
			const fields = row.trim().split(/\s+/);
			// local_address is HEXIP:HEXPORT; state 0A is LISTEN; field 9 is the inode.
			if (fields.length > 9) sockets.push({ port: parseInt(fields[1].split(':').pop(), 16), listening: fields[3] === '0A', inode: fields[9] });
		}
	}
	return sockets;
}

/** Inodes of the TCP sockets that listen on `port`. */
function listeningInodes(port) {
	return new Set(tcpSockets().filter((s) => s.listening && s.port === port).map((s) => s.inode));
}

/** Inodes of the TCP sockets whose own (local) port is `port`: a client's end of a connection. */
function clientInodes(port) {
	return new Set(tcpSockets().filter((s) => !s.listening && s.port === port).map((s) => s.inode));
}

/**
 * Which of `pids` holds the client end of a loopback connection whose client port is `port`
 * (a server learns it as the request's remote port); undefined when none does.
 */
export function connectionOwner(port, pids) {
	const inodes = clientInodes(port);
	if (!inodes.size) return undefined;
	return pids.find((pid) => [...socketInodes(pid)].some((inode) => inodes.has(inode)));
}

function socketInodes(pid) {
	const inodes = new Set();
	try {
		for (const fd of readdirSync(`/proc/${pid}/fd`)) {
			try {
				const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
				if (match) inodes.add(match[1]);
			} catch {
				// closed meanwhile
			}
		}
	} catch {
		// gone, or not ours to inspect
	}
	return inodes;
}

function allPids() {
	return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
}

/** Pids among `pids` (default: all this user may inspect) that hold a socket listening on `port`. */
export function portHolders(port, pids = undefined) {
	const listening = listeningInodes(port);
	if (!listening.size) return [];
	return (pids ?? allPids()).filter((pid) => [...socketInodes(pid)].some((inode) => listening.has(inode)));
}

/** True when process `pid` itself listens on `port`: the server answering there is that process. */
export function listensOn(pid, port) {
	return portHolders(port, [pid]).length > 0;
}

/** A process's command line, shortened, for messages ('' when unknown). */
export function commandLine(pid) {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ').slice(0, 160);
	} catch {
		return '';
	}
}

/** /proc/<pid>/stat after the command name (which may hold spaces): [state, ppid, ...]; undefined when gone. */
function statFields(pid) {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	} catch {
		return undefined;
	}
}

/** When the kernel started process `pid` (clock ticks since boot), to tell a reused pid apart. */
export function processStartTime(pid) {
	return statFields(pid)?.[19];
}

/** True while process `pid` runs (a zombie, exited but not yet reaped, does not count). */
export function isRunning(pid) {
	const state = statFields(pid)?.[0];
	return state !== undefined && state !== 'Z';
}

/** `pid` and every process descended from it that is still alive. */
export function processTree(pid) {
	const children = new Map();
	for (const candidate of allPids()) {
		const ppid = Number(statFields(candidate)?.[1]);
		if (!children.has(ppid)) children.set(ppid, []);
		children.get(ppid).push(candidate);
	}
	const tree = [];
	const queue = [pid];
	while (queue.length) {
		const next = queue.shift();
		if (isRunning(next)) tree.push(next);
		queue.push(...(children.get(next) ?? []));
	}
	return tree;
}

/**
 * Stops everything when the parent goes away. `npm start` runs this script under npm, which
 * dies on SIGHUP (and on SIGTERM when a shell stands between): without this watch the script,
 * n8n and its task runner would live on as orphans, still holding their ports.
 */
export function exitWithParent(intervalMs = 500) {
	const parent = process.ppid;
	setInterval(() => {
		if (process.ppid !== parent) void shutdown(`Parent process ${parent} is gone`, signalExitCodes.SIGHUP);
	}, intervalMs).unref();
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
