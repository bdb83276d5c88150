/** Bumped whenever a payload changes shape; a page with another version reloads. */
export const PROTOCOL_VERSION = 2
