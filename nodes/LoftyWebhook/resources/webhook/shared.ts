export const RESOURCE = 'webhook';
