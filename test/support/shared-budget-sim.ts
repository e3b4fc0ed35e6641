/**
 * Several processes on one Lofty credential, simulated in one jest process: each independent
 * RateBudget stands in for one n8n worker's budget, driven by a few concurrent request loops that
 * do what nodes/shared/transport.ts does (acquire, send, release or exhausted, retry a 429),
 * against one FakeLofty. The fake's request log then says how many 429s each process met in each
 * of its rate-limit windows.
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
		// The windows as the fake counted them (each request records the start of its window).
		const starts = [...new Set(fake.requests.map((entry) => entry.rateWindow))].sort((x, y) => Number(x) - Number(y));
		const per429 = budgets.map(() => starts.map(() => 0));
		for (const entry of fake.requests) {
			if (entry.status === 429) per429[Number(entry.headers[PROCESS_HEADER])][starts.indexOf(entry.rateWindow)]++;
		}
		return {
			wallMs,
			boundMs: (Math.ceil(options.requests / options.limit) - 1) * options.windowMs,
			windows: starts.length,
			per429,
			max429PerWindow: Math.max(...per429.flat()),
			total429: fake.count429(),
			served: fake.requests.filter((entry) => entry.status === 200).length,
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
