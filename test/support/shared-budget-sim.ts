/**
 * Several processes on one Lofty credential, simulated in one jest process: each independent
 * RateBudget stands in for one n8n worker's budget, driven by a few concurrent request loops that
 * do what nodes/shared/transport.ts does (acquire, send, release or exhausted, retry a 429),
 * against one FakeLofty. The fake's request log then says how many 429s each process met per window.
 */
import type { ResetStyle } from '../fake-lofty';
import { FakeLofty } from '../fake-lofty';
import { RateBudget, readRateLimitHeaders } from '../../nodes/shared/throttle';

/** Names the simulated process on every request, so the fake's log can be split by process. */
const PROCESS_HEADER = 'x-sim-process';

export interface SimOptions {
	processes: number;
	/** Concurrent request loops per process (n8n's worker concurrency). */
	loops: number;
	/** Requests in all, split evenly between the processes. */
	requests: number;
	limit: number;
	windowMs: number;
	resetStyle: ResetStyle;
	/** Budgets to use instead of fresh ones (one per process). */
	budgets?: RateBudget[];
}

export interface SimResult {
	wallMs: number;
	/** (ceil(requests / limit) - 1) windows: no sender can finish sooner. */
	boundMs: number;
	windows: number;
	/** Per process: the 429s it met in each window of the fake's log. */
	per429: number[][];
	/** The most 429s any process met in one window. */
	max429PerWindow: number;
	total429: number;
	served: number;
	/** Per process, the 429s met after its first window (where nobody knows of the others yet). */
	later429: number[];
	/** The longest time from a window's start to the last request served in it. */
	burstMs: number;
}

async function send(fake: FakeLofty, processIndex: number): Promise<{ status: number; headers: Record<string, string> }> {
	const answer = await fetch(`${fake.baseUrl}/v1.0/leads/1000001`, {
		headers: { Authorization: 'token test-api-key', [PROCESS_HEADER]: String(processIndex) },
	});
	await answer.text();
	return { status: answer.status, headers: Object.fromEntries(answer.headers.entries()) };
}

/** One request as the transport sends it: waits for the budget, retries every 429 after its wait. */
async function request(fake: FakeLofty, budget: RateBudget, processIndex: number): Promise<void> {
	for (;;) {
		const ticket = await budget.acquire();
		const { status, headers } = await send(fake, processIndex);
		const info = readRateLimitHeaders(headers);
		if (status === 429) {
			budget.exhausted(info, ticket);
			continue;
		}
		budget.release(info, ticket);
		if (status !== 200) throw new Error(`the fake answered ${status}`);
		return;
	}
}

/** The fake's fixed windows: each starts at the first request after the previous one ended. */
export function windowsOf(fake: FakeLofty, windowMs: number): number[] {
	const starts: number[] = [];
	for (const entry of fake.requests) {
		const last = starts[starts.length - 1];
		if (last === undefined || entry.at >= last + windowMs) starts.push(entry.at);
	}
	return starts;
}

export async function simulate(options: SimOptions): Promise<SimResult> {
	const fake = new FakeLofty();
	await fake.start();
	try {
		fake.seedLeads(1);
		fake.setRateLimit({ limit: options.limit, windowMs: options.windowMs, resetStyle: options.resetStyle });
		const budgets = options.budgets ?? Array.from({ length: options.processes }, () => new RateBudget());
		const perProcess = options.requests / options.processes;
		const started = Date.now();
		await Promise.all(
			budgets.map(async (budget, processIndex) => {
				let left = perProcess;
				await Promise.all(
					Array.from({ length: options.loops }, async () => {
						while (left > 0) {
							left--;
							await request(fake, budget, processIndex);
						}
					}),
				);
			}),
		);
		const wallMs = Date.now() - started;
		const starts = windowsOf(fake, options.windowMs);
		const per429 = budgets.map(() => starts.map(() => 0));
		let window = 0;
		let burstMs = 0;
		for (const entry of fake.requests) {
			while (window + 1 < starts.length && entry.at >= starts[window + 1]) window++;
			if (entry.status === 429) per429[Number(entry.headers[PROCESS_HEADER])][window]++;
			else burstMs = Math.max(burstMs, entry.at - starts[window]);
		}
		return {
			wallMs,
			boundMs: (Math.ceil(options.requests / options.limit) - 1) * options.windowMs,
			windows: starts.length,
			per429,
			max429PerWindow: Math.max(...per429.flat()),
			total429: fake.count429(),
			served: fake.requests.filter((entry) => entry.status === 200).length,
			later429: per429.map((counts) => counts.slice(1).reduce((a, b) => a + b, 0)),
			burstMs,
		};
	} finally {
		await fake.stop();
	}
}

export function describeSim(label: string, result: SimResult): string {
	const windowsOver = result.per429.map((counts) => counts.filter((n) => n > 1).length);
	return (
		`${label}: wall ${result.wallMs} ms, bound ${result.boundMs} ms, ratio ${(result.wallMs / result.boundMs).toFixed(2)}; ` +
		`${result.windows} windows, ${result.total429} 429s (per process ${result.per429.map((c) => c.reduce((a, b) => a + b, 0)).join('/')}), ` +
		`most in one window by one process ${result.max429PerWindow}, windows with more than one per process ${windowsOver.join('/')}; ` +
		`per window ${result.per429.map((counts) => counts.join('')).join(' | ')}\n`
	);
}
