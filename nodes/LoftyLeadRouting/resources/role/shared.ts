export const RESOURCE = 'role';
