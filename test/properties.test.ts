/**
 * Property-based tests (fast-check) of what reads outside input: the input checks, the JSON
 * reader, the XML parser and the rate-limit header reader. Each property says what must always
 * hold: time linear in the input, no throw but the reader's own named error, exact round-trips.
 * The seed is fixed in CI and random locally (test/support/properties.ts).
 */
import fc from 'fast-check';

import { isElement, parseXml, MAX_DEPTH, XmlSyntaxError } from '../nodes/LoftyListing/xml';
import { elementToJson } from '../nodes/LoftyListing/xmlJson';
import type { XmlElement, XmlNode } from '../nodes/LoftyListing/xml';
import { parseDateInput } from '../nodes/shared/dates';
import { idProblem, idSegment, InvalidIdError, isEmail, isId, MAX_EMAIL_LENGTH } from '../nodes/shared/input';
import { checkJsonDepth, JsonTooDeepError, MAX_NESTING, parseLoftyBody } from '../nodes/shared/json';
import { quoted, QUOTE_LIMIT, withoutTrailingSlashes } from '../nodes/shared/text';
import { LONGEST_RESET_WAIT_MS, parseResetAt, readRateLimitHeaders } from '../nodes/shared/throttle';
import { expectLinear } from './support/linear';
import { HOSTILE_CHARS, hostileUnit, repeatTo, usePropertySeed } from './support/properties';

usePropertySeed('properties');

/** Timing properties measure three sizes per case: a few cases each. */
const TIMED = { numRuns: 4 };

/** Runs `read`, turning the one error it may throw into a value; any other error fails the property. */
function onlyThrows<T>(read: () => T, allowed: new (...args: never[]) => Error): T | Error {
	let thrown: unknown;
	try {
		return read();
	} catch (error) {
		thrown = error;
	}
	if (thrown instanceof allowed) return thrown;
	throw thrown;
}

const anyText = fc.string({ unit: fc.constantFrom(...HOSTILE_CHARS), maxLength: 300 });

describe('input checks', () => {
	it('every check runs in linear time on repeated hostile patterns (100 KB and 1 MB)', async () => {
		const checks: Array<[string, (input: string) => unknown]> = [
			['email', (input) => isEmail(input.trim())],
			['id', (input) => idProblem(input, 'Lead ID')],
			['date', (input) => parseDateInput(input)],
			['quote', (input) => quoted(input)],
			['trailing slashes', (input) => withoutTrailingSlashes(input)],
		];
		await fc.assert(
			fc.asyncProperty(hostileUnit, async (unit) => {
				for (const [name, check] of checks) {
					await expectLinear(`${name} check on ${JSON.stringify(unit)} repeated`, check, (size) => repeatTo(unit, size));
				}
			}),
			TIMED,
		);
	});

	it('the issue\'s "a@" + dots + "@" is refused in linear time', async () => {
		await expectLinear('email check on "a@....@"', (input) => isEmail(input), (size) => `a@${'.'.repeat(size - 3)}@`);
	});

	it('an address it takes has one "@", no spaces, non-empty dot-separated domain labels and at most 254 characters', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				if (!isEmail(text)) return true;
				const [local, domain, ...rest] = text.split('@');
				return (
					text.length <= MAX_EMAIL_LENGTH &&
					rest.length === 0 &&
					local !== '' &&
					!/\s/.test(text) &&
					domain.split('.').length >= 2 &&
					domain.split('.').every((label) => label !== '')
				);
			}),
		);
	});

	it('takes every address built from a local part and two or more labels, up to 254 characters', () => {
		const word = fc.string({ unit: fc.constantFrom('a', 'z', '0', '-', '_', '+', 'é'), minLength: 1, maxLength: 20 });
		fc.assert(
			fc.property(word, fc.array(word, { minLength: 2, maxLength: 5 }), (local, labels) => {
				const address = `${local}@${labels.join('.')}`;
				return isEmail(address) === address.length <= MAX_EMAIL_LENGTH;
			}),
		);
	});

	it('64-bit ids go into a URL digit for digit; anything else throws InvalidIdError with a short message', () => {
		fc.assert(
			fc.property(fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }), (id) => idSegment(` ${id} `, 'Lead ID') === id.toString()),
		);
		fc.assert(
			fc.property(anyText, (text) => {
				const segment = onlyThrows(() => idSegment(text, 'Lead ID'), InvalidIdError);
				if (segment instanceof Error) return !isId(text) && segment.message.length <= 'Lead ID'.length + QUOTE_LIMIT + 60;
				return /^\d{1,19}$/.test(segment) && segment === text.trim();
			}),
		);
	});

	it('a quoted value is the value itself when short, and cut to the limit when long', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 3 * QUOTE_LIMIT }), (text) => {
				const quote = quoted(text);
				return text.length <= QUOTE_LIMIT ? quote === `"${text}"` : quote.startsWith(`"${text.slice(0, QUOTE_LIMIT)}…"`) && quote.length < QUOTE_LIMIT + 40;
			}),
		);
	});

	it('trailing slashes are removed exactly as /\\/+$/ would (on short text, where the pattern is cheap)', () => {
		fc.assert(fc.property(fc.string({ unit: fc.constantFrom('/', 'a', ':', '?'), maxLength: 40 }), (text) => withoutTrailingSlashes(text) === text.replace(/\/+$/, '')));
	});

	it('no date input throws', () => {
		fc.assert(fc.property(fc.oneof(anyText, fc.string({ maxLength: 200 })), (text) => parseDateInput(text) === undefined || parseDateInput(text)!.isValid));
	});
});

