/** The two Lofty credential types the nodes offer (their "Authentication" choice). */
export const API_KEY_CREDENTIAL = 'loftyApi';
export const OAUTH2_CREDENTIAL = 'loftyOAuth2Api';
