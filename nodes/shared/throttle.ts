import { sleep } from 'n8n-workflow';

/** Lofty's longest known window is a minute (10/min without a vendor key, 100 or 500/min per app). */
export const LONGEST_WINDOW_MS = 60_000;
/** The fallback wait when Reset is missing or absurd: one window. */
export const DEFAULT_RESET_WAIT_MS = LONGEST_WINDOW_MS;
/** Slack on top of it for clocks that disagree. A reported reset later than that is clamped. */
const WINDOW_SLACK_MS = 5_000;
export const LONGEST_RESET_WAIT_MS = LONGEST_WINDOW_MS + WINDOW_SLACK_MS;
/** How long one request may wait for the rate limit in all, unless the node's options say otherwise. */
export const DEFAULT_MAX_WAIT_MS = 10 * 60_000;
/** Slack added after a reset so a window that ends on a rounded second is really over. */
const RESET_MARGIN_MS = 30;
/**
 * Shared mode lasts this many windows after the last sign of other senders. Others renew it in
 * every window they send in; once they have been quiet this long (5 min at Lofty's 60 s window)
 * bursting costs at most one window of 429s if they come back, and they are seen again at once.
 */
const QUIET_WINDOWS = 5;
/** Answers whose resets lie closer than this belong to one window (clocks and rounding differ). */
const SAME_WINDOW_MS = 1_000;
/** Requests sent this soon after another may reach Lofty before it (other connections). */
const OVERTAKE_MS = 20;
/** In shared mode at most one request in flight per this many left, so few can meet a 429 together. */
const SHARED_IN_FLIGHT_SHARE = 4;

/** "45 s", "2 min", "9 min 45 s" */
export function formatWait(ms: number): string {
	const seconds = Math.max(0, Math.ceil(ms / 1000));
	const minutes = Math.floor(seconds / 60);
	if (minutes === 0) return `${seconds} s`;
	return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
}

/** The rate limit would hold one request longer than it may wait in all. */
export class RateLimitWaitError extends Error {
	constructor(
		readonly waitedMs: number,
		readonly maxWaitMs: number,
		readonly nextWindowInMs: number | undefined,
	) {
		super(`Lofty's rate limit would hold this request longer than ${formatWait(maxWaitMs)}`);
		this.name = 'RateLimitWaitError';
	}
}

export interface RateLimitHeaders {
	limit?: number;
	remaining?: number;
	/** Absolute time (epoch ms) the current window ends, or undefined when unknown. */
	resetAt?: number;
}

function headerNumber(headers: Record<string, unknown>, name: string): number | undefined {
	const raw = headers[name] ?? headers[name.toLowerCase()];
	const value = Array.isArray(raw) ? raw[0] : raw;
	if (value === undefined || value === null || value === '') return undefined;
	const parsed = Number(value);
	return Number.isFinite(parsed) ? parsed : undefined;
}

/**
 * Reads X-RateLimit-Reset in any of the forms Lofty has been seen to use:
 * epoch seconds, epoch milliseconds, or milliseconds left in the window.
 * Returns undefined when the value is missing or makes no sense; a reset later than Lofty's
 * longest window (plus slack) is clamped to it, so no header can hold requests for an hour.
 */
export function parseResetAt(value: number | undefined, now = Date.now()): number | undefined {
	if (value === undefined || !Number.isFinite(value) || value < 0) return undefined;
	let resetAt: number;
	if (value >= 1e11) resetAt = value; // epoch milliseconds
	else if (value >= 1e8) resetAt = value * 1000; // epoch seconds
	else if (value <= 60 * 60_000) resetAt = now + value; // milliseconds remaining
	else return undefined;
	// A reset far in the past or more than an hour ahead is not a real window.
	if (resetAt < now - 5_000 || resetAt > now + 60 * 60_000) return undefined;
	return Math.min(resetAt, now + LONGEST_RESET_WAIT_MS);
}

export function readRateLimitHeaders(
	headers: Record<string, unknown> | undefined,
	now = Date.now(),
): RateLimitHeaders {
	if (!headers) return {};
	const remaining = headerNumber(headers, 'x-ratelimit-remaining');
	return {
		limit: headerNumber(headers, 'x-ratelimit-limit'),
		// A negative count means the window is spent, nothing more.
		remaining: remaining === undefined ? undefined : Math.max(0, remaining),
		resetAt: parseResetAt(headerNumber(headers, 'x-ratelimit-reset'), now),
	};
}

export interface WaitBound {
	/** When the request began waiting (epoch ms). */
	since: number;
	maxMs: number;
}

