import type { IDataObject, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { DateFormat } from './dates';
import { formatForLofty, parseDateInput } from './dates';
import type { ItemContext } from './hooks';
import { itemParameter, preSend } from './hooks';
import { checkJsonDepth, parseExactJson } from './json';
import { isObject } from './objects';
import { quoted } from './text';

/** What a field's value must be before anything is sent to Lofty. */
export type ParameterCheck = 'id' | 'ids' | 'json' | 'email' | 'positiveInteger' | 'integer' | 'date' | 'changes';

/** A rule of one operation, checked by the walker (fieldRules.ts) before anything is sent. */
export interface FieldRule {
	/**
	 * A parameter ("leadId", "filters.userId"), or a place in the request built, after Additional
	 * Body: "body.leadId", "qs.startTime", "body.tagIds[]" for each entry of a list,
	 * "body.split[].payTo" inside lists. At a place, integers become JSON numbers and dates the
	 * form the endpoint expects.
	 */
	at: string;
	/** The field's display name, used in the error. */
	label: string;
	check: ParameterCheck;
	/** Skip the check when the field is empty or was never added (filters, Update Fields). */
	optional?: boolean;
	/** For 'date': the form the endpoint expects (epoch milliseconds unless said). */
	format?: DateFormat;
	/** For 'changes' (at "body"): keys that are no change (the record's own id). */
	except?: string[];
}

export const NOTHING_SENT = 'Nothing was sent to Lofty.';

export function refuse(ctx: ItemContext, message: string, description = NOTHING_SENT): never {
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex: ctx.getItemIndex(), description });
}

export function isEmpty(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

/** Lofty ids are 64-bit integers; they travel as digit strings so none loses precision. */
export function isId(value: unknown): boolean {
	const text = String(value).trim();
	return /^\d{1,19}$/.test(text) && text !== '0';
}

/** The longest address SMTP carries (RFC 5321); anything longer is refused before it is read. */
export const MAX_EMAIL_LENGTH = 254;

/**
 * One "@" with something before it, a domain of at least two non-empty dot-separated labels, no
 * spaces. Checked in one pass: the pattern /^[^\s@]+@[^\s@]+\.[^\s@]+$/ took 11 s on 100 KB of "a@....@".
 */
export function isEmail(value: string): boolean {
	if (value.length > MAX_EMAIL_LENGTH || /\s/.test(value)) return false;
	const at = value.indexOf('@');
	if (at <= 0 || value.indexOf('@', at + 1) !== -1) return false;
	const labels = value.slice(at + 1).split('.');
	return labels.length >= 2 && labels.every((label) => label !== '');
}

const notAnId = (value: unknown) => `must be a numeric Lofty ID, got ${quoted(value)}`;

/** Why a value is not a Lofty ID, naming the field and cutting the value short; undefined when it is one. */
export function idProblem(value: unknown, label: string): string | undefined {
	return isId(value) ? undefined : `"${label}" ${notAnId(value)}`;
}

/** A value that cannot go into a URL path as a Lofty ID. */
export class InvalidIdError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'InvalidIdError';
	}
}

/**
 * An id as a URL path segment: checked to be a Lofty ID, then encoded, so a value such as
 * "1/../../users/x" never sends the credential to another path.
 */
export function idSegment(value: unknown, label: string): string {
	const problem = idProblem(value, label);
	if (problem) throw new InvalidIdError(problem);
	return encodeURIComponent(String(value).trim());
}

/** What is wrong with a value for a check, or undefined when nothing is. */
export function parameterProblem(check: ParameterCheck, value: unknown): string | undefined {
	switch (check) {
		case 'id':
			if (isEmpty(value)) return 'is required';
			return isId(value) ? undefined : notAnId(value);
		case 'ids': {
			if (isEmpty(value)) return undefined;
			const list = Array.isArray(value) ? value : String(value).split(',');
			const bad = list.find((entry) => !isId(entry));
			return bad === undefined ? undefined : `must be numeric Lofty IDs, got ${quoted(bad)}`;
		}
		case 'json':
			if (isEmpty(value) || typeof value === 'object') return undefined;
			try {
				checkJsonDepth(String(value));
				JSON.parse(String(value));
				return undefined;
			} catch (error) {
				return `is not valid JSON (${(error as Error).message})`;
			}
		case 'email':
			if (isEmpty(value)) return undefined;
			return isEmail(String(value).trim()) ? undefined : `must be an email address, got ${quoted(value)}`;
		case 'positiveInteger': {
			const n = Number(value);
			return Number.isInteger(n) && n >= 1 ? undefined : `must be a whole number of at least 1, got ${quoted(value)}`;
		}
		case 'integer':
			if (isEmpty(value)) return undefined;
			return loftyInteger(value) === undefined ? `must be a whole number, got ${quoted(value)}` : undefined;
		case 'date':
			if (isEmpty(value)) return undefined;
			return parseDateInput(value) ? undefined : `is not a date Lofty can use: ${quoted(value)}`;
		case 'changes':
			return undefined;
	}
}

