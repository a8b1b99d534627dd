// What the catalogue tests (ja.test.ts, diagnoses.ja.test.ts, ../messages.test.ts) look for in a text.

/** The {names} t() fills in, as it finds them (same pattern as messages.ts). */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

/** Things that must survive translation verbatim: URLs, --options and `commands`. */
export function technicalTokens(text: string): string[] {
  const urls = [...text.matchAll(/https?:\/\/[^\s)）」、。]+/g)].map((m) => m[0].replace(/[.,;:]+$/, ''));
  const options = [...text.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((m) => m[0]);
  const code = [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
  return [...new Set([...urls, ...options, ...code])].sort();
}
