// What the e2e steps share: the Lofty sandbox, the packed package, the n8n hosts and instances,
// timings, notes for the summary, and the diagnostics printed when a step fails.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureHost } from '../../scripts/n8n-host.mjs';
import { N8n } from '../../scripts/lib/n8n.mjs';
import { buildPackage, installTarball, packPackage } from '../../scripts/lib/package.mjs';
import { freePort } from '../../scripts/lib/proc.mjs';
import { startSandbox } from '../../scripts/sandbox.mjs';
import { credentialRecord } from './workflows.mjs';

export const API_KEY = 'e2e-api-key';

/** The main sandbox's limit: on, but loose enough not to slow the suite down. */
export const E2E_RATE_LIMIT = { limit: 20, windowMs: 1_000, resetStyle: 'remaining-ms' };

export class Context {
	constructor({ artifacts, build }) {
		this.artifacts = artifacts;
		this.build = build;
		this.timings = {};
		this.notes = [];
		this.instances = [];
		this.fakes = new Map();
		this.boxes = new Map();
		this.tempDirs = [];
		this.memo = new Map();
		this.stepFakes = new Set();
		this.stepInstance = undefined;
	}

	beginStep(id) {
		this.step = id;
		this.notes = [];
		this.stepFakes = new Set();
		this.stepInstance = undefined;
	}

	endStep() {
		return this.notes;
	}

	/** A line for the summary under the current step. */
	note(text) {
		this.notes.push(text);
		process.stdout.write(`  ${text}\n`);
	}

	log(text) {
		process.stdout.write(`  ${text}\n`);
	}

	time(what, seconds) {
		this.timings[what] = seconds;
	}

	/** Runs `fn` once per key for the whole suite (later calls get the same promise). */
	once(key, fn) {
		if (!this.memo.has(key)) this.memo.set(key, fn());
		return this.memo.get(key);
	}

	tempDir(prefix) {
		const dir = mkdtempSync(join(tmpdir(), `lofty-e2e-${prefix}-`));
		this.tempDirs.push(dir);
		return dir;
	}

	/** A sandbox by name; 'main' has the demo data. Marks it for this step's diagnostics. */
	async sandbox(name = 'main', options = {}) {
		if (!this.fakes.has(name)) {
			this.fakes.set(
				name,
				startSandbox({ apiKey: API_KEY, rateLimit: E2E_RATE_LIMIT, seed: 'demo', log: (line) => this.log(`[sandbox ${name}] ${line}`), ...options }),
			);
		}
		const sandbox = await this.fakes.get(name);
		this.boxes.set(name, sandbox);
		this.stepFakes.add(name);
		return sandbox;
	}

	/** Builds (unless --no-build) and packs the package once; resolves the pack result. */
	pack() {
		return this.once('pack', async () => {
			if (this.build) {
				const started = Date.now();
				await buildPackage();
				this.time('npm run build', (Date.now() - started) / 1000);
			}
			const started = Date.now();
			const result = await packPackage(this.tempDir('pack'));
			this.time('npm pack', (Date.now() - started) / 1000);
			return result;
		});
	}

	/** Installs an n8n host once (first use only; later runs find it ready). */
	host(version) {
		return this.once(`host:${version}`, async () => {
			const host = await ensureHost(version, { log: (line) => this.log(line) });
			this.time(`n8n ${version} host ${host.installed ? 'install' : '(already installed)'}`, host.seconds);
			return host;
		});
	}

	/**
	 * A fresh n8n instance (own user folder, packed tarball installed as a community package,
	 * the e2e credential for the named sandbox imported).
	 */
	async instance(version, { name = version, sandbox = 'main', env = {} } = {}) {
		await this.host(version);
		const pack = await this.pack();
		const box = await this.sandbox(sandbox);
		const userFolder = this.tempDir(`n8n-${name}`);
		await installTarball(pack.tarball, userFolder);
		const n8n = new N8n({
			version,
			userFolder,
			port: await freePort(),
			logFile: join(this.artifacts, `n8n-${name}.log`),
			env: { N8N_LOG_LEVEL: 'debug', ...env },
		});
		await n8n.pickBrokerPort();
		await n8n.importCredentials([credentialRecord(box.baseUrl, box.apiKey)]);
		this.instances.push(n8n);
		this.stepInstance = n8n;
		return n8n;
	}

	/** The instance a step works with (for diagnostics). */
	use(n8n) {
		this.stepInstance = n8n;
		return n8n;
	}

	diagnostics() {
		const out = [];
		const n8n = this.stepInstance;
		if (n8n) out.push(`\n--- last lines of n8n ${n8n.version}'s log (all of it: ${n8n.log.file}):`, n8n.log.tail(80));
		for (const name of this.stepFakes) {
			const box = this.boxes.get(name);
			if (!box) continue;
			out.push(`\n--- last requests the Lofty sandbox "${name}" received (of ${box.fake.requests.length}):`);
			for (const r of box.fake.requests.slice(-40)) {
				const query = Object.keys(r.query).length ? `?${new URLSearchParams(r.query)}` : '';
				out.push(`  ${new Date(r.at).toISOString()} ${r.method} ${r.path}${query} -> ${r.status}`);
			}
		}
		return `${out.join('\n')}\n`;
	}

	async close() {
		if (this.closed) return;
		this.closed = true;
		for (const n8n of this.instances) await n8n.stop().catch(() => undefined);
		for (const promise of this.fakes.values()) {
			const box = await promise.catch(() => undefined);
			await box?.stop().catch(() => undefined);
		}
		for (const dir of this.tempDirs) rmSync(dir, { recursive: true, force: true });
	}
}
