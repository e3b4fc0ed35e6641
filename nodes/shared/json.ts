import { randomBytes } from 'crypto';

/**
 * Deeper nesting than this is refused. n8n copies and stringifies items recursively: a
 * 1-million-deep answer parses, then overflows the stack. The XML reader uses the same limit.
 */
export const MAX_NESTING = 512;

/** JSON nested deeper than MAX_NESTING. */
export class JsonTooDeepError extends Error {
	constructor() {
		super(`it is nested deeper than ${MAX_NESTING} levels`);
		this.name = 'JsonTooDeepError';
	}
}

/**
 * One pass over JSON text, skipping its strings: refuses nesting deeper than MAX_NESTING and,
 * when `replaceUnsafe` is given, replaces each integer a double cannot hold with what it returns.
 */
function scanJson(text: string, replaceUnsafe?: (digits: string) => string): string {
	let out = '';
	let i = 0;
	let copiedUpTo = 0;
	let depth = 0;
	while (i < text.length) {
		const char = text[i];
		if (char === '"') {
			// Skip a string literal, escapes included.
			i++;
			while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
			i++;
			continue;
		}
		if (char === '{' || char === '[') {
			if (++depth > MAX_NESTING) throw new JsonTooDeepError();
		} else if (char === '}' || char === ']') {
			depth--;
		} else if (replaceUnsafe && (char === '-' || (char >= '0' && char <= '9'))) {
			const start = i;
			i++;
			while (i < text.length && /[0-9.eE+-]/.test(text[i])) i++;
			const token = text.slice(start, i);
			if (/^-?\d{16,}$/.test(token) && !Number.isSafeInteger(Number(token))) {
				out += text.slice(copiedUpTo, start) + replaceUnsafe(token);
				copiedUpTo = i;
			}
			continue;
		}
		i++;
	}
	return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/**
 * Lofty ids are 64-bit integers; JSON.parse rounds any above 2^53 (9007199254740993 becomes
 * …992). Integers that large are turned into strings before parsing, so they survive exactly.
 * Throws JsonTooDeepError for nesting deeper than MAX_NESTING.
 */
export function quoteUnsafeIntegers(text: string): string {
	return scanJson(text, (digits) => `"${digits}"`);
}

/** Throws JsonTooDeepError when JSON text nests deeper than MAX_NESTING. */
export function checkJsonDepth(text: string): void {
	scanJson(text);
}

/**
 * Parses JSON the user typed (Additional Body (JSON) and the like) so that it can be sent back
 * exactly: integers a double cannot hold become BigInts, which stringifyLoftyJson writes digit
 * for digit, while a string stays a string. Throws JsonTooDeepError past MAX_NESTING and
 * SyntaxError for text that is not JSON.
 */
export function parseExactJson(text: string): unknown {
	// Each such integer travels through JSON.parse as a string behind a marker that no typed
	// string can start with (a NUL, then a random tag), and is turned into a BigInt on the way out.
	const marker = `\\u0000${randomBytes(8).toString('hex')}:`;
	let replaced = false;
	const marked = scanJson(text, (digits) => {
		replaced = true;
		return `"${marker}${digits}"`;
	});
	if (!replaced) return JSON.parse(text);
	const prefix = JSON.parse(`"${marker}"`) as string;
	try {
		return JSON.parse(marked, (_key, value: unknown) =>
			typeof value === 'string' && value.startsWith(prefix) ? BigInt(value.slice(prefix.length)) : value,
		);
	} catch {
		// Only text that is not JSON gets here: parsing it as typed throws its error, at positions
		// the markers did not shift.
		return JSON.parse(text);
	}
}

/**
 * Reads a Lofty answer body. JSON (also JSON wrapped in a JSON string, as the reference types many
 * answers "string") becomes data with 64-bit ids intact; anything else stays text. Nesting deeper
 * than MAX_NESTING throws JsonTooDeepError.
 */
export function parseLoftyBody(body: unknown): unknown {
	if (Buffer.isBuffer(body) || typeof body !== 'string') return body;
	const text = body.trim();
	if (text === '') return undefined;
	const looksJson = /^[{["]/.test(text) || /^-?\d/.test(text) || text === 'true' || text === 'false' || text === 'null';
	if (!looksJson) return body;
	// Outside the try: a too-deep answer is an error of its own, not text.
	const quotedText = quoteUnsafeIntegers(text);
	let parsed: unknown;
	try {
		parsed = JSON.parse(quotedText);
	} catch {
		return body;
	}
	if (typeof parsed === 'number' && !Number.isSafeInteger(parsed) && /^-?\d+$/.test(text)) return text;
	if (typeof parsed === 'string' && /^\s*[{[]/.test(parsed)) return parseLoftyBody(parsed);
	return parsed;
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Writes a request body as JSON. Lofty's integer(int64) fields may hold ids above 2^53, which a
 * JavaScript number cannot: such ids are BigInts here and are written digit for digit.
 */
export function stringifyLoftyJson(value: unknown): string | undefined {
	if (typeof value === 'bigint') return value.toString();
	if (value === null || typeof value !== 'object') return JSON.stringify(value);
	if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return stringifyLoftyJson((value as { toJSON(): unknown }).toJSON());
	if (Array.isArray(value)) return `[${value.map((entry) => stringifyLoftyJson(entry) ?? 'null').join(',')}]`;
	const members: string[] = [];
	for (const [key, entry] of Object.entries(value)) {
		// No Lofty field has these names; a value from an upstream item may (prototype pollution attempts).
		if (UNSAFE_KEYS.has(key)) continue;
		const text = stringifyLoftyJson(entry);
		if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
	}
	return `{${members.join(',')}}`;
}
