export const RESOURCE = 'vendor';
