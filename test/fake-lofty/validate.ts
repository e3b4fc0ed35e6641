/**
 * Readers for query parameters and JSON bodies that behave like Lofty's Spring/Jackson
 * stack: query scalars are converted strictly (a bad integer is a 400), a single-valued
 * parameter sent twice is joined with commas, a single list value is split on commas,
 * JSON scalars are coerced the way Jackson does ("12" is a fine long, 12 a fine string),
 * but a scalar where a list or object is expected is a 400.
 */
import { badRequest } from './errors';

export type RawQuery = Record<string, string | string[]>;

const INTEGER_RE = /^[-+]?\d+$/;
const NUMBER_RE = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const TRUE_WORDS = ['true', 'on', 'yes', '1'];
const FALSE_WORDS = ['false', 'off', 'no', '0'];

function parseIntegerText(text: string): number | undefined {
	if (!INTEGER_RE.test(text)) return undefined;
	const n = Number(text);
	return Number.isSafeInteger(n) ? n : undefined;
}

export class QueryReader {
	constructor(readonly raw: RawQuery) {}

	has(name: string): boolean {
		return Object.prototype.hasOwnProperty.call(this.raw, name);
	}

	/** All values of a parameter as sent. */
	values(name: string): string[] {
		const v = this.raw[name];
		if (v === undefined) return [];
		return Array.isArray(v) ? v : [v];
	}

	/** A single-valued string parameter (Spring joins repeated values with commas). Empty = absent. */
	str(name: string): string | undefined {
		const vals = this.values(name);
		if (vals.length === 0) return undefined;
		const joined = vals.join(',');
		return joined === '' ? undefined : joined;
	}

	/** An integer parameter; `invalid` is the error message when it does not convert. */
	int(name: string, invalid?: string): number | undefined {
		const text = this.str(name);
		if (text === undefined) return undefined;
		const n = parseIntegerText(text.trim());
		if (n === undefined) throw badRequest(invalid ?? `${name} is not valid: ${text}`);
		return n;
	}

	bool(name: string): boolean | undefined {
		const text = this.str(name);
		if (text === undefined) return undefined;
		const lower = text.trim().toLowerCase();
		if (TRUE_WORDS.includes(lower)) return true;
		if (FALSE_WORDS.includes(lower)) return false;
		throw badRequest(`${name} is not valid: ${text}`);
	}

	/** A `< string > array(multi)` parameter: repeated keys, or one comma-separated value. */
	list(name: string): string[] {
		const vals = this.values(name);
		const parts = vals.length === 1 ? vals[0].split(',') : vals;
		return parts.map((p) => p.trim()).filter((p) => p !== '');
	}

	intList(name: string): number[] {
		return this.list(name).map((text) => {
			const n = parseIntegerText(text);
			if (n === undefined) throw badRequest(`${name} is not valid: ${text}`);
			return n;
		});
	}
}

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeError(field: string, expected: string): Error {
	return badRequest(`JSON parse error: '${field}' must be ${expected}`);
}

/** The request body must be a JSON object. */
export function bodyObject(body: unknown, what = 'request body'): JsonObject {
	if (!isObject(body)) throw badRequest(`JSON parse error: ${what} must be a JSON object`);
	return body;
}

/** The request body must be a JSON array. */
export function bodyArray(body: unknown, what = 'request body'): unknown[] {
	if (!Array.isArray(body)) throw badRequest(`JSON parse error: ${what} must be a JSON array`);
	return body;
}

function scalarToString(v: unknown, field: string): string {
	if (typeof v === 'string') return v;
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	throw typeError(field, 'a string');
}

function scalarToInt(v: unknown, field: string): number {
	if (typeof v === 'number') {
		if (!Number.isSafeInteger(v)) throw typeError(field, 'an integer');
		return v;
	}
	if (typeof v === 'string') {
		const n = parseIntegerText(v.trim());
		if (n !== undefined) return n;
	}
	throw typeError(field, 'an integer');
}

function scalarToNumber(v: unknown, field: string): number {
	if (typeof v === 'number' && Number.isFinite(v)) return v;
	if (typeof v === 'string' && NUMBER_RE.test(v.trim())) return Number(v.trim());
	throw typeError(field, 'a number');
}

function scalarToBool(v: unknown, field: string): boolean {
	if (typeof v === 'boolean') return v;
	if (v === 'true') return true;
	if (v === 'false') return false;
	throw typeError(field, 'a boolean');
}

/** Field readers: null and absent both read as undefined. */
export function optStr(o: JsonObject, key: string, prefix = ''): string | undefined {
	const v = o[key];
	return v === undefined || v === null ? undefined : scalarToString(v, prefix + key);
}

export function optInt(o: JsonObject, key: string, prefix = ''): number | undefined {
	const v = o[key];
	return v === undefined || v === null ? undefined : scalarToInt(v, prefix + key);
}

export function optNum(o: JsonObject, key: string, prefix = ''): number | undefined {
	const v = o[key];
	return v === undefined || v === null ? undefined : scalarToNumber(v, prefix + key);
}

export function optBool(o: JsonObject, key: string, prefix = ''): boolean | undefined {
	const v = o[key];
	return v === undefined || v === null ? undefined : scalarToBool(v, prefix + key);
}

export function optStrArray(o: JsonObject, key: string, prefix = ''): string[] | undefined {
	const v = o[key];
	if (v === undefined || v === null) return undefined;
	if (!Array.isArray(v)) throw typeError(prefix + key, 'an array of strings');
	return v.map((item) => {
		if (typeof item !== 'string' && typeof item !== 'number') throw typeError(prefix + key, 'an array of strings');
		return String(item);
	});
}

export function optIntArray(o: JsonObject, key: string, prefix = ''): number[] | undefined {
	const v = o[key];
	if (v === undefined || v === null) return undefined;
	if (!Array.isArray(v)) throw typeError(prefix + key, 'an array of integers');
	return v.map((item) => scalarToInt(item, prefix + key));
}

export function optObj(o: JsonObject, key: string, prefix = ''): JsonObject | undefined {
	const v = o[key];
	if (v === undefined || v === null) return undefined;
	if (!isObject(v)) throw typeError(prefix + key, 'an object');
	return v;
}

export function optObjArray(o: JsonObject, key: string, prefix = ''): JsonObject[] | undefined {
	const v = o[key];
	if (v === undefined || v === null) return undefined;
	if (!Array.isArray(v) || !v.every(isObject)) throw typeError(prefix + key, 'an array of objects');
	return v as JsonObject[];
}

/** Date fields that Lofty accepts either as epoch ms or as a date string. */
export function optDateMs(o: JsonObject, key: string, prefix = ''): number | undefined {
	const v = o[key];
	if (v === undefined || v === null) return undefined;
	if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
	if (typeof v === 'string') {
		const asInt = parseIntegerText(v.trim());
		if (asInt !== undefined) return asInt;
		const parsed = Date.parse(v);
		if (!Number.isNaN(parsed)) return parsed;
	}
	throw typeError(prefix + key, 'a timestamp in milliseconds or a date');
}

/** Copies the listed fields that are present (not undefined) from `src` into a new object. */
export function pickDefined<T extends object>(src: T): Partial<T> {
	const out: Partial<T> = {};
	for (const key of Object.keys(src) as Array<keyof T>) {
		if (src[key] !== undefined) out[key] = src[key];
	}
	return out;
}
