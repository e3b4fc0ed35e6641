export const RESOURCE = 'email';
