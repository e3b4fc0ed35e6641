import type { IDataObject } from 'n8n-workflow';

/** A JSON object: not null, not a list. */
export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys to read from whatever a field or an answer holds: the value itself when it has keys, else {}. */
export const asObject = (value: unknown): IDataObject => (typeof value === 'object' && value !== null ? (value as IDataObject) : {});

/** A record picker's (resource locator's) stored value: `{ __rl: true, mode, value }`. */
export const isRecordPicker = (value: unknown): boolean => typeof value === 'object' && value !== null && '__rl' in value;
