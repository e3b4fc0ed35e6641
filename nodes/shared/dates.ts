import { DateTime } from 'luxon';

/** Lofty's create/update-time lead searches read wall time in a fixed UTC-7 zone. */
const LOFTY_SEARCH_ZONE = 'UTC-7';

/** Longer than any date-time form read here (ISO with offset and zone, SQL, RFC 2822). */
const MAX_DATE_LENGTH = 100;

export type DateFormat = 'epochMs' | 'loftyWallTime' | 'birthday' | 'isoDate';

/**
 * Reads an n8n date-time: an ISO string (what the date picker gives), a luxon DateTime,
 * a JS Date, or epoch seconds/milliseconds. Returns undefined when it cannot be read. A text
 * without an offset is wall time in `zone` (the workflow's time zone, as the date picker shows
 * it); luxon's default zone is whatever the last expression evaluated left.
 */
export function parseDateInput(value: unknown, zone?: string): DateTime | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let parsed: DateTime | undefined;
	if (DateTime.isDateTime(value)) parsed = value;
	else if (value instanceof Date) parsed = DateTime.fromJSDate(value);
	else if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,13}$/.test(value.trim()))) {
		const n = Number(value);
		parsed = DateTime.fromMillis(n < 1e11 ? n * 1000 : n);
	} else if (typeof value === 'string') {
		const text = value.trim();
		// No date form is this long; luxon's patterns need not see a megabyte of input.
		if (text.length > MAX_DATE_LENGTH) return undefined;
		const options = { zone, setZone: true };
		parsed = DateTime.fromISO(text, options);
		if (!parsed.isValid) parsed = DateTime.fromSQL(text, options);
		if (!parsed.isValid) parsed = DateTime.fromRFC2822(text, options);
		if (!parsed.isValid) parsed = DateTime.fromFormat(text, 'MMM d, yyyy', { zone });
	}
	return parsed?.isValid ? parsed : undefined;
}

/** Formats a parsed date the way a given Lofty endpoint expects it. */
export function formatForLofty(date: DateTime, format: DateFormat): string | number {
	switch (format) {
		case 'epochMs':
			return date.toMillis();
		case 'loftyWallTime':
			return date.setZone(LOFTY_SEARCH_ZONE).toFormat('yyyy-MM-dd HH:mm:ss');
		case 'birthday':
			return date.toFormat('MMM d, yyyy', { locale: 'en-US' });
		case 'isoDate':
			return date.toISODate() ?? '';
	}
}
