/**
 * Lofty ids are 64-bit integers; JSON.parse rounds any above 2^53 (9007199254740993 becomes
 * …992). Integers that large are turned into strings before parsing, so they survive exactly.
 */
export function quoteUnsafeIntegers(text: string): string {
	let out = '';
	let i = 0;
	let copiedUpTo = 0;
	while (i < text.length) {
		const char = text[i];
		if (char === '"') {
			// Skip a string literal, escapes included.
			i++;
			while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
			i++;
			continue;
		}
		if (char === '-' || (char >= '0' && char <= '9')) {
			const start = i;
			i++;
			while (i < text.length && /[0-9.eE+-]/.test(text[i])) i++;
			const token = text.slice(start, i);
			if (/^-?\d{16,}$/.test(token) && !Number.isSafeInteger(Number(token))) {
				out += `${text.slice(copiedUpTo, start)}"${token}"`;
				copiedUpTo = i;
			}
			continue;
		}
		i++;
	}
	return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/**
 * Reads a Lofty answer body. JSON (also JSON wrapped in a JSON string, as the reference types many
 * answers "string") becomes data with 64-bit ids intact; anything else stays text.
 */
export function parseLoftyBody(body: unknown): unknown {
	if (Buffer.isBuffer(body) || typeof body !== 'string') return body;
	const text = body.trim();
	if (text === '') return undefined;
	const looksJson = /^[{["]/.test(text) || /^-?\d/.test(text) || text === 'true' || text === 'false' || text === 'null';
	if (!looksJson) return body;
	let parsed: unknown;
	try {
		parsed = JSON.parse(quoteUnsafeIntegers(text));
	} catch {
		return body;
	}
	if (typeof parsed === 'number' && !Number.isSafeInteger(parsed) && /^-?\d+$/.test(text)) return text;
	if (typeof parsed === 'string' && /^\s*[{[]/.test(parsed)) return parseLoftyBody(parsed);
	return parsed;
}
