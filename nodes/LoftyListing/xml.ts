/**
 * A small, strict XML reader for Lofty's published listings feed (community nodes may not
 * depend on an XML library). It accepts well-formed XML 1.0 and refuses anything else with
 * the line and column of the first problem. It does not expand DTD entities (only the five
 * predefined ones and character references), so a feed cannot make it fetch or blow up.
 */

import { MAX_NESTING } from '../shared/json';
import { clipped } from '../shared/text';

export interface XmlText {
	text: string;
	/** CDATA text is kept exactly as written (no trimming). */
	cdata: boolean;
}

export interface XmlElement {
	name: string;
	attributes: Array<[string, string]>;
	children: XmlNode[];
}

export type XmlNode = XmlElement | XmlText;

/** The XML is not well-formed; `line` and `column` are 1-based. */
export class XmlSyntaxError extends Error {
	constructor(
		readonly reason: string,
		readonly line: number,
		readonly column: number,
	) {
		super(`${reason} (line ${line}, column ${column})`);
		this.name = 'XmlSyntaxError';
	}
}

export function isElement(node: XmlNode): node is XmlElement {
	return 'name' in node;
}

/** Deeper nesting than this is refused rather than risking the stack when converting. */
export const MAX_DEPTH = MAX_NESTING;

const PREDEFINED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * XML 1.0's NameStartChar as UTF-16 code-unit ranges, commonest first. Surrogates stand for the
 * characters beyond U+FFFF. Kept as numbers: as a regex character class, the combining marks
 * (U+0300-U+036F) and the joiners (U+200C-U+200D) would read as joined to their neighbours.
 */
const NAME_START: ReadonlyArray<readonly [number, number]> = [
	[0x61, 0x7a], // a-z
	[0x41, 0x5a], // A-Z
	[0x5f, 0x5f], // _
	[0x3a, 0x3a], // :
	[0xc0, 0xd6],
	[0xd8, 0xf6],
	[0xf8, 0x2ff],
	[0x370, 0x37d],
	[0x37f, 0x1fff],
	[0x200c, 0x200d],
	[0x2070, 0x218f],
	[0x2c00, 0x2fef],
	[0x3001, 0xd7ff],
	[0xd800, 0xdfff],
	[0xf900, 0xfdcf],
	[0xfdf0, 0xfffd],
];
/** NameChar: NameStartChar plus digits, "-", "." and the marks XML allows after the first. */
const NAME_CHAR: ReadonlyArray<readonly [number, number]> = [
	...NAME_START,
	[0x30, 0x39], // 0-9
	[0x2d, 0x2e], // - .
	[0xb7, 0xb7],
	[0x300, 0x36f],
	[0x203f, 0x2040],
];

function inRanges(code: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
	for (const [from, to] of ranges) if (code >= from && code <= to) return true;
	return false;
}
const WHITESPACE_RE = /[ \t\n]*/y;

/** First character XML 1.0 forbids anywhere in a document (control characters, U+FFFE, U+FFFF). */
function forbiddenCharAt(src: string): number {
	for (let i = 0; i < src.length; i++) {
		const code = src.charCodeAt(i);
		if ((code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) || code === 0xfffe || code === 0xffff) return i;
	}
	return -1;
}

function isAllowedCodePoint(code: number): boolean {
	return (
		code === 0x9 ||
		code === 0xa ||
		code === 0xd ||
		(code >= 0x20 && code <= 0xd7ff) ||
		(code >= 0xe000 && code <= 0xfffd) ||
		(code >= 0x10000 && code <= 0x10ffff)
	);
}

class Reader {
	pos = 0;

	constructor(readonly src: string) {}

	fail(reason: string, at = this.pos): never {
		let line = 1;
		let lineStart = 0;
		for (let i = 0; i < at && i < this.src.length; i++) {
			if (this.src.charCodeAt(i) === 10) {
				line++;
				lineStart = i + 1;
			}
		}
		throw new XmlSyntaxError(reason, line, at - lineStart + 1);
	}

	get done(): boolean {
		return this.pos >= this.src.length;
	}

	startsWith(token: string): boolean {
		return this.src.startsWith(token, this.pos);
	}

	skipWhitespace(): boolean {
		WHITESPACE_RE.lastIndex = this.pos;
		WHITESPACE_RE.exec(this.src);
		const moved = WHITESPACE_RE.lastIndex > this.pos;
		this.pos = WHITESPACE_RE.lastIndex;
		return moved;
	}

	name(what: string): string {
		const start = this.pos;
		if (start >= this.src.length || !inRanges(this.src.charCodeAt(start), NAME_START)) this.fail(`expected ${what}`);
		let end = start + 1;
		while (end < this.src.length && inRanges(this.src.charCodeAt(end), NAME_CHAR)) end++;
		this.pos = end;
		return this.src.slice(start, end);
	}

