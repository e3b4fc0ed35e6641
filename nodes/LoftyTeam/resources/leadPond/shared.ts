export const RESOURCE = 'leadPond';
