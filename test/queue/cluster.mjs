// n8n in queue mode: a main, workers and a webhook processor of the pinned n8n, sharing one
// Postgres database and one Redis, each with its own user folder holding the packed package
// (as a community package must be installed on every process that runs or receives workflows).

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { N8n } from '../../scripts/lib/n8n.mjs';
import { installTarball } from '../../scripts/lib/package.mjs';
import { freePort } from '../../scripts/lib/proc.mjs';

export const QUEUE_N8N = '2.41.1';
export const WORKERS = 2;
export const WORKER_CONCURRENCY = 5;

export class QueueCluster {
	/** ctx: the e2e Context (pack, host, temp folders); postgres, redis: scripts/lib/services.mjs. */
	constructor(ctx, { postgres, redis, version = QUEUE_N8N }) {
		this.ctx = ctx;
		this.postgres = postgres;
		this.redis = redis;
		this.version = version;
		this.encryptionKey = randomBytes(24).toString('hex');
		this.main = undefined;
		this.workers = [];
		this.webhook = undefined;
		/** execution id -> the worker that started it (from the workers' logs). */
		this.executedBy = new Map();
	}

	/** Every process, main first. */
	get processes() {
		return [this.main, ...this.workers, this.webhook].filter(Boolean);
	}

	/** What every process shares: queue mode, the database, Redis, the encryption key. */
	sharedEnv() {
		const { postgres, redis } = this;
		return {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			// Production webhooks go to the webhook processor, not to the main.
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			N8N_LOG_LEVEL: 'debug',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15',
		};
	}

	async process(name, { command = 'start', args = [] } = {}) {
		const pack = await this.ctx.pack();
		const userFolder = this.ctx.tempDir(`queue-${name}`);
		await installTarball(pack.tarball, userFolder);
		const port = await freePort();
		const n8n = new N8n({ version: this.version, userFolder, port, command, args, logFile: join(this.ctx.artifacts, `n8n-queue-${name}.log`) });
		await n8n.pickBrokerPort();
		n8n.name = name;
		if (command === 'worker') {
			n8n.log.listeners.add((line) => {
				const match = /Worker started execution (\d+) \(/.exec(line);
				if (match) this.executedBy.set(match[1], name);
			});
		}
		this.ctx.instances.push(n8n);
		return n8n;
	}

	/**
	 * Creates the processes, imports credentials and workflows through the main's CLI (into the
	 * shared database), starts the main, logs in, then starts the workers and the webhook processor.
	 */
	async start({ credentials, workflows }) {
		await this.ctx.host(this.version);
		this.webhook = await this.process('webhook', { command: 'webhook' });
		this.main = await this.process('main');
		for (let i = 1; i <= WORKERS; i++) this.workers.push(await this.process(`worker${i}`, { command: 'worker', args: [`--concurrency=${WORKER_CONCURRENCY}`] }));
		const shared = { ...this.sharedEnv(), WEBHOOK_URL: `${this.webhook.baseUrl}/` };
		for (const n8n of this.processes) {
			n8n.extraEnv = { ...shared, ...n8n.extraEnv };
			// A worker's readiness check listens on its port.
			if (n8n.command === 'worker') Object.assign(n8n.extraEnv, { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(n8n.port) });
		}
		await this.main.importCredentials(credentials);
		await this.main.importWorkflows(workflows);
		const seconds = {};
		seconds.main = await this.main.start();
		await this.main.loginOwner();
		const others = await Promise.all([...this.workers, this.webhook].map(async (n8n) => [n8n.name, await n8n.start()]));
		Object.assign(seconds, Object.fromEntries(others));
		return seconds;
	}

	/** Stops the main and the workers and starts them again (the webhook processor keeps running). */
	async restartMainAndWorkers() {
		await Promise.all([this.main, ...this.workers].map((n8n) => n8n.stop()));
		const seconds = { main: await this.main.start() };
		await this.main.loginOwner();
		for (const worker of this.workers) seconds[worker.name] = await worker.start();
		return seconds;
	}

	/** pid -> process name, for telling which process sent a request. */
	pidNames() {
		return new Map(this.processes.filter((n8n) => n8n.pid).map((n8n) => [n8n.pid, n8n.name]));
	}

	/** The worker whose log says it started `executionId`, or undefined. */
	workerOf(executionId) {
		return this.executedBy.get(String(executionId));
	}

	async stop() {
		await Promise.all(this.processes.map((n8n) => n8n.stop().catch(() => undefined)));
	}
}
