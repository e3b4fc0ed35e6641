export const RESOURCE = 'call';
