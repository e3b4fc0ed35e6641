// One n8n instance of a pinned host (scripts/n8n-host.mjs): its environment, CLI commands,
// the server (`n8n start`) and the REST calls the scripts need.

import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

import { hostPaths } from '../n8n-host.mjs';
import { commandLine, freePort, listensOn, portHolders, run, spawnGroup, stopGroup } from './proc.mjs';

/**
 * The owner of an instance. Its fixed password serves the suites' throwaway instances; npm start
 * sets a random one per state folder (owner.mjs).
 */
export const OWNER = {
	email: 'owner@lofty-sandbox.example.com',
	firstName: 'Sandbox',
	lastName: 'Owner',
	password: 'Lofty-Sandbox-2024',
};

const TAIL_LINES = 400;
/** Debug lines that say nothing about a failure. */
const NOISE = /IsolatedVmBridge|Skipped browserId check|Heartbeat updated|Querying database for waiting executions|Received message from editor-UI/;

/** Keeps the last lines of a stream in memory and all of it in a file. */
class LogSink {
	constructor(file) {
		this.file = file;
		this.lines = [];
		this.partial = '';
		this.listeners = new Set();
		if (file) {
			mkdirSync(dirname(file), { recursive: true });
			writeFileSync(file, '');
		}
	}

	write(chunk) {
		const text = chunk.toString('utf8');
		if (this.file) appendFileSync(this.file, text);
		const parts = (this.partial + text).split('\n');
		this.partial = parts.pop();
		for (const line of parts) {
			this.lines.push(line);
			for (const listener of this.listeners) listener(line);
		}
		if (this.lines.length > TAIL_LINES * 4) this.lines.splice(0, this.lines.length - TAIL_LINES * 2);
	}

	note(line) {
		this.write(Buffer.from(`---- ${line}\n`));
	}

	/** The last `n` lines, without n8n's chattiest debug lines. */
	tail(n = 60) {
		return [...this.lines, this.partial]
			.filter((line) => line && !NOISE.test(line))
			.slice(-n)
			.map(stripAnsi)
			.join('\n');
	}

	/** Resolves with the first line (from now on) matching `pattern`. */
	waitFor(pattern, timeoutMs) {
		return new Promise((resolve, reject) => {
			const listener = (line) => {
				if (pattern.test(line)) {
					this.listeners.delete(listener);
					clearTimeout(timer);
					resolve(line);
				}
			};
			const timer = setTimeout(() => {
				this.listeners.delete(listener);
				reject(new Error(`no log line matching ${pattern} within ${timeoutMs} ms`));
			}, timeoutMs);
			this.listeners.add(listener);
		});
	}
}