describe('JSON reader', () => {
	/** What the reader must give for JSON text: JSON.parse's answer, with integers beyond 2^53 as their exact digits. */
	function expected(value: unknown): unknown {
		if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value) && Math.abs(value) < 1e21 ? String(value) : value;
		if (Array.isArray(value)) return value.map(expected);
		if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, expected(entry)]));
		return value;
	}

	it('64-bit ids round-trip digit for digit, wherever they are', () => {
		fc.assert(
			fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }), fc.jsonValue({ maxDepth: 3 }), (id, beside) => {
				const text = `{"before":${JSON.stringify(beside)},"leadId":${id},"ids":[${id},${id}]}`;
				const read = parseLoftyBody(text) as { leadId: unknown; ids: unknown[] };
				return String(read.leadId) === id.toString() && read.ids.every((entry) => String(entry) === id.toString());
			}),
		);
	});

	it('any JSON document reads as JSON.parse reads it, large integers kept as digits', () => {
		fc.assert(
			fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
				const text = JSON.stringify({ value });
				expect(parseLoftyBody(text)).toEqual(expected(JSON.parse(text)));
			}),
		);
	});

	it('any text reads without throwing, except JsonTooDeepError for nesting past the limit', () => {
		fc.assert(fc.property(fc.oneof(anyText, fc.string({ maxLength: 300 })), (text) => onlyThrows(() => parseLoftyBody(text), JsonTooDeepError) !== null));
	});

	it(`nesting up to ${MAX_NESTING} levels reads; one more throws JsonTooDeepError`, () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 3 * MAX_NESTING }), fc.constantFrom('[]', '{}'), (depth, pair) => {
				const open = pair === '[]' ? '[' : '{"a":';
				const close = pair === '[]' ? ']' : '}';
				const text = `${open.repeat(depth - 1)}${pair}${close.repeat(depth - 1)}`;
				const read = onlyThrows(() => parseLoftyBody(text), JsonTooDeepError);
				return depth <= MAX_NESTING ? !(read instanceof Error) : read instanceof JsonTooDeepError;
			}),
		);
	});

	it('reads in linear time on repeated hostile patterns (100 KB and 1 MB)', async () => {
		const jsonUnit = fc.array(fc.constantFrom('[', ']', '{', '}', '"', '\\', '1', '9', '-', 'e', '.', ',', ':', ' '), { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));
		await fc.assert(
			fc.asyncProperty(jsonUnit, async (unit) => {
				await expectLinear(`JSON reader on ${JSON.stringify(unit)} repeated`, (input) => onlyThrows(() => parseLoftyBody(input), JsonTooDeepError), (size) => repeatTo(unit, size));
				await expectLinear(`JSON depth check on ${JSON.stringify(unit)} repeated`, (input) => onlyThrows(() => checkJsonDepth(input), JsonTooDeepError), (size) => repeatTo(unit, size));
			}),
			TIMED,
		);
	});
});

