/**
 * Whether every test must run here (CI=true, or PGW_REQUIRE_ALL=1 as .ci/run sets): then a part of a
 * test that cannot run here fails instead of being left out. test/run.js reads the same two variables.
 */
export function mustRunEverything(): boolean {
  return process.env.CI === 'true' || process.env.PGW_REQUIRE_ALL === '1';
}