	expect(token: string, what = `"${token}"`): void {
		if (!this.startsWith(token)) this.fail(`expected ${what}`);
		this.pos += token.length;
	}

	/** Reads up to `end`, which must follow; returns the text before it. */
	until(end: string, what: string, start = this.pos): string {
		const found = this.src.indexOf(end, this.pos);
		if (found === -1) this.fail(`unterminated ${what}`, start);
		const text = this.src.slice(this.pos, found);
		this.pos = found + end.length;
		return text;
	}

	/** Replaces entity and character references; `attribute` also turns tabs and newlines into spaces. */
	decode(raw: string, offset: number, attribute: boolean): string {
		let out = '';
		let i = 0;
		while (i < raw.length) {
			const amp = raw.indexOf('&', i);
			const chunk = amp === -1 ? raw.slice(i) : raw.slice(i, amp);
			out += attribute ? chunk.replace(/[\t\n]/g, ' ') : chunk;
			if (amp === -1) break;
			const semi = raw.indexOf(';', amp);
			const ref = semi === -1 ? '' : raw.slice(amp + 1, semi);
			if (semi === -1 || !/^(#[0-9]+|#x[0-9A-Fa-f]+|[^\s&;<]+)$/.test(ref)) {
				this.fail('"&" must start a reference such as &amp; or &#38;', offset + amp);
			}
			if (ref.startsWith('#')) {
				const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
				if (!isAllowedCodePoint(code)) this.fail(`character reference &${clipped(ref)}; is not an allowed XML character`, offset + amp);
				out += String.fromCodePoint(code);
			} else if (Object.prototype.hasOwnProperty.call(PREDEFINED_ENTITIES, ref)) {
				out += PREDEFINED_ENTITIES[ref];
			} else {
				this.fail(`unknown entity &${clipped(ref)}; (only &lt; &gt; &amp; &quot; &apos; and character references are allowed)`, offset + amp);
			}
			i = semi + 1;
		}
		return out;
	}
}

function readComment(reader: Reader): void {
	const start = reader.pos;
	reader.expect('<!--');
	const body = reader.until('-->', 'comment', start);
	if (body.includes('--') || body.endsWith('-')) reader.fail('"--" is not allowed inside a comment', start);
}

function readProcessingInstruction(reader: Reader, atDocumentStart: boolean): void {
	const start = reader.pos;
	reader.expect('<?');
	const target = reader.name('a processing instruction target');
	if (target.toLowerCase() === 'xml' && !atDocumentStart) {
		reader.fail('the XML declaration is only allowed at the very start of the document', start);
	}
	reader.until('?>', 'processing instruction', start);
}

/** Skips a DOCTYPE, internal subset included; its entity declarations are not used. */
function readDoctype(reader: Reader): void {
	const start = reader.pos;
	reader.expect('<!DOCTYPE');
	let quote = '';
	let depth = 0;
	while (!reader.done) {
		const char = reader.src[reader.pos++];
		if (quote) {
			if (char === quote) quote = '';
		} else if (char === '"' || char === "'") quote = char;
		else if (char === '[') depth++;
		else if (char === ']') depth--;
		else if (char === '>' && depth <= 0) return;
	}
	reader.fail('unterminated DOCTYPE', start);
}

function readAttributes(reader: Reader): { attributes: Array<[string, string]>; selfClosing: boolean } {
	const attributes: Array<[string, string]> = [];
	const seen = new Set<string>();
	for (;;) {
		const hadSpace = reader.skipWhitespace();
		if (reader.startsWith('/>')) {
			reader.pos += 2;
			return { attributes, selfClosing: true };
		}
		if (reader.startsWith('>')) {
			reader.pos += 1;
			return { attributes, selfClosing: false };
		}
		if (reader.done) reader.fail('unterminated start tag');
		if (!hadSpace) reader.fail('expected whitespace, ">" or "/>" after the tag name or attribute');
		const nameAt = reader.pos;
		const name = reader.name('an attribute name');
		if (seen.has(name)) reader.fail(`attribute "${clipped(name)}" appears twice`, nameAt);
		seen.add(name);
		reader.skipWhitespace();
		reader.expect('=', `"=" after attribute "${clipped(name)}"`);
		reader.skipWhitespace();
		const quote = reader.src[reader.pos];
		if (quote !== '"' && quote !== "'") reader.fail(`the value of attribute "${clipped(name)}" must be quoted`);
		const valueAt = reader.pos + 1;
		reader.pos += 1;
		const raw = reader.until(quote, `value of attribute "${clipped(name)}"`, valueAt - 1);
		const lt = raw.indexOf('<');
		if (lt !== -1) reader.fail('"<" is not allowed in an attribute value', valueAt + lt);
		attributes.push([name, reader.decode(raw, valueAt, true)]);
	}
}

/**
 * Parses a whole document into its root element. A document without a root element
 * (empty, or only a declaration, comments and whitespace) gives `undefined`.
 */
export function parseXml(input: string): XmlElement | undefined {
	// XML parsers see every line end as "\n" (XML 1.0 §2.11); a leading BOM is not content.
	const src = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const reader = new Reader(src);
	const forbidden = forbiddenCharAt(src);
	if (forbidden !== -1) {
		const code = src.charCodeAt(forbidden).toString(16).toUpperCase().padStart(4, '0');
		reader.fail(`character U+${code} is not allowed in XML`, forbidden);
	}

	let root: XmlElement | undefined;
	let sawDoctype = false;
	const stack: XmlElement[] = [];

	while (!reader.done) {
		const current = stack[stack.length - 1];
		if (!current) {
			// Outside the root element only markup and whitespace may appear.
			const atStart = reader.pos === 0;
			if (reader.skipWhitespace()) continue;
			if (reader.startsWith('<?')) readProcessingInstruction(reader, atStart);
			else if (reader.startsWith('<!--')) readComment(reader);
			else if (reader.startsWith('<!DOCTYPE')) {
				if (sawDoctype || root) reader.fail('a DOCTYPE must come once, before the root element');
				sawDoctype = true;
				readDoctype(reader);
			} else if (reader.startsWith('</')) reader.fail('closing tag without a matching opening tag');
			else if (reader.startsWith('<')) {
				if (root) reader.fail('a document has only one root element; found a second one');
				root = openElement(reader, stack);
			} else reader.fail(root ? 'text after the root element' : 'text before the root element');
			continue;
		}

		if (reader.startsWith('</')) {
			const at = reader.pos;
			reader.pos += 2;
			const name = reader.name('a closing tag name');
			reader.skipWhitespace();
			reader.expect('>', `">" to end the closing tag </${clipped(name)}>`);
			if (name !== current.name) reader.fail(`closing tag </${clipped(name)}> does not match the open element <${clipped(current.name)}>`, at);
			stack.pop();
		} else if (reader.startsWith('<![CDATA[')) {
			const start = reader.pos;
			reader.pos += 9;
			current.children.push({ text: reader.until(']]>', 'CDATA section', start), cdata: true });
		} else if (reader.startsWith('<!--')) readComment(reader);
		else if (reader.startsWith('<?')) readProcessingInstruction(reader, false);
		else if (reader.startsWith('<!')) reader.fail('unexpected "<!" inside an element');
		else if (reader.startsWith('<')) {
			const child = openElement(reader, stack);
			current.children.push(child);
		} else {
			const start = reader.pos;
			const next = src.indexOf('<', start);
			const raw = next === -1 ? src.slice(start) : src.slice(start, next);
			const close = raw.indexOf(']]>');
			if (close !== -1) reader.fail('"]]>" is not allowed in text', start + close);
			reader.pos = next === -1 ? src.length : next;
			current.children.push({ text: reader.decode(raw, start, false), cdata: false });
		}
	}

	if (stack.length) {
		reader.fail(`element <${clipped(stack[stack.length - 1].name)}> is never closed`);
	}
	return root;
}

/** Reads a start tag; pushes the element when it has content to come. */
function openElement(reader: Reader, stack: XmlElement[]): XmlElement {
	reader.pos += 1;
	const name = reader.name('an element name after "<"');
	const { attributes, selfClosing } = readAttributes(reader);
	const element: XmlElement = { name, attributes, children: [] };
	if (!selfClosing) {
		if (stack.length >= MAX_DEPTH) reader.fail(`elements are nested deeper than ${MAX_DEPTH} levels`);
		stack.push(element);
	}
	return element;
}

/** Text of an element: surrounding whitespace trimmed, CDATA kept exactly as written. */
export function textOf(element: XmlElement): string {
	const parts = element.children.filter((node): node is XmlText => !isElement(node));
	const meaningful = (part: XmlText) => part.cdata || part.text.trim() !== '';
	const first = parts.findIndex(meaningful);
	if (first === -1) return '';
	let last = parts.length - 1;
	while (!meaningful(parts[last])) last--;
	const kept = parts.slice(first, last + 1).map((part) => part.text);
	if (!parts[first].cdata) kept[0] = kept[0].trimStart();
	if (!parts[last].cdata) kept[kept.length - 1] = kept[kept.length - 1].trimEnd();
	return kept.join('');
}