/**
 * One request budget shared by every request made with the same Lofty credential
 * in this process: concurrent items, pages and nodes all draw from it.
 *
 * Until Lofty has told us the budget, only one request is in flight. Afterwards
 * requests go out while the budget lasts and the rest wait for the window to reset; in each
 * window what is in flight starts at one and doubles with every answer.
 *
 * Other processes (n8n queue-mode workers) may spend the same budget; they are seen only through
 * Lofty's headers: a window that counts more requests than this process can have sent in it.
 * Then the budget is shared for a while: after a reset one request finds out what is left, and
 * what is left is spread over the rest of the window instead of sent at once.
 */
export class RateBudget {
	private limit: number | undefined;

	private remaining: number | undefined;

	private resetAt: number | undefined;

	/** The requests in flight: ticket (in the order they were sent) -> when it was sent. */
	private readonly pending = new Map<number, number>();

	private lastTicket = 0;

	private waiters: Array<() => void> = [];
	/** The shared re-check timer of nextRelease, while one runs. */
	private recheck?: Promise<void>;

	/** Until then (epoch ms) others are assumed to send with this credential too. */
	private sharedUntil = 0;

	/** The longest time left in a window that an answer reported: the window's length, about. */
	private windowMs: number | undefined;

	/** The window whose answers are being counted, by its reset, and how many were this process's. */
	private countedResetAt: number | undefined;

	private answeredInWindow = 0;

	private lastSendAt = 0;

	/** Whether other senders have been seen lately (see QUIET_WINDOWS). */
	sharing(now = Date.now()): boolean {
		return now < this.sharedUntil;
	}

	/**
	 * Waits for a slot; resolves the request's ticket. Call `release` (or `exhausted` after a 429)
	 * with the response headers and the ticket when the request ends.
	 * A request that began waiting at `bound.since` waits at most `bound.maxMs` in all, over every
	 * call: past that it gets RateLimitWaitError, at once when the next window opens too late.
	 */
	async acquire(signal?: AbortSignal, bound: WaitBound = { since: Date.now(), maxMs: Infinity }): Promise<number> {
		const deadline = bound.since + bound.maxMs;
		const giveUp = (now: number, nextWindowInMs?: number) =>
			new RateLimitWaitError(now - bound.since, bound.maxMs, nextWindowInMs);
		for (;;) {
			if (signal?.aborted) throw new Error('The execution was canceled');
			const now = Date.now();
			const shared = this.sharing(now);
			if (this.resetAt !== undefined && now >= this.resetAt) {
				// The window is over: the full budget is back, the next window's end is unknown.
				// Shared, others may have spent it already: one request goes alone to find out.
				this.remaining = shared ? undefined : this.limit;
				this.resetAt = undefined;
				this.answeredInWindow = 0;
			}
			if (this.remaining === undefined) {
				if (this.pending.size === 0) return this.take();
				if (now >= deadline) throw giveUp(now);
				await this.nextRelease(signal);
				continue;
			}
			if (this.remaining > 0) {
				if (shared) {
					const pause = this.pace(now);
					if (pause > 0) {
						if (now + pause > deadline) throw giveUp(now);
						await sleep(pause, signal);
						continue;
					}
					if (this.pending.size >= Math.max(1, Math.floor(this.remaining / SHARED_IN_FLIGHT_SHARE))) {
						if (now >= deadline) throw giveUp(now);
						await this.nextRelease(signal);
						continue;
					}
				} else if (this.pending.size >= 2 ** this.answeredInWindow) {
					// Each window starts small and doubles with every answer (1, 2, 4, ...): answers
					// then show another process's requests before this one has spent the window.
					if (now >= deadline) throw giveUp(now);
					await this.nextRelease(signal);
					continue;
				}
				this.remaining--;
				return this.take();
			}
			if (this.resetAt !== undefined) {
				const wait = this.resetAt - now + RESET_MARGIN_MS;
				if (now + wait > deadline) throw giveUp(now, wait);
				await sleep(wait, signal);
				continue;
			}
			if (this.pending.size > 0) {
				if (now >= deadline) throw giveUp(now);
				await this.nextRelease(signal);
				continue;
			}
			// Budget spent and no reset known: probe with a single request.
			return this.take();
		}
	}

	/** Records what a response said about the budget and frees the request's slot. */
	release(info: RateLimitHeaders, ticket: number): void {
		const earlier = this.settle(ticket);
		const now = Date.now();
		if (this.othersIn(info, true, now, earlier)) this.sharedUntil = now + this.quietMs();
		if (info.limit !== undefined) this.limit = info.limit;
		if (info.remaining !== undefined) {
			const newWindow =
				info.resetAt !== undefined &&
				(this.resetAt === undefined || info.resetAt > this.resetAt + SAME_WINDOW_MS);
			if (newWindow || this.remaining === undefined) {
				// Requests still in flight were sent against this window too.
				this.remaining = Math.max(0, info.remaining - this.pending.size);
			} else if (this.sharing(now)) {
				// Others spend it too: believe the latest count, less what is still on its way.
				this.remaining = Math.min(this.remaining, Math.max(0, info.remaining - this.pending.size));
			} else {
				this.remaining = Math.min(this.remaining, info.remaining);
			}
			if (this.limit === undefined) this.limit = info.remaining + 1;
		}
		if (info.resetAt !== undefined) this.resetAt = info.resetAt;
		this.wake();
	}

