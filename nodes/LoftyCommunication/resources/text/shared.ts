export const RESOURCE = 'text';
