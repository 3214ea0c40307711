/** Asterisk's event time format: `2026-11-23T19:31:53.060+0000`. */
export const ariTime = (date: Date = new Date()): string => date.toISOString().replace('Z', '+0000');
