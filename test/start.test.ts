/**
 * `npm start` refuses what it cannot do before it touches anything: bad options, a port in use,
 * a state folder another `npm start` is running on. Each case runs the real script
 * (scripts/start.mjs) in its own process; none gets as far as building or starting n8n.
 * (Starting, signals, the webhook example and --reset run against real n8n in the e2e suite.)
 */
import type { ChildProcess, NetServer as Server } from './support/node';
import { ROOT, childProcess, clearTimeout, fs, net, os, path, process, setTimeout, url } from './support/node';

const { spawn } = childProcess;
const { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } = fs;
const { createServer } = net;
const { tmpdir } = os;
const { join } = path;
const { pathToFileURL } = url;

const START = join(ROOT, 'scripts', 'start.mjs');
const LOCK_MODULE = pathToFileURL(join(ROOT, 'scripts', 'lib', 'instance-lock.mjs')).href;

const temp = mkdtempSync(join(tmpdir(), `lofty-n8n-${process.env.LOFTY_TEST_RUN ?? 'run'}-`));
const children: ChildProcess[] = [];
let server: Server;
let takenPort: number;

beforeAll(async () => {
	server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	takenPort = (server.address() as { port: number }).port;
});

afterAll(async () => {
	for (const child of children) child.kill('SIGKILL');
	await new Promise((resolve) => server.close(resolve));
	rmSync(temp, { recursive: true, force: true });
});

interface Outcome {
	code: number | null;
	output: string;
}

/** Runs `node scripts/start.mjs <args>` to its end (it must end by itself, quickly). */
function start(args: string[]): Promise<Outcome> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [START, ...args], { cwd: ROOT, env: { ...process.env, INIT_CWD: ROOT }, stdio: ['ignore', 'pipe', 'pipe'] });
		const chunks: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`start.mjs ${args.join(' ')} did not exit by itself: ${Buffer.concat(chunks).toString()}`));
		}, 20_000);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, output: Buffer.concat(chunks).toString() });
		});
	});
}

/** Another process that takes the state folder's lock through the real module and stays alive. */
async function lockHolder(stateDir: string, info: Record<string, string>): Promise<{ child: ChildProcess; got: { ok?: boolean; holder?: { pid: number } } }> {
	const code = `
		const { acquireLock } = await import(${JSON.stringify(LOCK_MODULE)});
		const result = acquireLock(${JSON.stringify(join(stateDir, 'start.lock'))}, ${JSON.stringify(info)});
		process.stdout.write(JSON.stringify(result.lock ? { ok: true } : { holder: result.holder }) + '\\n');
		setInterval(() => undefined, 1000);
	`;
	const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
	children.push(child);
	const line = await new Promise<string>((resolve) => child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString())));
	return { child, got: JSON.parse(line) };
}

/** Every file under a folder with its content, to show that nothing changed. */
function snapshot(dir: string): Record<string, string> {
	const files: Record<string, string> = {};
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (entry.isFile()) files[join(entry.parentPath, entry.name)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
	}
	return files;
}

/** A state folder as an earlier run leaves it. */
function usedStateFolder(name: string): string {
	const dir = join(temp, name);
	mkdirSync(join(dir, 'n8n-user'), { recursive: true });
	writeFileSync(join(dir, 'n8n.log'), 'the running instance logs here\n');
	writeFileSync(join(dir, 'n8n-user', 'credential'), 'points at the running sandbox\n');
	return dir;
}

describe('npm start checks its options first', () => {
	it.each([['--port=abc'], ['--port=0'], ['--port=65536'], ['--port=5.5'], ['--port=-1'], ['--port='], ['--port']])(
		'refuses %s with the valid range, before creating anything',
		async (arg) => {
			const state = join(temp, `never-${arg.replace(/\W/g, '')}`);
			const { code, output } = await start([arg, `--state=${state}`]);
			expect(code).toBe(2);
			expect(output).toMatch(/--port (must be a whole number from 1 to 65535|needs a value)/);
			expect(output).not.toMatch(/NaN|Building|Starting n8n/);
			expect(readdirSync(temp)).not.toContain(`never-${arg.replace(/\W/g, '')}`);
		},
	);

	it('refuses an unknown option and lists the valid ones', async () => {
		const { code, output } = await start(['--prot=5679']);
		expect(code).toBe(2);
		expect(output).toContain('unknown option "--prot=5679"');
		for (const option of ['--port=<1-65535>', '--state=<folder>', '--reset', '--help']) expect(output).toContain(option);
	});

	it('refuses a port that is in use, names who holds it, and changes nothing', async () => {
		const state = usedStateFolder('port-taken');
		const before = snapshot(state);
		const { code, output } = await start([`--port=${takenPort}`, `--state=${state}`]);
		expect(code).toBe(1);
		expect(output).toContain(`Port ${takenPort} is already in use by pid ${process.pid}`);
		expect(output).not.toMatch(/is running|Building/);
		expect(snapshot(state)).toEqual(before);
	});
});

