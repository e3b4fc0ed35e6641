import type { IDataObject } from 'n8n-workflow';

/**
 * `routing.send.value` transforms. Each is the n8n expression that n8n's router would evaluate
 * and the same rule as a function, which the Lofty router (executor.ts) runs instead: a plain
 * function costs nothing per item, an expression costs an isolate call.
 */
type Transform = (value: unknown) => unknown;

const transforms = new Map<string, Transform>();

/** Registers an expression's function form and returns the expression, for `send.value`. */
export function valueTransform(expression: string, transform: Transform): string {
	transforms.set(expression, transform);
	return expression;
}

/** The function form of a `send.value` expression, if one was registered. */
export function valueTransformOf(expression: string): Transform | undefined {
	return transforms.get(expression);
}

const asObject = (value: unknown): IDataObject =>
	typeof value === 'object' && value !== null ? (value as IDataObject) : {};

export { splitCommaList } from './text';
import { splitCommaList } from './text';

/** A text or ID field, without the spaces an expression may leave around it. */
export const trimmed = valueTransform('={{ String($value).trim() }}', (value) => String(value).trim());

/** A comma-separated field sent as a list. */
export const commaList = valueTransform('={{ String($value).split(",").map(v => v.trim()).filter(v => v) }}', splitCommaList);

/** A comma-separated field sent as tidy comma-separated text. */
export const commaText = valueTransform('={{ String($value).split(",").map(v => v.trim()).filter(v => v).join(",") }}', (value) =>
	splitCommaList(value).join(','),
);

/** The rows of a fixed collection's group (`{field: [...]}` → `[...]`), or an empty list. */
export function groupRows(group: string): string {
	return valueTransform(`={{ $value.${group} || [] }}`, (value) => asObject(value)[group] || []);
}

/** A fixed collection's single group (`{details: {...}}` → `{...}`), or an empty object. */
export function groupFields(group: string): string {
	return valueTransform(`={{ $value.${group} || {} }}`, (value) => asObject(value)[group] || {});
}

/** A fixed collection's group as it is, absent when the group was not added. */
export function groupValue(group: string): string {
	return valueTransform(`={{ $value.${group} }}`, (value) => asObject(value)[group]);
}

/**
 * Request paths that name parameters. The same pairing: the n8n expression for n8n's router,
 * and a function the Lofty router calls with the item's (already evaluated) parameters.
 */
type PathBuilder = (parameter: (name: string) => unknown) => string;

const paths = new Map<string, PathBuilder>();

const PLACEHOLDER = /\{(\w+)\}/g;

/** "/v1.0/leads/{leadId}/transaction/{transactionId}": each {name} is that parameter, trimmed and URL-encoded. */
export function apiPath(template: string): string {
	const expression = `=${template.replace(PLACEHOLDER, (_, name: string) => `{{ encodeURIComponent(String($parameter["${name}"]).trim()) }}`)}`;
	paths.set(expression, (parameter) =>
		template.replace(PLACEHOLDER, (_, name: string) => encodeURIComponent(String(parameter(name)).trim())),
	);
	return expression;
}

/** The function form of an `apiPath` expression, if it is one. */
export function apiPathOf(expression: string): PathBuilder | undefined {
	return paths.get(expression);
}
