// `npm start`: builds the package and runs it in a pinned, real n8n beside a Lofty sandbox.
//
//   npm start [-- --reset] [-- --port=5678]
//
// 1. Builds and packs the package, and installs the tarball into the sandbox n8n's user folder
//    as a community package (as `npm install n8n-nodes-lofty` in ~/.n8n/nodes would).
// 2. Installs n8n 2.41.1 and its Node.js 24 into .cache/ on first use (nothing global).
// 3. Starts the Lofty sandbox (the fake Lofty server with demo data and its rate limit on),
//    unless LOFTY_API_KEY is set: then the credential points at https://api.lofty.com.
// 4. Imports the "Lofty Sandbox" credential and the example workflows of examples/.
// 5. Starts n8n, sets up the owner account, prints the editor URL and the login.
// Ctrl-C stops n8n and the sandbox. State (workflows, executions) is kept in
// .cache/start/n8n-user between runs; --reset starts from scratch.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';

import { DEFAULT_HOST, ensureHost } from './n8n-host.mjs';
import { N8n, OWNER } from './lib/n8n.mjs';
import { PACKAGE, buildPackage, installTarball, packPackage } from './lib/package.mjs';
import { CACHE, EXAMPLES } from './lib/paths.mjs';
import { exitAfterCleanup, freePort, onShutdown, setSignalExitCodes } from './lib/proc.mjs';
import { CONTROL_ROUTES, describeSeed, parseRateLimit, startSandbox } from './sandbox.mjs';

const STATE_DIR = join(CACHE, 'start');
const USER_FOLDER = join(STATE_DIR, 'n8n-user');
const STATE_FILE = join(STATE_DIR, 'state.json');
const LOG_FILE = join(STATE_DIR, 'n8n.log');
const LOFTY_API = 'https://api.lofty.com';

/** The credential the examples use (by id); its target changes with LOFTY_API_KEY. */
const CREDENTIAL_ID = 'loftySandboxKey';

const say = (line = '') => process.stdout.write(`${line}\n`);
const rel = (path) => relative(process.cwd(), path) || '.';

function parseArgs(argv) {
	const args = { reset: false, port: undefined };
	for (const arg of argv) {
		if (arg === '--reset') args.reset = true;
		else if (arg.startsWith('--port=')) args.port = Number(arg.slice('--port='.length));
		else if (arg === '--help' || arg === '-h') {
			say('npm start [-- --reset] [-- --port=<n8n port>]   (LOFTY_API_KEY=<key> to use the real Lofty API)');
			process.exit(0);
		} else throw new Error(`unknown argument ${arg} (try --help)`);
	}
	return args;
}