/** Polls `check` until it returns something truthy; throws after `timeoutMs` naming `what`. */
export async function waitFor(what, check, { timeoutMs = 60_000, intervalMs = 500 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let last;
	while (Date.now() < deadline) {
		try {
			last = await check();
			if (last) return last;
		} catch (error) {
			last = error;
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
	throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last instanceof Error ? ` (last error: ${last.message})` : ''}`);
}

function stripAnsi(text) {
	return text.replace(/\u001b\[[0-9;]*m/g, '');
}

export class N8n {
	/**
	 * version: a host of scripts/n8n-host.mjs. userFolder: N8N_USER_FOLDER (n8n keeps its
	 * database, key and community packages in <userFolder>/.n8n). port: for `start`.
	 * logFile: where all output of this instance goes. env: extra variables. command: the n8n
	 * command `start()` runs: 'start' (the main), or in queue mode 'worker' or 'webhook'; args
	 * follow it (e.g. --concurrency=5).
	 */
	constructor({ version, userFolder, port, logFile, env = {}, command = 'start', args = [] }) {
		this.version = version;
		this.command = command;
		this.args = args;
		this.paths = hostPaths(version);
		this.userFolder = userFolder;
		this.port = port;
		this.extraEnv = env;
		this.log = new LogSink(logFile);
		this.server = undefined;
		this.cookie = undefined;
		this.brokerPort = (port ?? 5678) + 1;
	}

	/** Gives the task broker a free port (call before start/cli). */
	async pickBrokerPort() {
		this.brokerPort = await freePort();
		return this.brokerPort;
	}

	/** 1 or 2: the REST API and activation differ a little between them. */
	get major() {
		return Number(this.version.split('.')[0]);
	}

	get baseUrl() {
		return `http://127.0.0.1:${this.port}`;
	}

	env(extra = {}) {
		const env = {};
		// The parent's own n8n settings must not leak into a test instance.
		for (const [key, value] of Object.entries(process.env)) {
			if (!/^(N8N_|DB_|WEBHOOK_URL$|EXECUTIONS_|QUEUE_|GENERIC_TIMEZONE$)/.test(key)) env[key] = value;
		}
		return {
			...env,
			// n8n starts its JavaScript task runner as plain `node`: make that the pinned Node.js.
			PATH: `${dirname(this.paths.node)}${delimiter}${process.env.PATH ?? ''}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port ?? 5678),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			GENERIC_TIMEZONE: 'UTC',
			N8N_LOG_LEVEL: 'info',
			// n8n's task broker listens on a fixed port (5679) unless told otherwise.
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			...this.extraEnv,
			...extra,
		};
	}

	/** Runs `n8n <args>` to completion; resolves {code, output}. */
	async cli(args, { check = true, timeoutMs = 300_000, env } = {}) {
		this.log.note(`n8n ${args.join(' ')}`);
		const result = await run(this.paths.node, [this.paths.n8n, ...args], {
			env: this.env(env),
			cwd: this.userFolder,
			check: false,
			timeoutMs,
		});
		this.log.write(Buffer.from(result.output));
		if (check && result.code !== 0) {
			throw new Error(`n8n ${args[0]} exited with ${result.code ?? result.signal}:\n${stripAnsi(result.output).slice(-3000)}`);
		}
		return result;
	}

	async importCredentials(credentials) {
		const dir = mkdtempSync(join(tmpdir(), 'lofty-e2e-cred-'));
		try {
			const file = join(dir, 'credentials.json');
			writeFileSync(file, JSON.stringify(credentials, null, 2));
			await this.cli(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	/** Imports workflow objects (each with an `id`); they are imported inactive. */
	async importWorkflows(workflows) {
		const dir = mkdtempSync(join(tmpdir(), 'lofty-e2e-wf-'));
		try {
			for (const workflow of workflows) writeFileSync(join(dir, `${workflow.id}.json`), JSON.stringify(workflow, null, 2));
			await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	/**
	 * `n8n execute --id <id> --rawOutput`: runs a workflow (from its Manual Trigger) headlessly.
	 * Resolves {ok, run, output, seconds}; `run` is n8n's IRun (resultData.runData per node).
	 */
	async execute(workflowId, { timeoutMs = 600_000 } = {}) {
		const started = Date.now();
		// JSON log lines: n8n 2.x prints the run through its logger, n8n 1.x on stdout.
		const { code, output } = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], {
			check: false,
			timeoutMs,
			env: { N8N_LOG_FORMAT: 'json', NO_COLOR: '1' },
		});
		const seconds = (Date.now() - started) / 1000;
		const text = stripAnsi(output);
		return { ok: code === 0, code, run: findRun(text), output: text, seconds };
	}

	/**
	 * Starts `n8n start` (or the worker or webhook command) and waits until it is ready: the main
	 * serves the editor, a worker or webhook processor answers its readiness check on `port`.
	 */
	async start({ timeoutMs = 240_000, env } = {}) {
		if (this.server) throw new Error('n8n is already running');
		this.log.note(`n8n ${[this.command, ...this.args].join(' ')} on ${this.baseUrl}`);
		const started = Date.now();
		const child = spawnGroup(this.paths.node, [this.paths.n8n, this.command, ...this.args], {
			env: this.env(env),
			cwd: this.userFolder,
			onOutput: (chunk) => this.log.write(chunk),
		});
		this.server = child;
		let exited;
		const exitPromise = new Promise((resolve) => child.once('exit', (code, signal) => resolve((exited = `exited with ${code ?? signal}`))));
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (exited) break;
			// Ready only when the answer comes from the process just started, not from another
			// server that holds the port (this one then fails to bind and exits).
			if ((await this.ready()) && listensOn(child.pid, this.port)) {
				this.startSeconds = (Date.now() - started) / 1000;
				return this.startSeconds;
			}
			await Promise.race([exitPromise, new Promise((resolve) => setTimeout(resolve, 500))]);
		}
		const others = portHolders(this.port).filter((pid) => pid !== child.pid);
		const held = others.length ? ` (port ${this.port} is held by pid ${others.map((pid) => `${pid} ${commandLine(pid)}`).join(', ')})` : '';
		const why = `${exited ?? `not ready within ${timeoutMs / 1000} s`}${held}`;
		await this.stop();
		throw new Error(`n8n ${this.version} ${why}`);
	}

	async ready() {
		try {
			const health = await fetch(`${this.baseUrl}/healthz/readiness`, { signal: AbortSignal.timeout(2_000) });
			if (!health.ok) return false;
			// Workers and webhook processors serve no REST API.
			if (this.command !== 'start') return true;
			const settings = await fetch(`${this.baseUrl}/rest/settings`, { signal: AbortSignal.timeout(5_000) });
			return settings.ok;
		} catch {
			return false;
		}
	}

	async stop() {
		const child = this.server;
		this.server = undefined;
		this.cookie = undefined;
		if (child) {
			this.log.note('n8n stop');
			await stopGroup(child, 20_000);
		}
	}

	/** The running process's pid (undefined when stopped). */
	get pid() {
		return this.server?.pid;
	}

	/** Kills the process group at once, as a crash or an OOM kill would; resolves when it is gone. */
	async kill() {
		const child = this.server;
		this.server = undefined;
		this.cookie = undefined;
		if (!child) return;
		this.log.note('n8n killed (SIGKILL)');
		const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			child.kill('SIGKILL');
		}
		await exited;
	}

	/** Calls n8n's REST API; resolves the body's `data` (or the body). Throws on HTTP errors. */
	async rest(method, path, body, { raw = false, headers = {} } = {}) {
		const response = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': 'lofty-e2e',
				...(this.cookie ? { cookie: this.cookie } : {}),
				...headers,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		if (raw) return response;
		const text = await response.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = text;
		}
		if (!response.ok) {
			const error = new Error(`${method} /rest${path} -> ${response.status}: ${typeof json === 'string' ? json : JSON.stringify(json)}`.slice(0, 2000));
			error.status = response.status;
			error.body = json;
			throw error;
		}
		return json && typeof json === 'object' && 'data' in json ? json.data : json;
	}

	/** Sets up the owner account (first start only) and logs in as it; keeps the auth cookie. */
	async loginOwner(owner = OWNER) {
		try {
			await this.rest('POST', '/owner/setup', owner);
		} catch (error) {
			if (error.status !== 400 && error.status !== 403) throw error;
		}
		const response = await this.rest(
			'POST',
			'/login',
			{ emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password },
			{ raw: true },
		);
		if (!response.ok) {
			const error = new Error(`login as ${owner.email} failed: ${response.status} ${await response.text()}`);
			error.status = response.status;
			throw error;
		}
		const setCookie = response.headers.getSetCookie?.() ?? [response.headers.get('set-cookie')];
		const auth = setCookie.map((c) => c?.split(';')[0]).find((c) => c?.startsWith('n8n-auth='));
		if (!auth) throw new Error('login returned no n8n-auth cookie');
		this.cookie = auth;
		return auth.slice('n8n-auth='.length);
	}

	/** Activates (publishes) a workflow through the REST API, as the editor does. */
	async activate(workflowId) {
		let workflow = await this.rest('GET', `/workflows/${workflowId}`);
		if (this.major < 2) {
			// n8n 1.x activates a version from the workflow history, which `import:workflow` does
			// not fill: saving the workflow once (as the editor does) records its version.
			workflow = await this.rest('PATCH', `/workflows/${workflowId}`, {
				versionId: workflow.versionId,
				name: workflow.name,
				nodes: workflow.nodes,
				connections: workflow.connections,
			});
		}
		return await this.orActivePatch(workflowId, true, () => this.rest('POST', `/workflows/${workflowId}/activate`, { versionId: workflow.versionId }));
	}

	async deactivate(workflowId) {
		return await this.orActivePatch(workflowId, false, () => this.rest('POST', `/workflows/${workflowId}/deactivate`, {}));
	}

	/** n8n 1.x before the activate routes (1.110 is one) switches `active` through the workflow's PATCH. */
	async orActivePatch(workflowId, active, call) {
		try {
			return await call();
		} catch (error) {
			if (error.status !== 404 || this.major >= 2) throw error;
			const { versionId } = await this.rest('GET', `/workflows/${workflowId}`);
			return await this.rest('PATCH', `/workflows/${workflowId}`, { versionId, active });
		}
	}

	/** Waits until an activation (or deactivation) has gone through 2.x's publication outbox. */
	async settled(workflowId) {
		return await waitFor(
			`workflow ${workflowId} to leave publication "in_progress"`,
			async () => {
				const status = await this.publicationStatus(workflowId);
				return status === undefined || status.status !== 'in_progress' ? status ?? { status: 'inline' } : undefined;
			},
			{ timeoutMs: 90_000 },
		);
	}

	/** 2.x publication outbox: 'in_progress' | 'published' | 'partial' | 'failed' | 'not_published'; undefined without it. */
	async publicationStatus(workflowId) {
		try {
			return await this.rest('GET', `/workflows/${workflowId}/publication-status`);
		} catch (error) {
			if (error.status === 404) return undefined;
			throw error;
		}
	}

	/** Executions of a workflow, newest first (summaries); n8n gives at most 100 at a time. */
	async executions(workflowId, { limit = 50 } = {}) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const data = await this.rest('GET', `/executions?filter=${filter}&limit=${limit}`);
		return data.results ?? data;
	}

	/** One execution with its run data decoded (n8n stores it in the `flatted` format). */
	async execution(executionId) {
		const execution = await this.rest('GET', `/executions/${executionId}`);
		if (typeof execution.data === 'string') {
			const requireFromHost = createRequire(join(this.paths.dir, 'node_modules', 'n8n', 'package.json'));
			execution.data = requireFromHost('flatted').parse(execution.data);
		}
		return execution;
	}
}

/** Finds the IRun that `n8n execute --rawOutput` printed, in JSON log lines or as plain JSON. */
export function findRun(text) {
	const isRun = (value) => value && typeof value === 'object' && value.data?.resultData !== undefined;
	for (const line of text.split('\n')) {
		if (!line.startsWith('{')) continue;
		try {
			const entry = JSON.parse(line);
			if (isRun(entry)) return entry;
			if (typeof entry.message === 'string' && entry.message.startsWith('{')) {
				const run = JSON.parse(entry.message);
				if (isRun(run)) return run;
			}
		} catch {
			// not a JSON line
		}
	}
	const start = text.search(/^\{\s*$/m);
	if (start >= 0) {
		try {
			const run = JSON.parse(text.slice(start, text.lastIndexOf('}') + 1));
			if (isRun(run)) return run;
		} catch {
			// not plain JSON either
		}
	}
	return undefined;
}

/** The items a node produced in a run (IRun or execution data), first output, all runs. */
export function nodeOutput(runData, nodeName) {
	const runs = runData?.resultData?.runData?.[nodeName] ?? runData?.data?.resultData?.runData?.[nodeName];
	if (!runs) return undefined;
	return runs.flatMap((r) => r.data?.main?.[0] ?? []).map((item) => item.json);
}

/** The error a node reported in a run, if any. */
export function nodeError(runData, nodeName) {
	const runs = runData?.resultData?.runData?.[nodeName] ?? [];
	const failed = runs.find((r) => r.error);
	return failed?.error ? `${failed.error.message}${failed.error.description ? ` (${failed.error.description})` : ''}` : undefined;
}
