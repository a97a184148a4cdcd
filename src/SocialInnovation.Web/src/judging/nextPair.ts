/**
 * Which two teams a judge in pairwise mode compares next — the same rule as the server's
 * (src/SocialInnovation.Grains/Judging/Ranking/NextPair.cs), so a tablet offline goes on as the server would:
 * the team with the fewest comparisons so far (then pitch order), against the team closest to it in strength
 * that this judge has not compared it with, then fewest comparisons, then pitch order. The server's choice is
 * the source of truth whenever it answers; this one works from the last standings the tablet holds.
 */
export type Pair = readonly [string, string];

export interface Standing {
  teamId: string;
  /** Comparisons the team is in (all judges), as of the last sheet, plus the ones waiting on this device. */
  comparisons: number;
  /** Its Bradley–Terry strength as of the last sheet (0 without comparisons). */
  strength: number;
}

/**
 * @param candidates the teams this judge may be shown, in pitch order
 * @param avoid pairs this judge has compared or skipped (either order)
 * @param standings what the last sheet said of each team; a team missing from it counts as 0 and 0
 */
export function chooseNextPair(candidates: readonly string[], avoid: readonly Pair[], standings: readonly Standing[]): Pair | null {
  const place = new Map(candidates.map((t, i) => [t, i]));
  const by = new Map(standings.map((s) => [s.teamId, s]));
  const count = (t: string) => by.get(t)?.comparisons ?? 0;
  const strength = (t: string) => by.get(t)?.strength ?? 0;
  const taken = new Set(avoid.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));
  const open = (a: string, b: string) => a !== b && !taken.has(`${a}|${b}`);
  const at = (t: string) => place.get(t)!;

  const firsts = [...candidates].sort((a, b) => count(a) - count(b) || at(a) - at(b));
  for (const first of firsts) {
    const partners = candidates.filter((b) => open(first, b));
    if (partners.length === 0) continue;
    const second = partners.sort((a, b) =>
      Math.abs(strength(a) - strength(first)) - Math.abs(strength(b) - strength(first)) || count(a) - count(b) || at(a) - at(b))[0]!;
    return at(first) < at(second) ? [first, second] : [second, first];
  }
  return null;
}

/**
 * The last sheet's standings with the verdicts still waiting on this device counted in (a new pair adds one
 * comparison to each of its teams; a revision adds none). Strengths stay as the server last fitted them.
 */
export function localStandings(sheetStandings: readonly Standing[], waitingNewPairs: readonly Pair[]): Standing[] {
  const standings = new Map(sheetStandings.map((s) => [s.teamId, { ...s }]));
  for (const pair of waitingNewPairs)
    for (const team of pair) {
      const s = standings.get(team) ?? { teamId: team, comparisons: 0, strength: 0 };
      s.comparisons += 1;
      standings.set(team, s);
    }
  return [...standings.values()];
}
