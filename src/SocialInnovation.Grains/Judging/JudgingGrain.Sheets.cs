using SocialInnovation.Grains.Common;
using SocialInnovation.Common;
using SocialInnovation.Grains.Judging.Ranking;
using SocialInnovation.Judging;

namespace SocialInnovation.Grains.Judging;

/// <summary>The judges' side: sheets, scores, skips, undo, conflicts and the next team.</summary>
public sealed partial class JudgingGrain
{
    public Task<Outcome<JudgeSheet>> GetSheet(JudgeContext judge) =>
        Task.FromResult<Outcome<JudgeSheet>>(Round.Configured ? Sheet(judge) : NotConfigured);

    public async Task<Outcome<JudgeSheet>> Score(JudgeContext judge, ScoreTeam command)
    {
        if (CommandCheck.Refusal(Shared<ScoreTeamValidator>.Validator, command) is { } invalid) return invalid;
        if (Check(judge, command.TeamId) is { } refused) return refused;
        if (Round.Mode != JudgingMode.Scores) return WrongMode;
        if (_log.Replay(Key(judge, command.IdempotencyKey), command) is { } replayed) return replayed.Error ?? await Settled(() => Sheet(judge));
        if (Round.Rubric.WeightedScore(command.Marks) is not { } weighted || command.Marks.Count != Round.Rubric.Criteria.Count)
            return new DomainError(ErrorKind.Invalid, "score.incomplete", "Give every criterion a mark within its scale.");

        var entry = Entry(judge, command.TeamId);
        var current = entry?.Current;
        if (current is { Status: EntryStatus.Scored } && current.Comment == command.Comment && SameMarks(current.Marks, command.Marks)
            && current.Version == command.BasedOnVersion + 1)
            return Sheet(judge); // the same score again, its key already forgotten: applied once
        if ((current?.Version ?? 0) != command.BasedOnVersion) return Stale(current);

        Change(judge, command.TeamId, new SheetEntry(command.TeamId, EntryStatus.Scored, command.Marks, command.Comment, weighted,
            command.BasedOnVersion + 1, clock.GetUtcNow()), current is null ? "scored" : "revised");
        if (_holding.GetValueOrDefault(judge.JudgeId) == command.TeamId) _holding.Remove(judge.JudgeId);
        return await Store("scored", Key(judge, command.IdempotencyKey), command, () => Sheet(judge));
    }

    public async Task<Outcome<JudgeSheet>> Skip(JudgeContext judge, SkipTeam command)
    {
        if (CommandCheck.Refusal(Shared<SkipTeamValidator>.Validator, command) is { } invalid) return invalid;
        if (Check(judge, command.TeamId) is { } refused) return refused;
        if (_log.Replay(Key(judge, command.IdempotencyKey), command) is { } replayed) return replayed.Error ?? await Settled(() => Sheet(judge));
        var current = Entry(judge, command.TeamId)?.Current;
        if ((current?.Version ?? 0) != command.BasedOnVersion) return Stale(current);

        var status = command.Absent ? EntryStatus.Absent : EntryStatus.Skipped;
        Change(judge, command.TeamId, new SheetEntry(command.TeamId, status, new Dictionary<string, int>(), null, null,
            command.BasedOnVersion + 1, clock.GetUtcNow()), command.Absent ? "absent" : "skipped");
        _holding.Remove(judge.JudgeId);
        // In pairwise mode the pair shown with this team is set aside with it.
        if (_holdingPair.TryGetValue(judge.JudgeId, out var held) && (held.First == command.TeamId || held.Second == command.TeamId))
            _holdingPair.Remove(judge.JudgeId);
        return await Store(command.Absent ? "absent" : "skipped", Key(judge, command.IdempotencyKey), command, () => Sheet(judge));
    }