describe('XML parser', () => {
	const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,8}$/);
	/** Characters XML allows, markup characters included: the serializer must escape them. */
	const xmlText = fc.string({ unit: fc.constantFrom('a', ' ', '<', '>', '&', '"', "'", '\t', '\n', '\r', ']', 'é', '日', '😀'), maxLength: 12 });

	const { element } = fc.letrec<{ element: XmlElement; node: XmlNode }>((tie) => ({
		element: fc.record({
			name,
			attributes: fc.uniqueArray(fc.tuple(name, xmlText), { selector: ([key]) => key, maxLength: 3 }),
			children: fc.array(tie('node'), { maxLength: 4 }),
		}),
		node: fc.oneof(
			{ depthSize: 'small', withCrossShrink: true },
			fc.record({ text: xmlText, cdata: fc.constant(false) }),
			fc.record({ text: xmlText.filter((text) => !text.includes(']]>') && !text.includes('\r')), cdata: fc.constant(true) }),
			tie('element'),
		),
	}));

	const escape = (text: string) =>
		text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

	function serialize(node: XmlNode): string {
		if (!isElement(node)) return node.cdata ? `<![CDATA[${node.text}]]>` : escape(node.text);
		const attributes = node.attributes.map(([key, value]) => ` ${key}="${escape(value)}"`).join('');
		return `<${node.name}${attributes}>${node.children.map(serialize).join('')}</${node.name}>`;
	}

	/** The tree as the parser must give it back: adjacent text runs joined, empty ones gone. */
	function normalized(element: XmlElement): XmlElement {
		const children: XmlNode[] = [];
		for (const child of element.children) {
			if (isElement(child)) children.push(normalized(child));
			else if (child.text === '' && !child.cdata) continue;
			else {
				const last = children[children.length - 1];
				if (!child.cdata && last && !isElement(last) && !last.cdata) last.text += child.text;
				else children.push({ ...child });
			}
		}
		return { name: element.name, attributes: element.attributes, children };
	}

	it('round-trips every element tree exactly: names, attribute values, text and CDATA', () => {
		fc.assert(fc.property(element, (tree) => expect(parseXml(serialize(tree))).toEqual(normalized(tree))));
	});

	it('any text parses or throws XmlSyntaxError, with a message of readable length', () => {
		fc.assert(
			fc.property(fc.oneof(anyText, fc.string({ maxLength: 300 }), element.map(serialize).chain((xml) => fc.nat(xml.length).map((cut) => xml.slice(0, cut)))), (text) => {
				const read = onlyThrows(() => elementToJsonOf(text), XmlSyntaxError);
				return !(read instanceof Error) || read.message.length <= 300;
			}),
		);
	});

	it('a name of a megabyte is cut short in the error that names it', () => {
		const long = 'n'.repeat(1_000_000);
		const read = onlyThrows(() => parseXml(`<${long}></${long}x>`), XmlSyntaxError);
		expect(read).toBeInstanceOf(XmlSyntaxError);
		expect((read as Error).message.length).toBeLessThan(300);
	});

	it(`nesting up to ${MAX_DEPTH} levels parses; deeper throws XmlSyntaxError`, () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 3 * MAX_DEPTH }), (depth) => {
				const read = onlyThrows(() => parseXml(`${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`), XmlSyntaxError);
				return depth <= MAX_DEPTH ? !(read instanceof Error) : read instanceof XmlSyntaxError;
			}),
		);
	});

	it('parses in linear time on repeated hostile patterns (100 KB and 1 MB)', async () => {
		const xmlUnit = fc.array(fc.constantFrom('<', '>', '/', '&', ';', '#', 'a', '=', '"', ' ', '!', '-', '[', ']', '?', 'x'), { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));
		await fc.assert(
			fc.asyncProperty(xmlUnit, async (unit) => {
				await expectLinear(`XML parser on ${JSON.stringify(unit)} repeated`, (input) => onlyThrows(() => elementToJsonOf(input), XmlSyntaxError), (size) => `<r>${repeatTo(unit, size)}`);
			}),
			TIMED,
		);
	});

	/** Parse and convert, as the Listing node does. */
	function elementToJsonOf(text: string) {
		const root = parseXml(text);
		return root ? elementToJson(root) : undefined;
	}
});

describe('rate-limit header reader', () => {
	const NOW = 1_780_000_000_000;
	const headerValue = fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String), fc.double().map(String), fc.bigInt().map(String), fc.constant(undefined), fc.constant(null), fc.array(fc.string({ maxLength: 10 }), { maxLength: 2 }));
	const headerName = (name: string) => fc.constantFrom(name, name.toLowerCase(), name.toUpperCase());

	it('never throws; Remaining is never negative; a reset is never further ahead than the longest window and its slack', () => {
		fc.assert(
			fc.property(fc.tuple(headerName('X-RateLimit-Limit'), headerValue), fc.tuple(headerName('X-RateLimit-Remaining'), headerValue), fc.tuple(headerName('X-RateLimit-Reset'), headerValue), (limit, remaining, reset) => {
				const read = readRateLimitHeaders(Object.fromEntries([limit, remaining, reset]), NOW);
				return (
					(read.remaining === undefined || (Number.isFinite(read.remaining) && read.remaining >= 0)) &&
					(read.limit === undefined || Number.isFinite(read.limit)) &&
					(read.resetAt === undefined || (read.resetAt >= NOW - 5_000 && read.resetAt <= NOW + LONGEST_RESET_WAIT_MS))
				);
			}),
		);
	});

	it('reads milliseconds left, epoch milliseconds and epoch seconds exactly within a window, and clamps later resets', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 60 * 60_000 }), (left) => {
				const expectedAt = NOW + Math.min(left, LONGEST_RESET_WAIT_MS);
				return (
					parseResetAt(left, NOW) === expectedAt &&
					parseResetAt(NOW + left, NOW) === expectedAt &&
					parseResetAt(Math.floor((NOW + left) / 1000), NOW) === NOW + Math.min(Math.floor(left / 1000) * 1000, LONGEST_RESET_WAIT_MS)
				);
			}),
		);
	});

	it('Remaining reads back exactly when not negative, and as 0 when it is', () => {
		fc.assert(fc.property(fc.integer(), (remaining) => readRateLimitHeaders({ 'x-ratelimit-remaining': String(remaining) }, NOW).remaining === Math.max(0, remaining)));
	});
});
