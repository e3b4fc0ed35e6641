import type { ResetStyle } from './fake-lofty';
import { RateBudget } from '../nodes/shared/throttle';
import { describeSim, simulate } from './support/shared-budget-sim';
import { process, setTimeout } from './support/node';

// Issue 14's own figures (240 requests, 2 workers in a real n8n) come from `npm run test:queue`.

const settle = (ms = 30) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Starts `count` acquires and gives the tickets of those that got a slot within a moment. */
async function grantedAtOnce(budget: RateBudget, count: number): Promise<number[]> {
	const granted: number[] = [];
	const controller = new AbortController();
	const pending = Array.from({ length: count }, () =>
		budget.acquire(controller.signal).then(
			(ticket) => granted.push(ticket),
			() => undefined,
		),
	);
	await settle();
	controller.abort();
	await Promise.all(pending);
	return granted;
}

describe('a budget shared with other processes', () => {
	let now = 1_700_000_000_000;
	beforeEach(() => {
		jest.spyOn(Date, 'now').mockImplementation(() => now);
	});
	afterEach(() => jest.restoreAllMocks());

	const window = (remaining: number, leftMs = 2_000) => ({ limit: 10, remaining, resetAt: now + leftMs });

	/** A budget that has had `answers` answers of its own in this window (Remaining 9, 8, ...). */
	async function grown(answers: number): Promise<RateBudget> {
		const budget = new RateBudget();
		for (let i = 1; i <= answers; i++) budget.release(window(10 - i), await budget.acquire());
		return budget;
	}

	it('starts each window small and doubles what it sends with each answer, so another process shows first', async () => {
		const budget = await grown(1);
		// One answer: two may go.
		const first = await budget.acquire();
		const second = await budget.acquire();
		expect(await grantedAtOnce(budget, 3)).toHaveLength(0);
		// Lofty counted the probe, the first, and three requests of another process.
		budget.release(window(5), first);
		expect(budget.sharing()).toBe(true);
		budget.release(window(4), second);
	});

	it('alone, grows to the whole budget within a window, and starts small again in the next', async () => {
		const budget = await grown(3);
		// Three answers, all its own: up to eight in flight, all seven left.
		const tickets = await Promise.all(Array.from({ length: 7 }, () => budget.acquire()));
		expect(budget.sharing()).toBe(false);
		tickets.forEach((ticket, i) => budget.release(window(6 - i), ticket));
		now += 2_100;
		expect(await grantedAtOnce(budget, 10)).toHaveLength(1);
	});

	it('stays alone while every count is explained by its own requests', async () => {
		const budget = await grown(6);
		expect(budget.sharing()).toBe(false);
		expect(await grantedAtOnce(budget, 5)).toHaveLength(4);
	});

	it('sees others behind its own burst: an answer counts only the requests sent before it', async () => {
		const budget = await grown(3);
		// Five go out at once; meanwhile another process sends three.
		const tickets: number[] = [];
		for (let i = 0; i < 5; i++) {
			tickets.push(await budget.acquire());
			now += 25;
		}
		// The first of the five comes back: Lofty has counted its three, it, and the other three.
		budget.release(window(3), tickets[0]);
		expect(budget.sharing()).toBe(true);
	});

	it('does not take its own requests sent just after an answer for someone else', async () => {
		const budget = await grown(1);
		const first = await budget.acquire();
		const second = await budget.acquire();
		// The second went out in the same moment and reached Lofty first: its count includes both.
		budget.release(window(7), second);
		budget.release(window(7), first);
		expect(budget.sharing()).toBe(false);
	});

	it('does not blame others for its own requests that land in the next window', async () => {
		const budget = await grown(3);
		const late = await Promise.all([budget.acquire(), budget.acquire(), budget.acquire()]);
		// The window ends with the three still on their way: Lofty counts them in the next one.
		now += 2_100;
		expect(await grantedAtOnce(budget, 1)).toHaveLength(0);
		late.forEach((ticket, i) => budget.release(window(9 - i), ticket));
		const next = await budget.acquire();
		budget.release(window(6), next);
		expect(budget.sharing()).toBe(false);
	});

	it('turns shared when the count falls by more than its own requests', async () => {
		const budget = new RateBudget();
		budget.release(window(9), await budget.acquire());
		budget.release(window(6), await budget.acquire());
		expect(budget.sharing()).toBe(true);
	});

	it('turns shared on a 429 while it still had budget', async () => {
		const budget = new RateBudget();
		budget.release(window(9), await budget.acquire());
		budget.exhausted(window(0, 1_500), await budget.acquire());
		expect(budget.sharing()).toBe(true);
	});

	it('shared, it probes with one request after a reset and then spreads what is left', async () => {
		const budget = new RateBudget();
		budget.release(window(9), await budget.acquire());
		budget.exhausted(window(0, 1_000), await budget.acquire());
		now += 1_100;
		const probe = await grantedAtOnce(budget, 5);
		expect(probe).toHaveLength(1);
		budget.release(window(4), probe[0]);
		// Four left for two seconds: the next one goes about 400 ms after the probe, not at once.
		expect(await grantedAtOnce(budget, 5)).toHaveLength(0);
		now += 450;
		expect(await grantedAtOnce(budget, 5)).toHaveLength(1);
	});

	it('bursts again after five quiet windows', async () => {
		const budget = new RateBudget();
		budget.release(window(9), await budget.acquire());
		budget.release(window(5), await budget.acquire());
		expect(budget.sharing()).toBe(true);
		// The windows are 2 s long: shared mode lasts 10 s after the last sign of others.
		now += 9_000;
		expect(budget.sharing()).toBe(true);
		now += 1_100;
		expect(budget.sharing()).toBe(false);
		// The window it knew is over: the whole limit is back, as for a budget that never saw others,
		// with no probe and no pacing: what is in flight grows with the answers.
		const first = await budget.acquire();
		budget.release(window(9), first);
		expect(await grantedAtOnce(budget, 5)).toHaveLength(2);
		expect(budget.sharing()).toBe(false);
	});
});

describe('processes sharing one credential (independent budgets, one fake Lofty)', () => {
	it.each<[number, ResetStyle]>([
		[2, 'remaining-ms'],
		[3, 'remaining-ms'],
		[2, 'epoch-seconds'],
	])('%i processes (Reset as %s): every request succeeds, at most one 429 per window per process', async (processes, resetStyle) => {
		const result = await simulate({ processes, loops: 5, requests: 60, limit: 10, windowMs: 2000, resetStyle });
		process.stdout.write(describeSim(`throttle-shared: ${processes} processes, ${resetStyle}, 60 requests`, result));
		expect(result.served).toBe(60);
		// The first window is excluded: there nobody knows of the others yet.
		expect(Math.max(...result.per429.flatMap((counts) => counts.slice(1)))).toBeLessThanOrEqual(1);
	});

	it('a process alone spends every window whole: no 429, no pacing', async () => {
		const budget = new RateBudget();
		const result = await simulate({ processes: 1, loops: 5, requests: 30, limit: 10, windowMs: 2000, resetStyle: 'remaining-ms', budgets: [budget] });
		process.stdout.write(describeSim('throttle-shared: 1 process, remaining-ms, 30 requests', result));
		expect(result.served).toBe(30);
		expect(result.total429).toBe(0);
		expect(budget.sharing()).toBe(false);
		// 30 requests in 3 windows of 10: every window was spent whole, none held back by pacing.
		expect(result.windows).toBe(3);
	});
});