    public async Task<Outcome<JudgeSheet>> Undo(JudgeContext judge, UndoScore command)
    {
        if (CommandCheck.Refusal(Shared<UndoScoreValidator>.Validator, command) is { } invalid) return invalid;
        if (Check(judge, command.TeamId) is { } refused) return refused;
        if (_log.Replay(Key(judge, command.IdempotencyKey), command) is { } replayed) return replayed.Error ?? await Settled(() => Sheet(judge));
        var entry = Entry(judge, command.TeamId);
        if (entry is null || entry.Current.Version != command.BasedOnVersion) return Stale(entry?.Current);

        // Going back is itself a change with a new version, so a tablet that saw the undone value is told.
        var previous = entry.Past.Count > 0 ? entry.Past[^1] : null;
        if (previous is not null) entry.Past.RemoveAt(entry.Past.Count - 1);
        var restored = (previous ?? new SheetEntry(command.TeamId, EntryStatus.Withdrawn, new Dictionary<string, int>(), null, null, 0, clock.GetUtcNow()))
            with { Version = entry.Current.Version + 1, At = clock.GetUtcNow() };
        entry.Current = restored;
        Audit(judge, restored, "undone");
        return await Store("undone", Key(judge, command.IdempotencyKey), command, () => Sheet(judge));
    }

    public async Task<Outcome<JudgeSheet>> Declare(JudgeContext judge, DeclareConflict command)
    {
        if (CommandCheck.Refusal(Shared<DeclareConflictValidator>.Validator, command) is { } invalid) return invalid;
        if (!Round.Configured) return NotConfigured;
        if (Round.Locked) return Locked;
        if (!Round.PitchOrder.Contains(command.TeamId)) return UnknownTeam;
        if (_log.Replay(Key(judge, command.IdempotencyKey), command) is { } replayed) return replayed.Error ?? await Settled(() => Sheet(judge));
        if (Round.Conflicts.Any(c => c.JudgeId == judge.JudgeId && c.TeamId == command.TeamId)) return Sheet(judge);

        Round.Conflicts.Add(new ConflictRecord(judge.JudgeId, command.TeamId, command.Reason, clock.GetUtcNow()));
        SheetOf(judge);
        Round.Audit.Add(new AuditEntry(clock.GetUtcNow(), judge.JudgeId, judge.Name, command.TeamId, "conflict", null, command.Reason, 0));
        _holding.Remove(judge.JudgeId);
        return await Store("conflict", Key(judge, command.IdempotencyKey), command, () => Sheet(judge));
    }

    public Task<IReadOnlyList<AuditEntry>> GetAudit() => Task.FromResult<IReadOnlyList<AuditEntry>>(Round.Audit.ToList());

    private DomainError? Check(JudgeContext judge, Guid teamId)
    {
        if (!Round.Configured) return NotConfigured;
        if (Round.Locked) return Locked;
        if (!Round.PitchOrder.Contains(teamId)) return UnknownTeam;
        if (Round.MovedAway.Any(m => m.JudgeId == judge.JudgeId && m.TeamId == teamId))
            return DomainError.Conflict("judging.moved", "The organizer gave this team to another judge, so you do not score it.");
        if (Excluded(judge).Contains(teamId))
            return DomainError.Conflict("judging.conflict", "You have a conflict with this team (declared, or you mentored it), so you do not judge it.");
        return null;
    }

    private void Change(JudgeContext judge, Guid teamId, SheetEntry value, string action)
    {
        var sheet = SheetOf(judge);
        if (sheet.Entries.TryGetValue(teamId, out var entry))
        {
            entry.Past.Add(entry.Current);
            entry.Current = value;
        }
        else sheet.Entries[teamId] = new EntryState { Current = value };
        Audit(judge, value, action);
    }

    private void Audit(JudgeContext judge, SheetEntry value, string action) => Round.Audit.Add(new AuditEntry(
        clock.GetUtcNow(), judge.JudgeId, judge.Name, value.TeamId, action,
        value.Status == EntryStatus.Scored ? value.Marks : null, value.Comment, value.Version));

    private JudgeSheetState SheetOf(JudgeContext judge)
    {
        if (!Round.Sheets.TryGetValue(judge.JudgeId, out var sheet)) Round.Sheets[judge.JudgeId] = sheet = new JudgeSheetState();
        sheet.Name = judge.Name;
        return sheet;
    }

    private EntryState? Entry(JudgeContext judge, Guid teamId) =>
        Round.Sheets.TryGetValue(judge.JudgeId, out var sheet) && sheet.Entries.TryGetValue(teamId, out var entry) ? entry : null;

    private HashSet<Guid> Excluded(JudgeContext judge) =>
        Round.Conflicts.Where(c => c.JudgeId == judge.JudgeId).Select(c => c.TeamId).Concat(judge.Recused)
            .Concat(Round.MovedAway.Where(m => m.JudgeId == judge.JudgeId).Select(m => m.TeamId)).ToHashSet();

