export const RESOURCE = 'activity';

/** ID of the lead whose timeline the activities are on. */
export const LEAD_ID_DESCRIPTION = 'ID of the lead the activities belong to';
