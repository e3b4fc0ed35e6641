/**
 * A test clock for long waits. While `body` runs, every timer whose delay lies in
 * [fromMs, toMs] fires after a few real milliseconds and Date.now() jumps ahead by the delay, so
 * code that sleeps and then looks at the time sees the whole wait. Other timers (sockets,
 * back-offs, request timeouts) keep real time. Resolves the body's result and the delays skipped.
 */
import { globalObject } from './node';

export async function skippingWaits<T>(
	range: { fromMs: number; toMs: number },
	body: () => Promise<T>,
): Promise<{ result: T; skippedMs: number[] }> {
	const realSetTimeout = globalObject.setTimeout;
	const realNow = Date.now;
	let offset = 0;
	const skippedMs: number[] = [];
	Date.now = () => realNow() + offset;
	globalObject.setTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
		if (typeof ms !== 'number' || ms < range.fromMs || ms > range.toMs) return realSetTimeout(callback, ms, ...args);
		skippedMs.push(ms);
		return realSetTimeout(() => {
			offset += ms;
			callback(...args);
		}, 5);
	}) as typeof globalObject.setTimeout;
	try {
		return { result: await body(), skippedMs };
	} finally {
		globalObject.setTimeout = realSetTimeout;
		Date.now = realNow;
	}
}