/** A rule for a parameter: its value (read once per item) must pass the check. */
export function checkParameterRule(ctx: ItemContext, rule: FieldRule): void {
	const value = itemParameter(ctx, rule.at);
	if (rule.optional && isEmpty(value)) return;
	const problem = parameterProblem(rule.check, value);
	if (problem) refuse(ctx, `"${rule.label}" ${problem}`);
}

/** Every [container, key] that a path such as "leadFamilyMemberList[].birthday" names. */
export function slotsAt(root: unknown, path: string[]): Array<[IDataObject, string]> {
	let containers: unknown[] = [root];
	for (const segment of path.slice(0, -1)) {
		const key = segment.replace(/\[\]$/, '');
		containers = containers.flatMap((container) => {
			if (typeof container !== 'object' || container === null) return [];
			const next = (container as IDataObject)[key];
			return segment.endsWith('[]') ? (Array.isArray(next) ? next : []) : [next];
		});
	}
	const last = path[path.length - 1];
	return containers
		.filter((container): container is IDataObject => typeof container === 'object' && container !== null)
		.map((container) => [container, last]);
}

/**
 * A rule at a place in the request (FieldRule.at "body.leadId", "qs.startTime", "body.tagIds[]"):
 * integers become JSON numbers and dates the endpoint's form; other checks only check.
 */
export function applyRequestRule(ctx: ItemContext, requestOptions: IHttpRequestOptions, rule: FieldRule): void {
	if (rule.check === 'changes') {
		const body = isObject(requestOptions.body) ? requestOptions.body : {};
		if (Object.keys(body).every((key) => (rule.except ?? []).includes(key))) {
			refuse(ctx, `Add at least one field to "${rule.label}"`, `There is nothing to change. ${NOTHING_SENT}`);
		}
		return;
	}
	const [where, ...path] = rule.at.split('.');
	const isList = path[path.length - 1].endsWith('[]');
	const slots = slotsAt(where === 'qs' ? requestOptions.qs : requestOptions.body, [
		...path.slice(0, -1),
		path[path.length - 1].replace(/\[\]$/, ''),
	]);
	for (const [holder, key] of slots) {
		const raw = holder[key];
		// Left for compactBody, as an unfilled optional field is.
		if (raw === undefined || raw === null || String(raw).trim() === '') continue;
		if (rule.check === 'integer') {
			const entries = isList ? (Array.isArray(raw) ? raw : String(raw).split(',').filter((entry) => entry.trim() !== '')) : [raw];
			const numbers = entries.map((entry) => {
				const number = loftyInteger(entry);
				if (number === undefined) {
					refuse(ctx, `"${rule.label}" must be a whole number, got ${quoted(entry)}`, `Lofty takes this field as a number. ${NOTHING_SENT}`);
				}
				return number;
			});
			holder[key] = (isList ? numbers : numbers[0]) as unknown as IDataObject[string];
		} else if (rule.check === 'date') {
			const parsed = parseDateInput(raw, ctx.getTimezone());
			if (!parsed) {
				refuse(
					ctx,
					`"${rule.label}" is not a date Lofty can use: ${quoted(raw)}`,
					`Use an ISO date-time such as 2026-01-31T09:00:00, or epoch milliseconds. ${NOTHING_SENT}`,
				);
			}
			holder[key] = formatForLofty(parsed, rule.format ?? 'epochMs');
		} else {
			const entries = isList && Array.isArray(raw) ? raw : [raw];
			for (const entry of entries) {
				const problem = parameterProblem(rule.check, entry);
				if (problem) refuse(ctx, `"${rule.label}" ${problem}`);
			}
		}
	}
}

