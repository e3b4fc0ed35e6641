import type { IDataObject } from 'n8n-workflow';

import { parseDateInput } from '../shared/dates';

export type LeadChange = 'newLead' | 'updatedLead';

/** Where the poller stands: the newest change time seen, and what was already emitted at it. */
export interface PollPosition extends IDataObject {
	/** Epoch ms of the newest change emitted so far. */
	since?: number;
	/** Keys of the changes emitted at exactly `since` (several leads can share a timestamp). */
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

/**
 * Picks the leads not emitted yet, oldest first, and the position after them. Lofty's time
 * filter has one-second resolution and is inclusive, so the search overlaps the last poll and
 * the overlap is removed here.
 */
export function newChanges(
	leads: IDataObject[],
	change: LeadChange,
	position: PollPosition,
): { emit: IDataObject[]; position: PollPosition } {
	const since = position.since ?? 0;
	const seen = new Set(position.seenAtSince ?? []);
	const fresh = leads
		.map((lead) => ({ lead, time: changeTime(lead, change) }))
		.filter((entry): entry is { lead: IDataObject; time: number } => entry.time !== undefined)
		.filter(({ lead, time }) => time > since || (time === since && !seen.has(changeKey(lead, change, time))));
	const unique = new Map<string, { lead: IDataObject; time: number }>();
	for (const entry of fresh) unique.set(changeKey(entry.lead, change, entry.time), entry);
	const ordered = [...unique.values()].sort(
		(a, b) => a.time - b.time || String(a.lead.leadId ?? a.lead.id).localeCompare(String(b.lead.leadId ?? b.lead.id), undefined, { numeric: true }),
	);
	if (ordered.length === 0) return { emit: [], position };
	const newest = ordered[ordered.length - 1].time;
	const atNewest = ordered.filter((entry) => entry.time === newest).map((entry) => changeKey(entry.lead, change, entry.time));
	return {
		emit: ordered.map((entry) => entry.lead),
		position: { since: newest, seenAtSince: newest === since ? [...seen, ...atNewest] : atNewest },
	};
}
