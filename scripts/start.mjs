// `npm start`: builds the package and runs it in a pinned, real n8n beside a Lofty sandbox.
//
//   npm start [-- --reset] [-- --port=5678] [-- --state=<folder>]
//
// 0. Checks the options, then that no other `npm start` runs on the same state folder (a lock
//    file names its pid) and that the port is free; otherwise it says why and changes nothing.
// 1. Builds and packs the package, and installs the tarball into the sandbox n8n's user folder
//    as a community package (as `npm install n8n-nodes-lofty` in ~/.n8n/nodes would).
// 2. Installs n8n 2.41.1 and its Node.js 24 into .cache/ on first use (nothing global).
// 3. Starts the Lofty sandbox (the fake Lofty server with demo data and its rate limit on),
//    unless LOFTY_API_KEY is set: then the credential points at https://api.lofty.com.
// 4. Imports the example workflows of examples/, starts n8n and waits until the n8n answering
//    is the process it started; only then writes the "Lofty Sandbox" credential (into this
//    state folder's n8n), sets up the owner account and publishes the webhook example. The
//    owner's password is random per state folder, kept in its owner-password file (mode 0600).
// Ctrl-C, SIGTERM or SIGHUP (also to npm) stops n8n, its task runner and the sandbox. State
// (workflows, executions) is kept in the state folder (.cache/start) between runs; --reset
// starts from scratch.

import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { DEFAULT_HOST, ensureHost } from './n8n-host.mjs';
import { acquireLock, liveHolder } from './lib/instance-lock.mjs';
import { N8n, waitFor } from './lib/n8n.mjs';
import { PASSWORD_FILE, PasswordFileError, ownerLoginOf, signInOwner } from './lib/owner.mjs';
import { PACKAGE, buildPackage, installTarball, packPackage } from './lib/package.mjs';
import { CACHE, EXAMPLES } from './lib/paths.mjs';
import { commandLine, exitAfterCleanup, exitWithParent, freePort, onShutdown, portHolders, portIsFree, setSignalExitCodes } from './lib/proc.mjs';
import { CONTROL_ROUTES, SANDBOX_OAUTH_APP, describeSeed, oauthCredentialData, parseRateLimit, startSandbox } from './sandbox.mjs';

const DEFAULT_STATE = join(CACHE, 'start');
const DEFAULT_PORT = 5678;
const LOFTY_API = 'https://api.lofty.com';

/** The credential the examples use (by id); its target changes with LOFTY_API_KEY. */
const CREDENTIAL_ID = 'loftySandboxKey';
/** The OAuth2 credential, connected to the sandbox's OAuth server by "Connect my account". */
const OAUTH_CREDENTIAL = { id: 'loftySandboxOAuth', name: 'Lofty Sandbox (OAuth2)' };
/** The example whose Lofty Trigger `npm start` publishes, so sandbox events run it. */
const HOOK_EXAMPLE = 'lead-events-webhook.json';
const HOOK_LIST = 2;

const OPTIONS = [
	['--port=<1-65535>', `the editor's port (default ${DEFAULT_PORT}, or a free one when ${DEFAULT_PORT} is taken)`],
	['--state=<folder>', 'the state folder: workflows, executions, log (default .cache/start); another folder runs a second instance'],
	['--reset', 'clear the state folder first'],
	['--help', 'this list'],
];

const say = (line = '') => process.stdout.write(`${line}\n`);
// npm runs scripts from the package folder; paths the user typed are relative to where they were.
const userCwd = process.env.INIT_CWD ?? process.cwd();
const rel = (path) => {
	const shown = relative(userCwd, path) || '.';
	return shown.startsWith('..') ? path : shown;
};

class UsageError extends Error {}

function usage() {
	return ['Usage: npm start [-- <options>]   (LOFTY_API_KEY=<key> to use the real Lofty API)', ...OPTIONS.map(([o, what]) => `  ${o.padEnd(18)} ${what}`)].join('\n');
}

/** The options, checked before anything is touched. */
function parseArgs(argv) {
	const args = { reset: false, port: undefined, state: DEFAULT_STATE, help: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		const value = () => {
			const given = inline ?? argv[++i];
			if (given === undefined || given === '') throw new UsageError(`${name} needs a value`);
			return given;
		};
		if (name === '--reset' && inline === undefined) args.reset = true;
		else if (name === '--help' || name === '-h') args.help = true;
		else if (name === '--port') {
			const text = value();
			const port = Number(text);
			if (!/^\d+$/.test(text) || port < 1 || port > 65535) throw new UsageError(`--port must be a whole number from 1 to 65535 (got "${text}")`);
			args.port = port;
		} else if (name === '--state') args.state = resolve(userCwd, value());
		else throw new UsageError(`unknown option "${arg}"`);
	}
	return args;
}