	/** A 429: nothing is left until the window resets (or a minute, when Lofty did not say). */
	exhausted(info: RateLimitHeaders, ticket: number, now = Date.now()): number {
		const earlier = this.settle(ticket);
		// Without counts, a 429 while this process still had budget is the only sign of others.
		const countable = info.resetAt !== undefined && (info.limit ?? this.limit) !== undefined;
		const unexplained = countable ? this.othersIn({ ...info, remaining: 0 }, false, now, earlier) : (this.remaining ?? 0) > 0;
		if (unexplained) this.sharedUntil = now + this.quietMs();
		if (info.limit !== undefined) this.limit = info.limit;
		this.remaining = 0;
		this.resetAt = info.resetAt ?? now + DEFAULT_RESET_WAIT_MS;
		this.wake();
		return this.resetAt - now;
	}

	/**
	 * Frees a request's slot. Returns how many of this process's requests still in flight Lofty may
	 * have counted in this answer: those sent before it, and those sent so soon after that they may
	 * have overtaken it; not the rest of a burst, which would hide others' requests.
	 */
	private settle(ticket: number): number {
		const sentAt = this.pending.get(ticket);
		if (sentAt === undefined) return this.pending.size;
		this.pending.delete(ticket);
		let counted = 0;
		for (const [other, at] of this.pending) if (other < ticket || at - sentAt <= OVERTAKE_MS) counted++;
		return counted;
	}

	/**
	 * Counts an answer against its window (a 429 spent nothing). True when the window holds more
	 * requests than this process can have put in it: those it had answered in it and those it sent
	 * before this one that are still in flight (`earlier`).
	 */
	private othersIn(info: RateLimitHeaders, spent: boolean, now: number, earlier: number): boolean {
		if (info.resetAt === undefined) {
			// No window to count against; the answers still open the way for more in flight.
			if (spent) this.answeredInWindow++;
			return false;
		}
		this.windowMs = Math.min(LONGEST_RESET_WAIT_MS, Math.max(this.windowMs ?? 0, info.resetAt - now));
		if (this.countedResetAt === undefined || info.resetAt > this.countedResetAt + SAME_WINDOW_MS) {
			this.countedResetAt = info.resetAt;
			this.answeredInWindow = 0;
		} else if (info.resetAt < this.countedResetAt - SAME_WINDOW_MS) {
			// A late answer from an earlier window.
			return false;
		}
		if (spent) this.answeredInWindow++;
		const limit = info.limit ?? this.limit;
		if (limit === undefined || info.remaining === undefined) return false;
		return limit - info.remaining > this.answeredInWindow + earlier;
	}

	private quietMs(): number {
		return QUIET_WINDOWS * (this.windowMs ?? LONGEST_WINDOW_MS);
	}

	/** Shared mode: how long until the next send, so what is left lasts to the window's end. */
	private pace(now: number): number {
		if (this.resetAt === undefined || this.remaining === undefined) return 0;
		const due = this.lastSendAt + (this.resetAt - this.lastSendAt) / (this.remaining + 1);
		return Math.max(0, Math.ceil(due - now));
	}

	private take(): number {
		this.lastSendAt = Date.now();
		const ticket = ++this.lastTicket;
		this.pending.set(ticket, this.lastSendAt);
		return ticket;
	}

	private wake(): void {
		const waiters = this.waiters;
		this.waiters = [];
		for (const resolve of waiters) resolve();
	}

	private async nextRelease(signal?: AbortSignal): Promise<void> {
		// One re-check a second, shared by every waiter, keeps them alive even if a release is never
		// seen. A timer and an abort listener per wait would pile up: 2,000 waiting items wake on
		// every release, and n8n's sleep drops its listener only when its timer fires.
		this.recheck ??= sleep(1_000).then(() => {
			this.recheck = undefined;
			this.wake();
		});
		if (!signal) return await new Promise<void>((resolve) => this.waiters.push(resolve));
		if (signal.aborted) throw new Error('The execution was canceled');
		let onAbort = () => {};
		try {
			await new Promise<void>((resolve, reject) => {
				this.waiters.push(resolve);
				onAbort = () => reject(new Error('The execution was canceled'));
				signal.addEventListener('abort', onAbort, { once: true });
			});
		} finally {
			signal.removeEventListener('abort', onAbort);
		}
	}
}

const budgets = new Map<string, RateBudget>();

/** The budget for one credential, shared by every Lofty node in this n8n process. */
export function budgetFor(key: string): RateBudget {
	let budget = budgets.get(key);
	if (!budget) {
		budget = new RateBudget();
		budgets.set(key, budget);
	}
	return budget;
}
