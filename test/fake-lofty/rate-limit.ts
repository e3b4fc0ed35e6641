/**
 * Fixed-window rate limiter, one window per authenticated identity.
 * A window starts with the first request after the previous window ended and lasts
 * windowMs. Requests answered 429 do not consume budget.
 */
import type { RateLimitConfig } from './types';

/** Used when no rate limit is configured: nothing is limited, headers are still sent. */
export const UNLIMITED: RateLimitConfig = { limit: 1_000_000, windowMs: 60_000, resetStyle: 'remaining-ms' };

interface Window {
	start: number;
	end: number;
	count: number;
}

export interface RateDecision {
	allowed: boolean;
	headers: Record<string, string>;
	/** When the window the request was counted in began (epoch ms). */
	windowStart: number;
}

export class RateLimiter {
	private config: RateLimitConfig;
	private readonly windows = new Map<string, Window>();

	constructor(config?: RateLimitConfig) {
		this.config = config ?? UNLIMITED;
	}

	get current(): RateLimitConfig {
		return this.config;
	}

	/** Replaces the configuration and forgets all windows. */
	configure(config: RateLimitConfig | undefined): void {
		this.config = config ?? UNLIMITED;
		this.windows.clear();
	}

	/** Decides on one request at `now` and consumes budget when it is allowed. */
	take(identity: string, now: number): RateDecision {
		const { limit, windowMs } = this.config;
		let win = this.windows.get(identity);
		if (!win || now >= win.end) {
			win = { start: now, end: now + windowMs, count: 0 };
			this.windows.set(identity, win);
		}
		const allowed = win.count < limit;
		if (allowed) win.count += 1;
		return { allowed, headers: this.headers(win, now), windowStart: win.start };
	}

	private headers(win: Window, now: number): Record<string, string> {
		const { limit, resetStyle } = this.config;
		if (resetStyle === 'none') return {};
		let reset: number;
		switch (resetStyle) {
			case 'remaining-ms':
				reset = Math.max(0, win.end - now);
				break;
			case 'epoch-seconds':
				reset = Math.ceil(win.end / 1000);
				break;
			case 'epoch-ms':
				reset = win.end;
				break;
		}
		return {
			'X-RateLimit-Limit': String(limit),
			'X-RateLimit-Remaining': String(Math.max(0, limit - win.count)),
			'X-RateLimit-Reset': String(reset),
		};
	}
}