    private JudgeSheet Sheet(JudgeContext judge)
    {
        if (Round.Mode == JudgingMode.Pairwise) return PairSheet(judge);
        var entries = Round.Sheets.TryGetValue(judge.JudgeId, out var sheet) ? sheet.Entries.Values.Select(e => e.Current).ToList() : [];
        var excluded = Excluded(judge);
        var scored = entries.Count(e => e.Status == EntryStatus.Scored);
        var skipped = entries.Count(e => e.Status is EntryStatus.Skipped or EntryStatus.Absent);
        var open = Round.PitchOrder.Count(t => !excluded.Contains(t)) - scored;
        var next = Round.Locked ? null : Next(judge, entries, excluded);
        if (next is { } team) _holding[judge.JudgeId] = team;
        return new JudgeSheet(Setup(), entries, excluded.ToList(), next, new JudgeProgress(scored, open, skipped));
    }

    /// <summary>
    /// The next team: by <see cref="NextTeam"/> among teams the judge has not scored, skipped or reported
    /// absent; when only those are left, the skipped and absent ones come back (absent teams may have arrived).
    /// </summary>
    private Guid? Next(JudgeContext judge, IReadOnlyList<SheetEntry> entries, HashSet<Guid> excluded)
    {
        var scored = entries.Where(e => e.Status == EntryStatus.Scored).Select(e => e.TeamId).ToHashSet();
        var setAside = entries.Where(e => e.Status is EntryStatus.Skipped or EntryStatus.Absent).Select(e => e.TeamId).ToHashSet();
        // Asking again gives the same team (a reload must not hop to another one).
        if (_holding.TryGetValue(judge.JudgeId, out var held) && !scored.Contains(held) && !setAside.Contains(held) && !excluded.Contains(held))
            return held;
        // The organizer's pins come before the automatic choice.
        if (PinnedFor(judge.JudgeId, scored.Union(setAside).Union(excluded).ToHashSet()).FirstOrDefault() is var pinned && pinned != Guid.Empty)
            return pinned;
        var judgedBy = JudgedBy(except: judge.JudgeId);
        var confidence = judgedBy.Values.All(j => j.Count >= NextTeam.FirstRound) ? RecentConfidence() : null;
        var fresh = Round.PitchOrder.Where(t => !scored.Contains(t) && !setAside.Contains(t)).ToList();
        return NextTeam.Choose(judge.JudgeId, fresh, judgedBy, excluded, confidence)
               ?? NextTeam.Choose(judge.JudgeId, Round.PitchOrder.Where(setAside.Contains).ToList(), judgedBy, excluded, confidence);
    }

    /// <summary>Per team, the judges who scored it, were just sent to it or have it pinned (other than the one asking).</summary>
    private Dictionary<Guid, IReadOnlySet<Guid>> JudgedBy(Guid except)
    {
        var by = Round.PitchOrder.ToDictionary(t => t, _ => new HashSet<Guid>());
        foreach (var (judge, sheet) in Round.Sheets)
            foreach (var entry in sheet.Entries.Values.Where(e => e.Current.Status == EntryStatus.Scored))
                if (by.TryGetValue(entry.Current.TeamId, out var set)) set.Add(judge);
        foreach (var (judge, team) in _holding.Select(h => (h.Key, h.Value)).Concat(Round.Pins.Select(p => (p.JudgeId, p.TeamId))))
            if (judge != except && by.TryGetValue(team, out var set)) set.Add(judge);
        return by.ToDictionary(p => p.Key, p => (IReadOnlySet<Guid>)p.Value);
    }

    /// <summary>Keys are the judge's own: two tablets that happen to pick the same key never collide.</summary>
    private static string Key(JudgeContext judge, string key) => $"{judge.JudgeId:N}:{key}";

    private static bool SameMarks(IReadOnlyDictionary<string, int> a, IReadOnlyDictionary<string, int> b) =>
        a.Count == b.Count && a.All(m => b.TryGetValue(m.Key, out var v) && v == m.Value);

    private static DomainError Stale(SheetEntry? current) => DomainError.Conflict("score.stale",
        $"This score changed on another device meanwhile (now version {current?.Version ?? 0}). Look at it and apply your change again.");

    private static DomainError Locked => DomainError.Conflict("judging.locked", "Judging is locked: scores can no longer change.");

    private static DomainError UnknownTeam => DomainError.NotFound("team.unknown", "There is no such team in this judging round.");
}
