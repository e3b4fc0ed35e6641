export const RESOURCE = 'opportunity';