function statePaths(dir) {
	return {
		dir,
		lock: join(dir, 'start.lock'),
		userFolder: join(dir, 'n8n-user'),
		stateFile: join(dir, 'state.json'),
		logFile: join(dir, 'n8n.log'),
		pack: join(dir, 'pack'),
		shadow: join(dir, 'node_modules'),
	};
}

function readState(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return { examples: {} };
	}
}

/** Example workflows whose file is new or changed since it was last imported. */
function examplesToImport(state) {
	const due = [];
	for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort()) {
		const text = readFileSync(join(EXAMPLES, file), 'utf8');
		const hash = createHash('sha256').update(text).digest('hex');
		if (state.examples[file] !== hash) due.push({ file, hash, workflow: JSON.parse(text) });
	}
	return due;
}

function example(file) {
	return JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8'));
}

function sizeOf(path) {
	const stat = lstatSync(path, { throwIfNoEntry: false });
	if (!stat || stat.isSymbolicLink()) return 0;
	if (!stat.isDirectory()) return stat.size;
	let total = 0;
	for (const name of readdirSync(path)) total += sizeOf(join(path, name));
	return total;
}

const size = (bytes) => (bytes < 1e6 ? `${Math.ceil(bytes / 1e3)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);

/** What --reset removes, in words. */
const RESET_PARTS = [
	['n8n-user', 'n8n user folder: the database with workflows, executions, credentials and the owner login'],
	['n8n.log', "n8n's log"],
	['state.json', 'the record of imported examples'],
	[PASSWORD_FILE, 'the owner password; a new random one is made'],
	['pack', 'the packed tarball'],
	['node_modules', 'the link to the host n8n\'s modules'],
];

/** Empties the state folder (all but the lock) and says what was there. */
function reset(paths) {
	const lines = [];
	for (const name of existsSync(paths.dir) ? readdirSync(paths.dir).sort() : []) {
		const path = join(paths.dir, name);
		if (path === paths.lock) continue;
		const known = RESET_PARTS.find(([part]) => part === name)?.[1] ?? 'left over';
		lines.push(`  removed ${name} (${known}; ${size(sizeOf(path))})`);
		rmSync(path, { recursive: true, force: true });
	}
	say(lines.length ? `--reset: cleared ${rel(paths.dir)}:\n${lines.join('\n')}` : `--reset: ${rel(paths.dir)} held nothing to clear`);
}

function alreadyRunning(paths, holder) {
	const where = holder.editor ? `editor ${holder.editor}` : 'still starting';
	return [
		`npm start is already running on the state folder ${rel(paths.dir)}: pid ${holder.pid}, since ${holder.since}, ${where}.`,
		holder.sandbox ? `  Lofty sandbox: ${holder.sandbox}` : undefined,
		`  Owner login: its password is in ${rel(join(paths.dir, PASSWORD_FILE))}`,
		`  Stop it with Ctrl-C in its terminal, or: kill ${holder.pid}`,
		'  A second instance on purpose: npm start -- --state=<another folder>',
		'Nothing was started or changed.',
	]
		.filter(Boolean)
		.join('\n');
}

function portTaken(port) {
	const holders = portHolders(port);
	const by = holders.length ? ` by ${holders.map((pid) => `pid ${pid} (${commandLine(pid)})`).join(', ')}` : '';
	return `Port ${port} is already in use${by}. Stop what uses it, or pick another port: npm start -- --port=<1-65535>. Nothing was started or changed.`;
}

/** Exits with a message and code, touching nothing (no cleanup is registered yet). */
function refuse(message, code = 1) {
	process.stderr.write(`${message}\n`);
	process.exit(code);
}

/** Publishes the webhook example so that sandbox events run it; resolves the subscription. */
async function publishHookExample(n8n, sandbox) {
	const id = example(HOOK_EXAMPLE).id;
	const workflow = await n8n.rest('GET', `/workflows/${id}`);
	// Published in an earlier run: its subscription was in that run's sandbox. Publishing it
	// again subscribes it in this one.
	if (workflow.active) {
		await n8n.deactivate(id);
		await n8n.settled(id);
	}
	await n8n.activate(id);
	await n8n.settled(id);
	const mine = () => sandbox.lib.webhooksOf(sandbox.fake.data).list().filter((s) => s.listId === HOOK_LIST && s.callbackUrl.startsWith(`${n8n.baseUrl}/`));
	return await waitFor('the webhook example to subscribe in the sandbox', () => mine().length > 0 && mine()[0], { timeoutMs: 60_000 });
}

async function main() {
	let args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		refuse(`npm start: ${error.message}\n${usage()}`, 2);
	}
	if (args.help) {
		say(usage());
		process.exit(0);
	}
	const paths = statePaths(args.state);

	// Before anything is touched: one instance per state folder, and a free port.
	const running = liveHolder(paths.lock);
	if (running) refuse(alreadyRunning(paths, running));
	if (args.port !== undefined && !(await portIsFree(args.port))) refuse(portTaken(args.port));
	const { lock, holder } = acquireLock(paths.lock, { state: paths.dir });
	if (!lock) refuse(alreadyRunning(paths, holder));
	onShutdown(() => lock.release());
	process.on('exit', () => lock.release());
	setSignalExitCodes({ SIGINT: 0, SIGTERM: 0 });
	exitWithParent();

	const realKey = process.env.LOFTY_API_KEY?.trim();
	if (args.reset) reset(paths);
	mkdirSync(paths.userFolder, { recursive: true });
	let login;
	try {
		login = ownerLoginOf(paths.dir);
	} catch (error) {
		if (!(error instanceof PasswordFileError)) throw error;
		refuse(`npm start: ${error.message}\nNothing was started.`);
	}

	say(`Building ${PACKAGE.name} ${PACKAGE.version}...`);
	await buildPackage();
	const pack = await packPackage(paths.pack);
	await installTarball(pack.tarball, paths.userFolder);

	const host = await ensureHost(DEFAULT_HOST, { log: say });
	// n8n installs community packages without their peer dependencies, so `n8n-workflow` (and
	// luxon, ...) resolve to n8n's own copies. A user folder inside this repository would find
	// the repository's node_modules first: point the nearest node_modules at n8n's instead.
	const target = join(host.dir, 'node_modules');
	if (!existsSync(paths.shadow) || realpathSync(paths.shadow) !== realpathSync(target)) {
		rmSync(paths.shadow, { recursive: true, force: true });
		symlinkSync(relative(paths.dir, target), paths.shadow, 'dir');
	}

	const hookName = example(HOOK_EXAMPLE).name;
	let sandbox;
	if (!realKey) {
		sandbox = await startSandbox({ rateLimit: parseRateLimit(process.env.SANDBOX_RATE_LIMIT), log: (line) => say(`[sandbox] ${line}`), hookWorkflowName: hookName });
		onShutdown(() => sandbox.stop());
	}

	let port = args.port;
	if (port === undefined) port = (await portIsFree(DEFAULT_PORT)) ? DEFAULT_PORT : await freePort();
	const n8n = new N8n({
		version: DEFAULT_HOST,
		userFolder: paths.userFolder,
		port,
		logFile: paths.logFile,
		// A tunnel's public https address, for the Lofty Trigger against the real Lofty API.
		env: process.env.WEBHOOK_URL ? { WEBHOOK_URL: process.env.WEBHOOK_URL } : {},
	});
	await n8n.pickBrokerPort();
	onShutdown(() => n8n.stop());

	const state = readState(paths.stateFile);
	const due = examplesToImport(state);
	if (due.length) {
		await n8n.importWorkflows(due.map((e) => e.workflow));
		for (const entry of due) state.examples[entry.file] = entry.hash;
		writeFileSync(paths.stateFile, `${JSON.stringify(state, null, 2)}\n`);
	}

	const nodeVersion = JSON.parse(readFileSync(join(host.nodeDir, 'package.json'), 'utf8')).version;
	say(`Starting n8n ${DEFAULT_HOST} on Node.js ${nodeVersion} (port ${port})...`);
	// Warnings and errors of n8n go to the console too; everything goes to the log file.
	// (Not the ones about n8n's own online services, which fail without internet access.)
	n8n.log.listeners.add((raw) => {
		const line = raw.replace(/\u001b\[[0-9;]*m/g, '');
		if (/^\S+\s+(warn|error)\s/.test(line) && !/n8n\.io|Strapi|system task run failed|Legacy aes-256-cbc/.test(line)) say(`[n8n] ${line.slice(0, 300)}`);
	});
	await n8n.start();
	const child = n8n.server;
	child.once('exit', (code, signal) => {
		if (n8n.server !== child) return; // stopped by us (Ctrl-C)
		say(`\nn8n stopped unexpectedly (${code ?? signal}); see ${rel(paths.logFile)}`);
		void exitAfterCleanup(1);
	});

	// Only now, with this n8n and its sandbox up, does the credential point at the sandbox.
	const credential = realKey
		? { id: CREDENTIAL_ID, name: 'Lofty', type: 'loftyApi', data: { apiKey: realKey, vendorSecretKey: process.env.LOFTY_VENDOR_KEY ?? '', baseUrl: LOFTY_API } }
		: { id: CREDENTIAL_ID, name: 'Lofty Sandbox', type: 'loftyApi', data: { apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl } };
	const oauth = sandbox && { ...OAUTH_CREDENTIAL, type: 'loftyOAuth2Api', data: oauthCredentialData(sandbox.baseUrl, SANDBOX_OAUTH_APP) };
	await n8n.importCredentials(oauth ? [credential, oauth] : [credential]);
	const signedIn = await signInOwner(n8n, login);
	if (sandbox) await publishHookExample(n8n, sandbox);
	lock.update({ editor: `${n8n.baseUrl}/`, port, sandbox: sandbox?.baseUrl, log: paths.logFile });

	const lines = [
		'',
		`n8n ${DEFAULT_HOST} is running with ${PACKAGE.name} ${PACKAGE.version} (installed from the packed tarball).`,
		`  Editor:      ${n8n.baseUrl}/`,
		`  Login:       ${login.owner.email}  /  ${login.owner.password}   (random for this state folder, kept in ${rel(login.file)})`,
	];
	if (signedIn === 'changed') lines.push("               This state folder's owner had the published sandbox password; it now has this one.");
	if (realKey) {
		lines.push(`  Credential:  "Lofty" -> ${LOFTY_API} (API key from LOFTY_API_KEY)`);
		lines.push('  Lofty only calls HTTPS webhooks reachable from the internet: set WEBHOOK_URL to a tunnel for the Lofty Trigger,');
		lines.push(`  then publish "${hookName}" in the editor.`);
	} else {
		const limit = sandbox.fake.rateLimit;
		lines.push(`  Credential:  "Lofty Sandbox" -> ${sandbox.baseUrl} (API key ${sandbox.apiKey})`);
		lines.push(`               "${OAUTH_CREDENTIAL.name}" -> the sandbox's OAuth server: open it under Credentials, click`);
		lines.push('               Connect and Allow on the sandbox\'s consent page (POST /_sandbox/oauth/expire tries a refresh)');
		lines.push(`  Sandbox:     rate limit ${limit.limit} requests per ${limit.windowMs / 1000} s (SANDBOX_RATE_LIMIT=5/1s or off to change it)`);
		lines.push(describeSeed(sandbox.seeded).replace('  seeded:', '               seeded:'));
		lines.push('               sandbox-only routes (no authentication):');
		for (const route of CONTROL_ROUTES) lines.push(`                 ${route}`);
		lines.push(
			`  Webhook:     "${hookName}" is published (its Lofty Trigger subscribed to list ${HOOK_LIST} in the sandbox).`,
			'               Play Lofty reporting a lead change; the workflow runs and adds a note (see Executions in the editor):',
			`                 curl -X POST ${sandbox.baseUrl}/_sandbox/events -H 'content-type: application/json' -d '{"listId":${HOOK_LIST},"payload":{"updatedLead":[{"leadId":1000001}]}}'`,
			'               The answer counts the subscribers; 0 means no published workflow listens (unpublishing it in the editor does that).',
		);
	}
	const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();
	lines.push(`  Examples:    ${examples.map((f) => example(f).name).join('; ')}`);
	lines.push(`  n8n log:     ${rel(paths.logFile)}     state: ${rel(paths.dir)} (npm start -- --reset to start over)`);
	lines.push(`${realKey ? 'Ctrl-C stops n8n' : 'Ctrl-C stops n8n and the sandbox'} (so do SIGTERM and SIGHUP, or closing the terminal).`);
	say(lines.join('\n'));
	await new Promise(() => undefined);
}

main().catch((error) => {
	process.stderr.write(`\nnpm start failed: ${error.message}\n`);
	void exitAfterCleanup(1);
});
