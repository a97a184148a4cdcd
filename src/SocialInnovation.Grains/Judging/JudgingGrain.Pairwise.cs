using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Judging.Ranking;
using SocialInnovation.Judging;

namespace SocialInnovation.Grains.Judging;

/// <summary>
/// Pairwise mode: a judge is shown two teams and says which pitched better; a Bradley–Terry fit ranks the
/// teams. The same command path as a score: validate → check lock, teams and conflicts → replay the key →
/// change → store → publish progress. Comparing a pair again replaces the judge's verdict on it (undo and
/// revise until locked); the same verdict again is answered as already done, so a resend applies once.
/// </summary>
public sealed partial class JudgingGrain
{
    /// <summary>The pair each judge was last shown, so a reload shows the same two teams (memory only: a hint).</summary>
    private readonly Dictionary<Guid, (Guid First, Guid Second)> _holdingPair = [];

    public async Task<Outcome<JudgeSheet>> Compare(JudgeContext judge, CompareTeams command)
    {
        if (CommandCheck.Refusal(Shared<CompareTeamsValidator>.Validator, command) is { } invalid) return invalid;
        if ((Check(judge, command.First) ?? Check(judge, command.Second)) is { } refused) return refused;
        if (Round.Mode != JudgingMode.Pairwise) return WrongMode;
        if (_log.Replay(Key(judge, command.IdempotencyKey), command) is { } replayed) return replayed.Error ?? await Settled(() => Sheet(judge));

        var index = Round.Verdicts.FindIndex(v => v.JudgeId == judge.JudgeId && SamePair(v.Verdict.First, v.Verdict.Second, command.First, command.Second));
        var current = index >= 0 ? Round.Verdicts[index].Verdict : null;
        // The same verdict again (a resend whose key was forgotten, or both tablets agreeing): nothing to overwrite.
        if (current is not null && current.Better == command.Better) return Sheet(judge);
        if ((current?.Version ?? 0) != command.BasedOnVersion) return VerdictStale(current);
        var now = clock.GetUtcNow();
        var verdict = new JudgeVerdict(judge.JudgeId, new PairVerdict(command.First, command.Second, command.Better, (current?.Version ?? 0) + 1, now));
        if (index >= 0) Round.Verdicts[index] = verdict;
        else Round.Verdicts.Add(verdict);
        SheetOf(judge);
        var other = command.Better == command.First ? command.Second : command.First;
        Round.Audit.Add(new AuditEntry(now, judge.JudgeId, judge.Name, command.Better, current is null ? "compared" : "recompared", null, null,
            verdict.Verdict.Version, other));
        // A verdict on a pair skipped earlier settles it: it is no longer set aside.
        Round.PairSkips.RemoveAll(s => s.JudgeId == judge.JudgeId && SamePair(s.Pair.First, s.Pair.Second, command.First, command.Second));
        if (_holdingPair.TryGetValue(judge.JudgeId, out var held) && SamePair(held.First, held.Second, command.First, command.Second))
            _holdingPair.Remove(judge.JudgeId);
        return await Store("compared", Key(judge, command.IdempotencyKey), command, () => Sheet(judge));
    }

    /// <summary>
    /// validate → check lock, teams, conflicts and mode → replay the key → check the version of the judge's
    /// verdict on the pair the tablet showed → set the pair aside → store → publish progress. The same skip
    /// again (its key forgotten) is answered as already done.
    /// </summary>
    public async Task<Outcome<JudgeSheet>> SkipPair(JudgeContext judge, SkipPair command)
    {
        if (CommandCheck.Refusal(Shared<SkipPairValidator>.Validator, command) is { } invalid) return invalid;
        if ((Check(judge, command.First) ?? Check(judge, command.Second)) is { } refused) return refused;
        if (Round.Mode != JudgingMode.Pairwise) return WrongMode;
        if (_log.Replay(Key(judge, command.IdempotencyKey), command) is { } replayed) return replayed.Error ?? await Settled(() => Sheet(judge));

        var verdict = Round.Verdicts.Find(v => v.JudgeId == judge.JudgeId && SamePair(v.Verdict.First, v.Verdict.Second, command.First, command.Second))?.Verdict;
        if ((verdict?.Version ?? 0) != command.BasedOnVersion)
            return DomainError.Conflict("pair.stale",
                $"You already compared these two teams on another device (now version {verdict?.Version ?? 0}). Look at your verdict and change it if you want.");
        if (verdict is not null || Round.PairSkips.Any(s => s.JudgeId == judge.JudgeId && SamePair(s.Pair.First, s.Pair.Second, command.First, command.Second)))
            return Sheet(judge); // judged already, or skipped already: nothing to set aside, applied once

        var now = clock.GetUtcNow();
        Round.PairSkips.Add(new JudgeSkippedPair(judge.JudgeId, new SkippedPair(command.First, command.Second, now)));
        SheetOf(judge);
        Round.Audit.Add(new AuditEntry(now, judge.JudgeId, judge.Name, command.First, "pair-skipped", null, null, 0, command.Second));
        _holdingPair.Remove(judge.JudgeId);
        return await Store("pair-skipped", Key(judge, command.IdempotencyKey), command, () => Sheet(judge));
    }

    public Task<IReadOnlyList<ComparisonRecord>> GetComparisons() => Task.FromResult<IReadOnlyList<ComparisonRecord>>(
        Round.Verdicts.Select(v => new ComparisonRecord(v.JudgeId, Round.Sheets.GetValueOrDefault(v.JudgeId)?.Name ?? "", v.Verdict.Better,
            v.Verdict.Better == v.Verdict.First ? v.Verdict.Second : v.Verdict.First, v.Verdict.At)).OrderBy(c => c.At).ToList());

