import type { IDataObject } from 'n8n-workflow';

/** A JSON object: not null, not a list. */
export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys to read from whatever a field or an answer holds: the value itself when it has keys, else {}. */
export const asObject = (value: unknown): IDataObject => (typeof value === 'object' && value !== null ? (value as IDataObject) : {});

/** A response header by its name in any case, as text (the first of a repeated one), or undefined. */
export function headerOf(headers: Record<string, unknown> | undefined, name: string): string | undefined {
	const wanted = name.toLowerCase();
	const key = Object.keys(headers ?? {}).find((candidate) => candidate.toLowerCase() === wanted);
	const value = key === undefined ? undefined : (headers as Record<string, unknown>)[key];
	const first = Array.isArray(value) ? value[0] : value;
	return first === undefined || first === null ? undefined : String(first);
}

/** A record picker's (resource locator's) stored value: `{ __rl: true, mode, value }`. */
export const isRecordPicker = (value: unknown): boolean => typeof value === 'object' && value !== null && '__rl' in value;
