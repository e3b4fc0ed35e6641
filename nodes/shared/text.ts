/** Longest part of a value that an error message repeats. */
export const QUOTE_LIMIT = 80;

/** Text cut to `limit` characters, with "…" when something was cut. */
export function clipped(text: string, limit = QUOTE_LIMIT): string {
	return text.length <= limit ? text : `${text.slice(0, limit)}…`;
}

/**
 * A value as an error message quotes it: in double quotes, cut to a readable length. The value
 * may be a whole upstream item; repeating all of it would bury the message.
 */
export function quoted(value: unknown, limit = QUOTE_LIMIT): string {
	const text = String(value);
	return text.length <= limit ? `"${text}"` : `"${clipped(text, limit)}" (${text.length} characters)`;
}

/** "https://x.com///" → "https://x.com", in one pass (a /\/+$/ pattern is quadratic on "////…x"). */
export function withoutTrailingSlashes(text: string): string {
	let end = text.length;
	while (end > 0 && text.charCodeAt(end - 1) === 0x2f) end--;
	return text.slice(0, end);
}

/** "a, b,,c" → ["a", "b", "c"] */
export const splitCommaList = (value: unknown): string[] =>
	String(value ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
