/** The JSON form of parsed XML: what Get Published Listings outputs for a feed's listings. */
import type { IDataObject } from 'n8n-workflow';

import type { XmlElement } from './xml';
import { isElement, parseXml, textOf } from './xml';

/** Own-property write, so names such as "__proto__" or "constructor" stay plain keys. */
function put(target: IDataObject, key: string, value: unknown): void {
	Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function has(target: IDataObject, key: string): boolean {
	return Object.prototype.hasOwnProperty.call(target, key);
}

/**
 * The JSON form of an element:
 * - no attributes and no child elements: its text ("" when empty or self-closing);
 * - otherwise an object: attributes first (as "@name" when a child element has the same
 *   name), then child elements by name (repeated names become an array, in document order),
 *   then any text beside them as "#text".
 * Values stay strings: Lofty's ids are 64-bit and zip codes keep their leading zeros.
 */
export function elementToJson(element: XmlElement): string | IDataObject {
	const childElements = element.children.filter(isElement);
	if (childElements.length === 0 && element.attributes.length === 0) return textOf(element);
	const out: IDataObject = {};
	const childNames = new Set(childElements.map((child) => child.name));
	for (const [name, value] of element.attributes) put(out, childNames.has(name) ? `@${name}` : name, value);
	for (const child of childElements) {
		// An element's own value is never an array, so an array here means a repeated name.
		const value = elementToJson(child);
		const existing = out[child.name];
		if (!has(out, child.name)) put(out, child.name, value);
		else if (Array.isArray(existing)) (existing as unknown[]).push(value);
		else put(out, child.name, [existing, value]);
	}
	const text = textOf(element);
	if (text !== '') put(out, '#text', text);
	return out;
}

/** Parses a document to `{ <root name>: <root value> }`, or `undefined` when it has no root element. */
export function xmlToJson(input: string): IDataObject | undefined {
	const root = parseXml(input);
	if (!root) return undefined;
	const out: IDataObject = {};
	put(out, root.name, elementToJson(root));
	return out;
}