async function portIsFree(port) {
	return await new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

function readState() {
	try {
		return JSON.parse(readFileSync(STATE_FILE, 'utf8'));
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

async function main() {
	const args = parseArgs(process.argv.slice(2));
	setSignalExitCodes({ SIGINT: 0, SIGTERM: 0 });
	const realKey = process.env.LOFTY_API_KEY?.trim();
	if (args.reset) rmSync(STATE_DIR, { recursive: true, force: true });
	mkdirSync(USER_FOLDER, { recursive: true });

	say(`Building ${PACKAGE.name} ${PACKAGE.version}...`);
	await buildPackage();
	const pack = await packPackage(join(STATE_DIR, 'pack'));
	await installTarball(pack.tarball, USER_FOLDER);

	const host = await ensureHost(DEFAULT_HOST, { log: say });
	// n8n installs community packages without their peer dependencies, so `n8n-workflow` (and
	// luxon, ...) resolve to n8n's own copies. The user folder sits inside this repository,
	// whose node_modules would be found first: point the nearest node_modules at n8n's instead.
	const shadow = join(STATE_DIR, 'node_modules');
	const target = join(host.dir, 'node_modules');
	if (!existsSync(shadow) || realpathSync(shadow) !== realpathSync(target)) {
		rmSync(shadow, { recursive: true, force: true });
		symlinkSync(relative(STATE_DIR, target), shadow, 'dir');
	}

	let sandbox;
	if (!realKey) {
		sandbox = await startSandbox({ rateLimit: parseRateLimit(process.env.SANDBOX_RATE_LIMIT), log: (line) => say(`[sandbox] ${line}`) });
		onShutdown(() => sandbox.stop());
	}

	const port = args.port ?? ((await portIsFree(5678)) ? 5678 : await freePort());
	const n8n = new N8n({
		version: DEFAULT_HOST,
		userFolder: USER_FOLDER,
		port,
		logFile: LOG_FILE,
		// A tunnel's public https address, for the Lofty Trigger against the real Lofty API.
		env: process.env.WEBHOOK_URL ? { WEBHOOK_URL: process.env.WEBHOOK_URL } : {},
	});
	await n8n.pickBrokerPort();
	onShutdown(() => n8n.stop());

	const credential = realKey
		? { id: CREDENTIAL_ID, name: 'Lofty', type: 'loftyApi', data: { apiKey: realKey, vendorSecretKey: process.env.LOFTY_VENDOR_KEY ?? '', baseUrl: LOFTY_API } }
		: { id: CREDENTIAL_ID, name: 'Lofty Sandbox', type: 'loftyApi', data: { apiKey: sandbox.apiKey, baseUrl: sandbox.baseUrl } };
	await n8n.importCredentials([credential]);

	const state = readState();
	const due = examplesToImport(state);
	if (due.length) {
		await n8n.importWorkflows(due.map((e) => e.workflow));
		for (const example of due) state.examples[example.file] = example.hash;
		writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
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
	await n8n.loginOwner();
	const child = n8n.server;
	child.once('exit', (code, signal) => {
		if (n8n.server !== child) return; // stopped by us (Ctrl-C)
		say(`\nn8n stopped unexpectedly (${code ?? signal}); see ${rel(LOG_FILE)}`);
		void exitAfterCleanup(1);
	});

	const lines = [
		'',
		`n8n ${DEFAULT_HOST} is running with ${PACKAGE.name} ${PACKAGE.version} (installed from the packed tarball).`,
		`  Editor:      ${n8n.baseUrl}/`,
		`  Login:       ${OWNER.email}  /  ${OWNER.password}`,
	];
	if (realKey) {
		lines.push(`  Credential:  "Lofty" -> ${LOFTY_API} (API key from LOFTY_API_KEY)`);
		lines.push('  Lofty only calls HTTPS webhooks reachable from the internet: set WEBHOOK_URL to a tunnel for the Lofty Trigger.');
	} else {
		const limit = sandbox.fake.rateLimit;
		lines.push(`  Credential:  "Lofty Sandbox" -> ${sandbox.baseUrl} (API key ${sandbox.apiKey})`);
		lines.push(`  Sandbox:     rate limit ${limit.limit} requests per ${limit.windowMs / 1000} s (SANDBOX_RATE_LIMIT=5/1s or off to change it)`);
		lines.push(describeSeed(sandbox.seeded).replace('  seeded:', '               seeded:'));
		lines.push('               sandbox-only routes (no authentication):');
		for (const route of CONTROL_ROUTES) lines.push(`                 ${route}`);
		lines.push(
			`               e.g. play Lofty reporting a lead change to active Lofty Triggers:`,
			`                 curl -X POST ${sandbox.baseUrl}/_sandbox/events -H 'content-type: application/json' -d '{"listId":2,"payload":{"updatedLead":[{"leadId":1000001}]}}'`,
		);
	}
	const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();
	lines.push(`  Examples:    ${examples.map((f) => JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')).name).join('; ')}`);
	lines.push(`  n8n log:     ${rel(LOG_FILE)}     state: ${rel(USER_FOLDER)} (npm start -- --reset to start over)`);
	lines.push(realKey ? 'Ctrl-C stops n8n.' : 'Ctrl-C stops n8n and the sandbox.');
	say(lines.join('\n'));
	await new Promise(() => undefined);
}

main().catch((error) => {
	process.stderr.write(`\nnpm start failed: ${error.message}\n`);
	void exitAfterCleanup(1);
});
