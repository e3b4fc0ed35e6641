export const RESOURCE = 'agent';
