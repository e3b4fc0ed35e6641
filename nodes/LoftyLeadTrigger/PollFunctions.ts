import type { IDataObject } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { parseDateInput } from '../shared/dates';
import { headerOf } from '../shared/objects';

export type LeadChange = 'newLead' | 'updatedLead';

/** Each search reads again this far behind the position: a lead may show up in it late. */
export const OVERLAP_MS = 5 * 60_000;
/** Pages of 100 leads one poll reads at most; a longer search goes on at the next poll. */
export const PAGES_PER_POLL = 10;
/** Changes remembered as emitted, so that the overlap and future-dated leads are not emitted twice. */
export const MAX_EMITTED = 5_000;

/** A change emitted: its key and its time (epoch ms). */
export type Emitted = { key: string; at: number };

/** Where the poller stands, kept in the workflow's static data. */
export interface PollPosition extends IDataObject {
	/** Lofty's time (epoch ms) by which every change was read; searches start OVERLAP_MS before it. */
	since?: number;
	/** Lofty's time when the trigger started watching: no earlier change is emitted. */
	floor?: number;
	/** Changes emitted lately, in the order they were emitted. */
	emitted?: Emitted[];
	/** A search the last poll left at its page cap: this poll goes on with it. */
	resume?: { cursor?: string | number; offset: number; clock: number };
	/** Saved by earlier versions: keys of the changes emitted at exactly `since`. */
	seenAtSince?: string[];
}

/** The time a lead was created or last updated, in epoch ms. */
export function changeTime(lead: IDataObject, change: LeadChange): number | undefined {
	const raw = change === 'newLead' ? lead.createTime : (lead.lastUpdateTime ?? lead.updateTime ?? lead.updatedTime);
	return parseDateInput(raw)?.toMillis();
}

/** One key per change: a lead is emitted again when it changes again. */
export function changeKey(lead: IDataObject, change: LeadChange, time: number): string {
	const id = String(lead.leadId ?? lead.id);
	return change === 'newLead' ? id : `${id}@${time}`;
}

/** Lofty's clock from an answer's Date header (whole seconds), or undefined without one. */
export function loftyClock(headers: Record<string, unknown> | undefined): number | undefined {
	const value = headerOf(headers, 'date');
	if (value === undefined) return undefined;
	const date = DateTime.fromHTTP(value);
	return date.isValid ? date.toMillis() : undefined;
}

/** The position of a trigger that starts watching at Lofty's time `clock`. */
export function startPosition(clock: number): PollPosition {
	return { since: clock, floor: clock, emitted: [] };
}

/**
 * A position as saved by any version. Earlier ones emitted every change after `since` and
 * those at `since` listed in seenAtSince: nothing before `since` is emitted now either.
 */
export function upgradePosition(saved: PollPosition | undefined): PollPosition | undefined {
	if (!saved || typeof saved.since !== 'number') return undefined;
	if (Array.isArray(saved.emitted) && typeof saved.floor === 'number') return saved;
	const since = saved.since;
	return { since, floor: since, emitted: (saved.seenAtSince ?? []).map((key) => ({ key, at: since })) };
}

/** Where the next search starts: OVERLAP_MS behind the position, never before the trigger started. */
export function searchStart(position: PollPosition): number {
	const since = position.since ?? 0;
	return Math.max(since - OVERLAP_MS, position.floor ?? -Infinity);
}

/**
 * Picks the changes not emitted yet, oldest first, and the emitted list with them. A change is
 * new when it is not older than the trigger and its key is not among those emitted.
 */
export function newChanges(
	leads: IDataObject[],
	change: LeadChange,
	position: PollPosition,
): { emit: IDataObject[]; emitted: Emitted[] } {
	const floor = position.floor ?? -Infinity;
	const known = new Set((position.emitted ?? []).map((entry) => entry.key));
	const fresh = new Map<string, { lead: IDataObject; time: number }>();
	for (const lead of leads) {
		const time = changeTime(lead, change);
		if (time === undefined || time < floor) continue;
		const key = changeKey(lead, change, time);
		if (!known.has(key)) fresh.set(key, { lead, time });
	}
	const ordered = [...fresh.entries()].sort(
		([, a], [, b]) =>
			a.time - b.time || String(a.lead.leadId ?? a.lead.id).localeCompare(String(b.lead.leadId ?? b.lead.id), undefined, { numeric: true }),
	);
	return {
		emit: ordered.map(([, entry]) => entry.lead),
		emitted: [...(position.emitted ?? []), ...ordered.map(([key, entry]) => ({ key, at: entry.time }))],
	};
}

/**
 * The emitted changes still worth remembering: those a search from `searchFrom` can find again,
 * at most MAX_EMITTED; past that, the oldest emitted go first, future-dated ones (later than
 * Lofty's `clock`) last, since every search finds them again until their date.
 */
export function remembered(emitted: Emitted[], searchFrom: number, clock: number): Emitted[] {
	const kept = emitted.filter((entry) => entry.at >= searchFrom);
	if (kept.length <= MAX_EMITTED) return kept;
	const future = kept.filter((entry) => entry.at > clock);
	const past = kept.filter((entry) => entry.at <= clock);
	const room = Math.max(0, MAX_EMITTED - future.length);
	const keep = new Set([...past.slice(past.length - room), ...future.slice(Math.max(0, future.length - MAX_EMITTED))]);
	return kept.filter((entry) => keep.has(entry));
}
