// Issue 13: `npm start` as a newcomer runs it, in a state folder of its own. While it runs, a
// second `npm start` on the same folder and one on its port refuse and change nothing (the
// first instance's credential still reaches its own sandbox: an event runs the published
// webhook example); an n8n started on a port another n8n holds is not taken for ready. Each of
// SIGTERM, SIGINT and SIGHUP, sent to the npm process alone, stops npm, the script, n8n, the
// task runner and the sandbox and frees their ports. A restart with --reset says what it cleared.
// The owner password is random per state folder (0600 file, printed in the banner; --reset makes a
// new one), and a state folder whose owner still has the published password gets the random one.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { N8n, OWNER, waitFor } from '../../../scripts/lib/n8n.mjs';
import { PASSWORD_FILE, PUBLISHED_PASSWORD } from '../../../scripts/lib/owner.mjs';
import { ROOT } from '../../../scripts/lib/paths.mjs';
import { freePort, isRunning, onShutdown, portIsFree, processTree, run } from '../../../scripts/lib/proc.mjs';
import { finishedExecutions } from '../server.mjs';

const HOOK_EXAMPLE = JSON.parse(readFileSync(join(ROOT, 'examples', 'lead-events-webhook.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The npm starts of this step, stopped the normal way if the step fails half-way. */
const launched = [];

/**
 * `npm start -- <args>` in a process group of its own, as a terminal's job would be. Not through
 * spawnGroup, which kills a group once its leader exits: npm dies at once on SIGHUP, and the
 * script must then stop n8n by itself.
 */
function launch(args) {
	let output = '';
	const child = spawn(npm, ['start', '--', ...args], { cwd: ROOT, env: { ...process.env, SANDBOX_RATE_LIMIT: 'off' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	const collect = (chunk) => {
		output += chunk.toString('utf8');
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	launched.push({ child, exited });
	return {
		child,
		exited,
		output: () => output,
		async running() {
			await waitFor('npm start to print that n8n is running', () => / is running with /.test(output) || /npm start failed/.test(output) || child.exitCode !== null, {
				timeoutMs: 900_000,
				intervalMs: 1_000,
			});
			assert.match(output, / is running with /, `npm start did not start:\n${output.slice(-3000)}`);
			const field = (pattern) => Number(pattern.exec(output)?.[1]);
			return { port: field(/Editor:\s+http:\/\/127\.0\.0\.1:(\d+)\//), sandboxPort: field(/"Lofty Sandbox" -> http:\/\/127\.0\.0\.1:(\d+)/) };
		},
	};
}

/** The state folder's owner password: in a file only its user can read, printed in the banner. */
function ownerPassword(state, output) {
	const file = join(state, PASSWORD_FILE);
	assert.equal(statSync(file).mode & 0o777, 0o600, `${file} is readable by its user only`);
	const password = readFileSync(file, 'utf8').trim();
	assert.notEqual(password, PUBLISHED_PASSWORD);
	assert.ok(output.includes(`Login:       ${OWNER.email}  /  ${password}   (random for this state folder`), 'the banner prints the owner password');
	return password;
}

/** `npm start -- <args>` that must end by itself: resolves {code, output}. */
async function refused(args) {
	const { code, output } = await run(npm, ['start', '--', ...args], { cwd: ROOT, check: false, timeoutMs: 60_000 });
	return { code, output };
}

/** Sends `signal` to the npm process alone; resolves how long until nothing of it is left. */
async function stopWith(ctx, started, ports, signal) {
	const pids = processTree(started.child.pid);
	assert.ok(pids.length >= 4, `npm, the script, n8n and its task runner run (found ${pids.length}: ${pids.join(', ')})`);
	const since = Date.now();
	process.kill(started.child.pid, signal);
	await waitFor(`every process of npm start to end after ${signal}`, () => pids.every((pid) => !isRunning(pid)), { timeoutMs: 30_000, intervalMs: 100 });
	for (const port of ports) assert.ok(await portIsFree(port), `port ${port} is free after ${signal}`);
	const seconds = (Date.now() - since) / 1000;
	ctx.note(`${signal} to npm (pid ${started.child.pid}): ${pids.length} processes gone, ports ${ports.join(', ')} free in ${seconds.toFixed(1)} s`);
	return seconds;
}

/** Stops the npm starts still running the normal way (SIGTERM to npm, which passes it on). */
async function stopLaunched() {
	for (const { child, exited } of launched.splice(0)) {
		if (child.exitCode !== null || child.signalCode !== null) continue;
		process.kill(child.pid, 'SIGTERM');
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
	}
}

export async function startStep(ctx) {
	onShutdown(stopLaunched);
	try {
		await steps(ctx);
	} finally {
		await stopLaunched();
	}
}

async function steps(ctx) {
	const state = ctx.tempDir('start-state');
	const other = join(ctx.tempDir('start-other'), 'state');
	const first = launch([`--state=${state}`, `--port=${await freePort()}`]);
	const since = Date.now();
	const { port, sandboxPort } = await first.running();
	ctx.note(`npm start (fresh state folder, n8n already installed): running in ${((Date.now() - since) / 1000).toFixed(1)} s on port ${port}, sandbox on ${sandboxPort}`);
	assert.match(first.output(), /"Lofty: lead events by webhook → activity note" is published/, 'the printed block says the webhook example is published');
	assert.match(first.output(), /curl -X POST http:\/\/127\.0\.0\.1:\d+\/_sandbox\/events/, 'and how to send it an event');
	const password = ownerPassword(state, first.output());
	ctx.note(`the owner password is random for the state folder (${password.length} characters, file mode 0600) and printed in the banner`);

	// A second start on the same state folder (even with --reset) refuses and touches nothing.
	const logFile = join(state, 'n8n.log');
	const logHead = readFileSync(logFile, 'utf8').slice(0, 400);
	for (const args of [[`--state=${state}`], [`--state=${state}`, '--reset']]) {
		const second = await refused(args);
		assert.equal(second.code, 1, `a second npm start ${args.join(' ')} exits with 1:\n${second.output}`);
		assert.match(second.output, new RegExp(`already running on the state folder .*: pid \\d+, since .*, editor http://127\\.0\\.0\\.1:${port}/`));
		assert.match(second.output, /kill \d+/);
	}
	assert.equal(readFileSync(logFile, 'utf8').slice(0, 400), logHead, "the first instance's log was not rewritten");
	ctx.note('a second npm start on the same state folder (also with --reset) refused, naming pid, editor and how to stop it');

	// A start on the first one's port, in another state folder, refuses before creating it.
	const clash = await refused([`--state=${other}`, `--port=${port}`]);
	assert.equal(clash.code, 1, `npm start on a port in use exits with 1:\n${clash.output}`);
	assert.match(clash.output, new RegExp(`Port ${port} is already in use by pid \\d+ \\(.*n8n start\\)`));
	assert.ok(!existsSync(other), 'the other state folder was not created');
	ctx.note(`npm start -- --port=${port} (in use) refused: "${clash.output.match(/Port .*? in use by pid \d+/)[0]}"`);

	// The readiness check wants the n8n it started: one that cannot bind the port is not "ready".
	const n8nOnTakenPort = new N8n({ version: '2.41.1', userFolder: ctx.tempDir('start-clash'), port, logFile: join(ctx.artifacts, 'n8n-start-clash.log') });
	await n8nOnTakenPort.pickBrokerPort();
	await assert.rejects(n8nOnTakenPort.start({ timeoutMs: 120_000 }), new RegExp(`exited with 1 \\(port ${port} is held by pid \\d+`));
	ctx.note('an n8n started on a port another n8n answers on failed with "port held by pid" instead of passing for ready');

	// The first instance still works with its own sandbox: an event runs the published example.
	const n8n = new N8n({ version: '2.41.1', userFolder: join(state, 'n8n-user'), port });
	await assert.rejects(n8n.loginOwner(OWNER), (error) => error.status === 401, 'the published password does not open it');
	await n8n.loginOwner({ ...OWNER, password });
	const before = (await finishedExecutions(n8n, HOOK_EXAMPLE.id)).length;
	const events = `http://127.0.0.1:${sandboxPort}/_sandbox/events`;
	const post = async (body) => await (await fetch(events, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
	const answer = await post({ listId: 2, payload: { updatedLead: [{ leadId: 1000001 }] } });
	assert.equal(answer.subscribers, 1, `the published webhook example is subscribed: ${JSON.stringify(answer)}`);
	const execution = await waitFor('the webhook example to run', async () => (await finishedExecutions(n8n, HOOK_EXAMPLE.id))[before], { timeoutMs: 60_000 });
	assert.equal(execution.status, 'success', `the webhook example's execution ${execution.id} succeeded`);
	const unheard = await post({ listId: 9, payload: {} });
	assert.equal(unheard.subscribers, 0);
	assert.match(unheard.hint, /0 subscribers: .*Publish the workflow "Lofty: lead events by webhook/, 'an event nobody listens to says what to publish');
	ctx.note(`event to the sandbox: 1 subscriber, execution ${execution.id} succeeded; an event for list 9 answers "${unheard.hint.slice(0, 60)}…"`);

	// SIGTERM, then SIGINT and SIGHUP on restarts (the second one with --reset).
	const ports = [port, sandboxPort];
	await stopWith(ctx, first, ports, 'SIGTERM');
	assert.ok(!existsSync(join(state, 'start.lock')), 'the lock is released');

	const again = launch([`--state=${state}`, `--port=${port}`, '--reset']);
	const restarted = await again.running();
	assert.match(again.output(), /--reset: cleared .*:\n\s+removed n8n-user \(n8n user folder: the database with workflows, executions, credentials and the owner login; [\d.]+ [kM]B\)/, 'says what --reset cleared');
	ctx.note(`--reset printed: ${again.output().match(/--reset: cleared[^\n]*\n[^\n]+/)[0].replace(/\s+/g, ' ')}`);
	const afterReset = ownerPassword(state, again.output());
	assert.notEqual(afterReset, password, '--reset makes a new owner password');
	// A state folder from before the random password: no password file, the published one set.
	const legacy = new N8n({ version: '2.41.1', userFolder: join(state, 'n8n-user'), port: restarted.port });
	await legacy.loginOwner({ ...OWNER, password: afterReset });
	await legacy.rest('PATCH', '/me/password', { currentPassword: afterReset, newPassword: PUBLISHED_PASSWORD });
	rmSync(join(state, PASSWORD_FILE));
	await stopWith(ctx, again, [restarted.port, restarted.sandboxPort], 'SIGINT');

	const third = launch([`--state=${state}`, `--port=${port}`]);
	const last = await third.running();
	assert.doesNotMatch(third.output(), /--reset: cleared/, 'without --reset the state is kept');
	assert.match(third.output(), /owner had the published sandbox password; it now has this one/, 'says it changed the published password');
	const migrated = ownerPassword(state, third.output());
	const checked = new N8n({ version: '2.41.1', userFolder: join(state, 'n8n-user'), port: last.port });
	await assert.rejects(checked.loginOwner(OWNER), (error) => error.status === 401, 'the published password no longer opens it');
	await checked.loginOwner({ ...OWNER, password: migrated });
	ctx.note('a state folder whose owner had the published password: npm start changed it to a new random one');
	await stopWith(ctx, third, [last.port, last.sandboxPort], 'SIGHUP');
}
