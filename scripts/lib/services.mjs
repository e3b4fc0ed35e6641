// Redis and PostgreSQL from Debian's packages, for the queue-mode suite: installed with apt when
// missing, each a throwaway server in a temp folder on loopback, stopped and removed at the end.
//
// PostgreSQL refuses to run as root, so as root the cluster belongs to Debian's `postgres`
// system user (created by the package) and its commands run through `runuser`.

import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, run, spawnGroup, stopGroup } from './proc.mjs';

const POSTGRES_VERSION = '15';
const POSTGRES_BIN = `/usr/lib/postgresql/${POSTGRES_VERSION}/bin`;
const REDIS_SERVER = '/usr/bin/redis-server';
const REDIS_CLI = '/usr/bin/redis-cli';

const isRoot = () => process.getuid?.() === 0;

/** Installs the Debian packages the suite needs when their programs are missing. */
export async function ensureServicePackages({ log = () => undefined } = {}) {
	const missing = [];
	if (!existsSync(REDIS_SERVER) || !existsSync(REDIS_CLI)) missing.push('redis-server');
	if (!existsSync(join(POSTGRES_BIN, 'postgres')) || !existsSync(join(POSTGRES_BIN, 'initdb'))) missing.push(`postgresql-${POSTGRES_VERSION}`);
	if (!missing.length) return { installed: [] };
	if (!isRoot()) {
		throw new Error(`The queue-mode suite needs Debian's ${missing.join(' and ')}: install them with \`sudo apt-get install -y ${missing.join(' ')}\`.`);
	}
	log(`apt-get install ${missing.join(' ')}`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await run('apt-get', ['update'], { env, label: 'apt-get update', timeoutMs: 600_000 });
	await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, label: `apt-get install ${missing.join(' ')}`, timeoutMs: 900_000 });
	return { installed: missing };
}

/** A folder under the temp dir that `owner` (a {uid, gid} or undefined for us) may write. */
function serviceDir(prefix, owner) {
	const dir = mkdtempSync(join(tmpdir(), `lofty-queue-${prefix}-`));
	if (owner) chownSync(dir, owner.uid, owner.gid);
	return dir;
}

/**
 * The user the cluster runs as when we are root (PostgreSQL will not run as root): Debian's
 * `postgres`, created by the package; a system user of our own if it is missing.
 */
async function postgresUser() {
	if (!isRoot()) return undefined;
	const account = async (name) => {
		const uid = await run('id', ['-u', name], { check: false });
		if (uid.code !== 0) return undefined;
		const { output: gid } = await run('id', ['-g', name], { label: `id -g ${name}` });
		return { name, uid: Number(uid.output.trim()), gid: Number(gid.trim()) };
	};
	const own = 'lofty-postgres';
	const existing = (await account('postgres')) ?? (await account(own));
	if (existing) return existing;
	await run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', own], { label: `useradd ${own}` });
	return await account(own);
}

/** Runs a PostgreSQL program as the cluster's owner. */
function asOwner(owner, program, args, options = {}) {
	const command = join(POSTGRES_BIN, program);
	if (!owner) return run(command, args, options);
	return run('runuser', ['-u', owner.name, '--', command, ...args], options);
}

/**
 * A PostgreSQL cluster in a temp folder, listening on 127.0.0.1 only, with database `database`
 * owned by superuser `user` (password auth on loopback). Returns {host, port, user, password,
 * database, stop()}.
 */
export async function startPostgres({ user = 'n8n', password = 'n8n-queue-suite', database = 'n8n', log = () => undefined } = {}) {
	const owner = await postgresUser();
	const dir = serviceDir('postgres', owner);
	const data = join(dir, 'data');
	const pwfile = join(dir, 'pw');
	writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
	if (owner) chownSync(pwfile, owner.uid, owner.gid);
	const port = await freePort();
	const stop = async () => {
		if (existsSync(join(data, 'postmaster.pid'))) {
			await asOwner(owner, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'], { check: false, label: 'pg_ctl stop', timeoutMs: 60_000 });
		}
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		await asOwner(owner, 'initdb', ['-D', data, '-U', user, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--no-instructions'], {
			label: 'initdb',
			timeoutMs: 120_000,
		});
		// Loopback TCP only; the unix socket stays inside the temp folder.
		const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=200 -c fsync=off`;
		await asOwner(owner, 'pg_ctl', ['-D', data, '-l', join(dir, 'postgres.log'), '-o', options, '-w', '-t', '60', 'start'], {
			label: 'pg_ctl start',
			timeoutMs: 90_000,
		});
		const env = { ...process.env, PGPASSWORD: password };
		await asOwner(owner, 'createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', user, database], { env, label: 'createdb', timeoutMs: 60_000 });
	} catch (error) {
		await stop().catch(() => undefined);
		throw error;
	}
	log(`PostgreSQL ${POSTGRES_VERSION} on 127.0.0.1:${port}${owner ? ` (as user ${owner.name})` : ''}, data in ${data}`);
	/** Runs one SQL statement with psql; resolves the rows, columns split on tabs. */
	const query = async (sql) => {
		const { output } = await run(join(POSTGRES_BIN, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', database, '-At', '-F', '\t', '-c', sql], {
			env: { ...process.env, PGPASSWORD: password },
			label: 'psql',
			timeoutMs: 30_000,
		});
		return output.split('\n').filter(Boolean).map((row) => row.split('\t'));
	};
	return { host: '127.0.0.1', port, user, password, database, dir, query, stop };
}

/**
 * A Redis server on 127.0.0.1. It keeps Redis's usual snapshot on shutdown (so a restart, as an
 * upgrade or a config change does it, keeps the queue) in its temp folder. restart() stops it
 * (SIGTERM) and starts it again on the same port; stop() ends it and removes its folder.
 */
export async function startRedis({ log = () => undefined, onOutput = () => undefined } = {}) {
	const dir = serviceDir('redis');
	const port = await freePort();
	let child;
	const launch = async () => {
		child = spawnGroup(REDIS_SERVER, ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--save', '3600 1', '--appendonly', 'no', '--protected-mode', 'yes'], {
			onOutput,
		});
		const deadline = Date.now() + 30_000;
		for (;;) {
			const { code } = await run(REDIS_CLI, ['-h', '127.0.0.1', '-p', String(port), 'ping'], { check: false, timeoutMs: 5_000 });
			if (code === 0) return;
			if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	};
	await launch();
	log(`Redis on 127.0.0.1:${port}`);
	return {
		host: '127.0.0.1',
		port,
		get pid() {
			return child?.pid;
		},
		async restart(downMs = 0) {
			await stopGroup(child, 10_000);
			if (downMs) await new Promise((resolve) => setTimeout(resolve, downMs));
			await launch();
		},
		async stop() {
			await stopGroup(child, 10_000);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** Temp folders a crashed run left behind (for the suite's own leftover check). */
export function leftoverServiceDirs() {
	return readdirSync(tmpdir()).filter((name) => name.startsWith('lofty-queue-'));
}