    /// <summary>Every judge's current verdict between two teams still in the round, as the fit takes them.</summary>
    private List<Comparison> Comparisons() => Round.Verdicts
        .Where(v => Round.PitchOrder.Contains(v.Verdict.First) && Round.PitchOrder.Contains(v.Verdict.Second))
        .Select(v => new Comparison(v.JudgeId, v.Verdict.Better, v.Verdict.Better == v.Verdict.First ? v.Verdict.Second : v.Verdict.First))
        .ToList();

    /// <summary>The judge's current verdict on a pair (either order), if any: what a stale verdict or skip is answered with.</summary>
    public Task<PairVerdict?> GetVerdict(JudgeContext judge, Guid first, Guid second) => Task.FromResult(
        Round.Verdicts.Find(v => v.JudgeId == judge.JudgeId && SamePair(v.Verdict.First, v.Verdict.Second, first, second))?.Verdict);

    /// <summary>
    /// The judge's pairwise sheet. The next pair avoids teams this judge skipped or reported absent and pairs
    /// they skipped; when no other pair is left, those come back (an absent team may have arrived).
    /// </summary>
    private JudgeSheet PairSheet(JudgeContext judge)
    {
        var entries = Round.Sheets.TryGetValue(judge.JudgeId, out var sheet) ? sheet.Entries.Values.Select(e => e.Current).ToList() : [];
        var excluded = Excluded(judge);
        var mine = Round.Verdicts.Where(v => v.JudgeId == judge.JudgeId).Select(v => v.Verdict).ToList();
        var skipped = Round.PairSkips.Where(s => s.JudgeId == judge.JudgeId).Select(s => s.Pair).ToList();
        var setAside = entries.Where(e => e.Status is EntryStatus.Skipped or EntryStatus.Absent).Select(e => e.TeamId).ToHashSet();
        var candidates = Round.PitchOrder.Where(t => !excluded.Contains(t)).ToList();
        var open = candidates.Count * (candidates.Count - 1) / 2 - mine.Count(v => candidates.Contains(v.First) && candidates.Contains(v.Second));
        var standings = new Lazy<(Dictionary<Guid, int> Counts, IReadOnlyDictionary<Guid, double> Strength)>(() => Standings(judge));
        var pair = Round.Locked ? null
            : NextPairFor(judge, candidates.Where(t => !setAside.Contains(t)).ToList(), mine, skipped, standings)
              ?? NextPairFor(judge, candidates, mine, [], standings);
        if (pair is { } shown) _holdingPair[judge.JudgeId] = shown;
        // What the choice went by, so the tablet offline chooses by the same rule (src/judging/nextPair.ts).
        var (counts, strength) = standings.Value;
        var table = candidates.Select(t => new PairStanding(t, counts.GetValueOrDefault(t), strength.GetValueOrDefault(t))).ToList();
        return new JudgeSheet(Setup(), entries, excluded.ToList(), null, new JudgeProgress(mine.Count, Math.Max(0, open), skipped.Count + setAside.Count),
            pair is { } p ? [p.First, p.Second] : null, mine, skipped, table);
    }

    private (Guid First, Guid Second)? NextPairFor(JudgeContext judge, List<Guid> candidates, List<PairVerdict> mine, List<SkippedPair> skipped,
        Lazy<(Dictionary<Guid, int> Counts, IReadOnlyDictionary<Guid, double> Strength)> standings)
    {
        var compared = mine.Select(v => (v.First, v.Second)).ToHashSet();
        var avoid = compared.Concat(skipped.Select(s => (s.First, s.Second))).ToHashSet();
        // Asking again gives the same pair (a reload must not hop to another one).
        if (_holdingPair.TryGetValue(judge.JudgeId, out var held) && candidates.Contains(held.First) && candidates.Contains(held.Second)
            && !avoid.Contains(held) && !avoid.Contains((held.Second, held.First)))
            return held;
        return NextPair.Choose(candidates, avoid, standings.Value.Counts, standings.Value.Strength);
    }

    /// <summary>Comparisons per team (all judges, and pairs now shown to other judges) and the Bradley–Terry strengths.</summary>
    private (Dictionary<Guid, int> Counts, IReadOnlyDictionary<Guid, double> Strength) Standings(JudgeContext judge)
    {
        var comparisons = Comparisons();
        var counts = new Dictionary<Guid, int>();
        foreach (var c in comparisons) { counts[c.Winner] = counts.GetValueOrDefault(c.Winner) + 1; counts[c.Loser] = counts.GetValueOrDefault(c.Loser) + 1; }
        foreach (var shown in _holdingPair.Where(h => h.Key != judge.JudgeId).Select(h => h.Value))
        {
            counts[shown.First] = counts.GetValueOrDefault(shown.First) + 1;
            counts[shown.Second] = counts.GetValueOrDefault(shown.Second) + 1;
        }
        return (counts, comparisons.Count > 0 ? BradleyTerry.Fit(comparisons) : new Dictionary<Guid, double>());
    }

    private static bool SamePair(Guid a1, Guid b1, Guid a2, Guid b2) => a1 == a2 && b1 == b2 || a1 == b2 && b1 == a2;

    private static DomainError VerdictStale(PairVerdict? current) => DomainError.Conflict("verdict.stale",
        $"You judged these two teams on another device meanwhile (now version {current?.Version ?? 0}). Look at that verdict and decide again.");

    private static DomainError WrongMode => DomainError.Conflict("judging.wrong-mode",
        "This camp's judging is set up for the other mode (scores per criterion, or comparing two teams). Reload the page.");
}
