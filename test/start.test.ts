/**
 * `npm start` refuses what it cannot do before it touches anything: bad options, a port in use,
 * a state folder another `npm start` is running on. Each case runs the real script
 * (scripts/start.mjs) in its own process; none gets as far as building or starting n8n.
 * (Starting, signals, the webhook example and --reset run against real n8n in the e2e suite.)
 */
import type { ChildProcess, IncomingMessage, NetServer as Server, ServerResponse } from './support/node';
import { ROOT, childProcess, clearTimeout, fs, http, net, os, path, process, setTimeout, url } from './support/node';

const { spawn } = childProcess;
const { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } = fs;
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
			expect(output).toContain(`Owner login: its password is in ${join(state, 'owner-password')}`);
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

describe('the owner password of npm start', () => {
	const OWNER_MODULE = pathToFileURL(join(ROOT, 'scripts', 'lib', 'owner.mjs')).href;
	const N8N_MODULE = pathToFileURL(join(ROOT, 'scripts', 'lib', 'n8n.mjs')).href;
	const PUBLISHED = 'Lofty-Sandbox-2024';

	/** Runs ES module code that imports scripts/lib/owner.mjs (as owner) in a process of its own; resolves what it prints as JSON. */
	function withOwnerModule<T>(body: string): Promise<T> {
		const code = `const owner = await import(${JSON.stringify(OWNER_MODULE)}); const { N8n } = await import(${JSON.stringify(N8N_MODULE)}); const print = (value) => process.stdout.write(JSON.stringify(value)); ${body}`;
		return new Promise((resolve, reject) => {
			const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
			let out = '';
			let err = '';
			child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
			child.on('close', (status) => (status === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`exit ${status}: ${err}`))));
		});
	}

	interface Login {
		owner: { email: string; password: string };
		file: string;
		created: boolean;
	}
	const loginOf = (stateDir: string) => withOwnerModule<Login>(`print(owner.ownerLoginOf(${JSON.stringify(stateDir)}));`);
	const modeOf = (file: string) => statSync(file).mode & 0o777;
	/** What n8n 2.x asks of an owner password. */
	const n8nTakes = (password: string) => password.length >= 8 && password.length <= 64 && /\d/.test(password) && /[A-Z]/.test(password);

	it('is random per state folder, kept in a file only its user can read, and the same on every later start of the folder', async () => {
		const [one, other] = [join(temp, 'owner-one'), join(temp, 'owner-other')];
		for (const dir of [one, other]) mkdirSync(dir, { recursive: true });
		const first = await loginOf(one);
		const again = await loginOf(one);
		const elsewhere = await loginOf(other);
		expect(first).toMatchObject({ file: join(one, 'owner-password'), created: true, owner: { email: 'owner@lofty-sandbox.example.com' } });
		expect(again).toEqual({ ...first, created: false });
		expect(elsewhere.owner.password).not.toBe(first.owner.password);
		for (const login of [first, elsewhere]) {
			expect(login.owner.password).not.toBe(PUBLISHED);
			expect(n8nTakes(login.owner.password)).toBe(true);
			expect(readFileSync(login.file, 'utf8')).toBe(`${login.owner.password}\n`);
			expect(modeOf(login.file)).toBe(0o600);
		}
		expect(readdirSync(one)).toEqual(['owner-password']);
	});

	it('keeps a password file the user wrote, and makes it private again when others could read it', async () => {
		const dir = join(temp, 'owner-own');
		mkdirSync(dir, { recursive: true });
		const file = join(dir, 'owner-password');
		writeFileSync(file, 'My-Own-Passw0rd\n');
		chmodSync(file, 0o644);
		expect(await loginOf(dir)).toMatchObject({ created: false, owner: { password: 'My-Own-Passw0rd' } });
		expect(modeOf(file)).toBe(0o600);
	});

	it.each([
		['short', 'it must be 8 to 64 characters long'],
		['no-digits-Here', 'it must contain a number'],
		[PUBLISHED, 'it is the published sandbox password'],
	])('npm start refuses a password file holding %s, naming the file and why, before building anything', async (password, why) => {
		const state = usedStateFolder(`owner-bad-${password.length}`);
		const file = join(state, 'owner-password');
		writeFileSync(file, `${password}\n`, { mode: 0o600 });
		const { code, output } = await start([`--state=${state}`]);
		expect(code).toBe(1);
		expect(output).toContain(`the owner password in ${file} cannot be used: ${why}.`);
		expect(output).not.toMatch(/Building|Starting n8n/);
		expect(readFileSync(file, 'utf8')).toBe(`${password}\n`);
		expect(existsSync(join(state, 'start.lock'))).toBe(false);
	});

	describe('signing in to the n8n of the state folder (a loopback server answering as n8n 2.41 does)', () => {
		/** n8n's owner setup, login and password change, no more. */
		class OwnerApi {
			owner?: { email: string; password: string };
			calls: string[] = [];
			private server = http.createServer((req, res) => this.answer(req, res));
			port = 0;

			async start() {
				await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
				this.port = (this.server.address() as { port: number }).port;
			}

			stop() {
				return new Promise((resolve) => this.server.close(resolve));
			}

			private answer(req: IncomingMessage, res: ServerResponse) {
				let text = '';
				req.on('data', (chunk: Buffer) => (text += chunk.toString()));
				req.on('end', () => {
					const body = text ? (JSON.parse(text) as Record<string, string>) : {};
					const reply = (status: number, json: unknown, headers: Record<string, string> = {}) => {
						res.writeHead(status, { 'content-type': 'application/json', ...headers });
						res.end(JSON.stringify(json));
					};
					const route = `${req.method} ${req.url}`;
					this.calls.push(route);
					if (route === 'POST /rest/owner/setup') {
						if (this.owner) return reply(400, { code: 400, message: 'Instance owner already setup' });
						this.owner = { email: body.email, password: body.password };
						return reply(200, { data: { email: body.email } });
					}
					if (route === 'POST /rest/login') {
						if (!this.owner || body.emailOrLdapLoginId !== this.owner.email || body.password !== this.owner.password) {
							return reply(401, { code: 401, message: 'Wrong username or password. Do you have caps lock on?' });
						}
						return reply(200, { data: {} }, { 'set-cookie': 'n8n-auth=session; Path=/; HttpOnly' });
					}
					if (route === 'PATCH /rest/me/password') {
						if (req.headers.cookie !== 'n8n-auth=session') return reply(401, { code: 401, message: 'Unauthorized' });
						if (body.currentPassword !== this.owner?.password) return reply(400, { code: 400, message: 'Provided current password is incorrect.' });
						this.owner.password = body.newPassword;
						return reply(200, { data: { success: true } });
					}
					return reply(404, { message: 'not found' });
				});
			}
		}

		let api: OwnerApi;
		beforeEach(async () => {
			api = new OwnerApi();
			await api.start();
		});
		afterEach(() => api.stop());

		/** signInOwner of scripts/lib/owner.mjs with the state folder's login, through the scripts' own N8n client. */
		const signIn = (stateDir: string) =>
			withOwnerModule<{ outcome?: string; error?: string; password: string }>(`
				const login = owner.ownerLoginOf(${JSON.stringify(stateDir)});
				const n8n = new N8n({ version: '2.41.1', userFolder: ${JSON.stringify(stateDir)}, port: ${api.port} });
				try {
					print({ outcome: await owner.signInOwner(n8n, login), password: login.owner.password });
				} catch (error) {
					print({ error: error.message, password: login.owner.password });
				}
			`);

		const folder = (name: string) => {
			const dir = join(temp, name);
			mkdirSync(dir, { recursive: true });
			return dir;
		};

		it('sets up a new n8n with the random password', async () => {
			const result = await signIn(folder('owner-new-n8n'));
			expect(result.outcome).toBe('signed in');
			expect(api.owner?.password).toBe(result.password);
			expect(api.calls).toEqual(['POST /rest/owner/setup', 'POST /rest/login']);
		});

		it('changes the published password of a state folder from before to the random one', async () => {
			api.owner = { email: 'owner@lofty-sandbox.example.com', password: PUBLISHED };
			const result = await signIn(folder('owner-old-folder'));
			expect(result.outcome).toBe('changed');
			expect(api.owner.password).toBe(result.password);
			expect(api.calls.filter((call) => call !== 'POST /rest/owner/setup')).toEqual(['POST /rest/login', 'POST /rest/login', 'PATCH /rest/me/password', 'POST /rest/login']);
		});

		it('says which file to fix, or --reset, when n8n refuses the password, and changes nothing', async () => {
			const chosenInTheEditor = 'Changed-In-The-Editor-1';
			api.owner = { email: 'owner@lofty-sandbox.example.com', password: chosenInTheEditor };
			const dir = folder('owner-changed');
			const file = join(dir, 'owner-password');
			writeFileSync(file, 'Kept-From-Before-2\n', { mode: 0o600 });
			const result = await signIn(dir);
			expect(result.error).toBe(
				`n8n refused the owner password in ${file} for owner@lofty-sandbox.example.com (was it changed in the editor?). Put the current password in that file, or start over with npm start -- --reset (which also drops the workflows and credentials).`,
			);
			expect(api.owner.password).toBe(chosenInTheEditor);
			expect(api.calls).not.toContain('PATCH /rest/me/password');
		});
	});
});