describe('one npm start per state folder', () => {
	it('a second start on a folder in use says which process runs it, where, how to stop it, and changes nothing', async () => {
		const state = usedStateFolder('in-use');
		const { child, got } = await lockHolder(state, { editor: 'http://127.0.0.1:5678/', sandbox: 'http://127.0.0.1:40123' });
		expect(got).toEqual({ ok: true });
		const before = snapshot(state);
		// Even with options that would fail later (or reset everything), nothing is touched.
		for (const args of [[], ['--reset'], [`--port=${takenPort}`]]) {
			const { code, output } = await start([...args, `--state=${state}`]);
			expect(code).toBe(1);
			expect(output).toContain(`already running on the state folder ${state}: pid ${child.pid}`);
			expect(output).toContain('editor http://127.0.0.1:5678/');
			expect(output).toContain(`kill ${child.pid}`);
			expect(output).toContain('npm start -- --state=<another folder>');
			expect(snapshot(state)).toEqual(before);
		}
	});

	it('takes over the lock of a process that is gone, never that of a live one', async () => {
		const state = usedStateFolder('stale');
		const first = await lockHolder(state, {});
		expect(first.got).toEqual({ ok: true });
		const second = await lockHolder(state, {});
		expect(second.got.holder?.pid).toBe(first.child.pid);

		first.child.kill('SIGKILL');
		await new Promise((resolve) => first.child.once('exit', resolve));
		const third = await lockHolder(state, {});
		expect(third.got).toEqual({ ok: true });
		expect(JSON.parse(readFileSync(join(state, 'start.lock'), 'utf8')).pid).toBe(third.child.pid);
	});

	it('does not mistake a reused pid for the holder', async () => {
		const state = usedStateFolder('reused-pid');
		// This pid is alive, but it is not the process that wrote the lock (another start time).
		writeFileSync(join(state, 'start.lock'), JSON.stringify({ pid: process.pid, startTime: '1', since: '2020-01-01T00:00:00.000Z' }));
		const { code, output } = await start([`--port=${takenPort}`, `--state=${state}`]);
		expect(output).not.toContain('already running');
		expect(output).toContain(`Port ${takenPort} is already in use`);
		expect(code).toBe(1);
	});
});

describe('the first run', () => {
	const HOST_MODULE = pathToFileURL(join(ROOT, 'scripts', 'n8n-host.mjs')).href;

	/** missingBuildTools(path) of scripts/n8n-host.mjs, called in a process of its own. */
	function missingWith(path: string): Promise<string[]> {
		const code = `const { missingBuildTools } = await import(${JSON.stringify(HOST_MODULE)}); process.stdout.write(JSON.stringify(missingBuildTools(${JSON.stringify(path)})));`;
		return new Promise((resolve, reject) => {
			const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
			let out = '';
			child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
			child.on('close', (status) => (status === 0 ? resolve(JSON.parse(out)) : reject(new Error(`exit ${status}`))));
		});
	}

	it('names the build tools compiling sqlite3 needs before installing, and finds them on PATH', async () => {
		expect(await missingWith(join(temp, 'no-such-folder'))).toEqual(['make', 'c++ or g++ or clang++', 'python3']);
		const bin = join(temp, 'toolchain');
		mkdirSync(bin, { recursive: true });
		for (const tool of ['make', 'g++', 'python3']) writeFileSync(join(bin, tool), '#!/bin/sh\n', { mode: 0o755 });
		writeFileSync(join(bin, 'clang++'), 'not executable\n', { mode: 0o644 });
		expect(await missingWith(join(temp, 'no-such-folder') + ':' + bin)).toEqual([]);
		rmSync(join(bin, 'g++'));
		expect(await missingWith(bin)).toEqual(['c++ or g++ or clang++']);
	});
});