/** `extra` merged into `base` key by key at every level; keys that could reach a prototype are dropped. */
function deepMerge(base: IDataObject, extra: IDataObject): IDataObject {
	const merged: IDataObject = { ...base };
	for (const [key, value] of Object.entries(extra)) {
		if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
		const current = merged[key];
		merged[key] = isObject(value) && isObject(current) ? deepMerge(current, value) : value;
	}
	return merged;
}

/**
 * A JSON field's value: an object as it is, text parsed with every digit of an id above 2^53 kept
 * (JSON.parse would send 9007199254740993 as …992). Text that is not JSON is refused, naming the field.
 */
export function jsonFieldValue(ctx: ItemContext, label: string, raw: unknown): unknown {
	if (typeof raw !== 'string') return raw;
	try {
		return parseExactJson(raw);
	} catch (error) {
		refuse(ctx, `"${label}" is not valid JSON`, `${(error as Error).message}. ${NOTHING_SENT}`);
	}
}

/**
 * Merges a raw-JSON parameter (Additional Body (JSON)) into the body, for fields the form does
 * not model. It is merged at every level, so {"accountInfo": {"domain": "x"}} keeps the form's
 * other accountInfo fields; where both give the same field, the JSON's value is sent. Integers
 * above 2^53 are sent with every digit.
 */
export function mergeJsonBody(parameter: string, label: string): PreSendAction {
	return preSend(async function (requestOptions: IHttpRequestOptions) {
		const raw = itemParameter(this, parameter);
		if (isEmpty(raw)) return requestOptions;
		const parsed = jsonFieldValue(this, label, raw);
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
			throw new NodeOperationError(this.getNode(), `"${label}" must be a JSON object`, {
				itemIndex: this.getItemIndex(),
				description: 'Nothing was sent to Lofty.',
			});
		}
		requestOptions.body = deepMerge(isObject(requestOptions.body) ? requestOptions.body : {}, parsed as IDataObject);
		return requestOptions;
	});
}

/** Drops empty strings, empty arrays and empty objects that unfilled optional fields leave in a body. */
export const compactBody = preSend(async function (requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const prune = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(prune).filter((entry) => !isEmptyish(entry));
		if (typeof value === 'object' && value !== null) {
			const out: IDataObject = {};
			for (const [key, entry] of Object.entries(value)) {
				const pruned = prune(entry);
				if (!isEmptyish(pruned)) out[key] = pruned as IDataObject[string];
			}
			return out;
		}
		return value;
	};
	const isEmptyish = (value: unknown) =>
		isEmpty(value) || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
	if (requestOptions.body && typeof requestOptions.body === 'object' && !Buffer.isBuffer(requestOptions.body)) {
		requestOptions.body = prune(requestOptions.body) as IDataObject;
	}
	if (requestOptions.qs) requestOptions.qs = prune(requestOptions.qs) as IDataObject;
	return requestOptions;
});

/** "12", " 12 " or 12 → 12; an id above 2^53 → a BigInt with every digit; anything else → undefined. */
export function loftyInteger(value: unknown): number | bigint | undefined {
	if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
	if (typeof value === 'bigint') return value;
	const text = String(value).trim();
	if (!/^-?\d{1,19}$/.test(text)) return undefined;
	const number = Number(text);
	return Number.isSafeInteger(number) ? number : BigInt(text);
}

/**
 * Rules for Lofty's integer(int64) fields at their places in the request ("body.assignedUserId":
 * label): sent as JSON numbers, as the reference types them (a strict JSON binder refuses "12").
 */
export function integerRules(fields: Record<string, string>): FieldRule[] {
	return Object.entries(fields).map(([at, label]) => ({ at, label, check: 'integer' }));
}

/** Rules for date fields at their places in the request, each sent in the form its endpoint expects. */
export function dateRules(fields: Record<string, { format: DateFormat; label: string }>): FieldRule[] {
	return Object.entries(fields).map(([at, { format, label }]) => ({ at, label, check: 'date', format }));
}

/**
 * The same date rules run as a step, for the two operations whose next step compares the dates
 * (Communication's and System Log's time ranges): the walker's rules run only after every step.
 */
export function convertDates(fields: Record<string, { format: DateFormat; label: string }>): PreSendAction {
	return preSend(async function (requestOptions: IHttpRequestOptions) {
		for (const rule of dateRules(fields)) applyRequestRule(this, requestOptions, rule);
		return requestOptions;
	});
}
