/**
 * Lofty's webhook lists: 1-4 from the reference (section 5.12), 5-12 from Lofty's newer docs.
 * Written in name order, the order the dropdowns show them in.
 */
export const WEBHOOK_LISTS: ReadonlyArray<{
	id: number;
	name: string;
	/** What the list reports on. */
	scope: string;
	/** Which record an event names, for "Fetch Full Record". */
	record: 'agent' | 'lead';
	newer: boolean;
}> = [
	{ id: 1, name: 'Agent', scope: 'agents (UserResponse)', record: 'agent', newer: false },
	{ id: 11, name: 'Appointment', scope: 'appointments', record: 'lead', newer: true },
	{ id: 6, name: 'Call', scope: 'calls', record: 'lead', newer: true },
	{ id: 7, name: 'Email', scope: 'emails', record: 'lead', newer: true },
	{ id: 3, name: 'Lead Activity', scope: 'lead activities (LeadActivity)', record: 'lead', newer: false },
	{ id: 2, name: 'Lead Information', scope: 'lead details (LeadResponse)', record: 'lead', newer: false },
	{ id: 4, name: 'Listing Alert', scope: 'listing alerts (Alert)', record: 'lead', newer: false },
	{ id: 9, name: 'Note', scope: 'notes', record: 'lead', newer: true },
	{ id: 12, name: 'Pipeline Change', scope: 'pipeline stage changes', record: 'lead', newer: true },
	{ id: 10, name: 'Task', scope: 'tasks', record: 'lead', newer: true },
	{ id: 8, name: 'Text', scope: 'text messages', record: 'lead', newer: true },
	{ id: 5, name: 'Transaction', scope: 'transactions', record: 'lead', newer: true },
];

/** Lofty's ceiling for a subscription's limit (events per callback, or per 30 minutes). */
export const MAX_WEBHOOK_LIMIT = 5000;

export function listName(listId: unknown): string {
	return WEBHOOK_LISTS.find((list) => list.id === Number(listId))?.name ?? `List ${String(listId)}`;
}

export function recordKind(listId: unknown): 'agent' | 'lead' | undefined {
	return WEBHOOK_LISTS.find((list) => list.id === Number(listId))?.record;
}

/** The lists as dropdown options, for the Lofty Trigger's events and Webhook › Create's list. */
export const WEBHOOK_LIST_OPTIONS = WEBHOOK_LISTS.map((list) => ({
	name: list.newer ? `${list.name} (Newer)` : list.name,
	value: list.id,
	description: `List ${list.id}: changes to ${list.scope}${list.newer ? '; from newer Lofty docs, older accounts may refuse it' : ''}`,
}));
