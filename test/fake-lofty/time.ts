/**
 * Date-time helpers. Lofty parses `leadCreateTime`/`leadUpdateTime` as wall time in a
 * fixed UTC-7 zone ("UCT-7" in the reference), pattern `yyyy-MM-dd HH:mm:ss`.
 */
import type { TimeFormat } from './types';
import { badRequest } from './errors';

export const UTC_MINUS_7_OFFSET_MS = 7 * 3600 * 1000;

const WALL_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

/** `yyyy-MM-dd HH:mm:ss` wall time of an instant in the given fixed offset. */
function wallTime(ms: number, offsetMs: number): string {
	const d = new Date(ms - offsetMs);
	return (
		`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
		`${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
	);
}

/** Wall time at UTC-7, the form of the lead time search parameters. */
export function toUtcMinus7(ms: number): string {
	return wallTime(ms, UTC_MINUS_7_OFFSET_MS);
}

/** `2024-01-01T00:00:00Z` (whole seconds). */
export function toIsoSeconds(ms: number): string {
	return wallTime(ms, 0).replace(' ', 'T') + 'Z';
}

export function formatTime(ms: number, format: TimeFormat): string {
	return format === 'utc-7' ? toUtcMinus7(ms) : toIsoSeconds(ms);
}

export function formatOptionalTime(ms: number | undefined, format: TimeFormat): string | null {
	return ms === undefined ? null : formatTime(ms, format);
}

/**
 * Parses `yyyy-MM-dd HH:mm:ss` as UTC-7 wall time; throws a 400 naming the parameter
 * when the text does not follow the pattern or is not a real date.
 */
export function parseUtcMinus7(text: string, paramName: string): number {
	const m = WALL_RE.exec(text.trim());
	const invalid = badRequest(`${paramName} is not valid: '${text}', expected yyyy-MM-dd HH:mm:ss`);
	if (!m) throw invalid;
	const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
	const utc = Date.UTC(year, month - 1, day, hour, minute, second);
	const check = new Date(utc);
	if (
		check.getUTCFullYear() !== year ||
		check.getUTCMonth() !== month - 1 ||
		check.getUTCDate() !== day ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	) {
		throw invalid;
	}
	return utc + UTC_MINUS_7_OFFSET_MS;
}
