using SocialInnovation.Grains.Live;
using SocialInnovation.Judging;

namespace SocialInnovation.Grains.Judging;

[GenerateSerializer]
public sealed class JudgingState
{
    [Id(0)] public bool Configured { get; set; }
    [Id(1)] public Rubric Rubric { get; set; } = Rubric.Default;
    [Id(2)] public List<Track> Tracks { get; set; } = [];
    [Id(3)] public List<Guid> PitchOrder { get; set; } = [];
    [Id(4)] public List<int> Cutoffs { get; set; } = [1, 3];
    [Id(5)] public double AudienceWeight { get; set; }
    [Id(6)] public bool Locked { get; set; }
    /// <summary>+1 per change of the setup or the lock.</summary>
    [Id(7)] public long Version { get; set; }
    [Id(8)] public Dictionary<Guid, JudgeSheetState> Sheets { get; set; } = [];
    [Id(9)] public List<ConflictRecord> Conflicts { get; set; } = [];
    /// <summary>Every change on every sheet, oldest first. Bounded by judges × teams × revisions (a camp's final: a few thousand).</summary>
    [Id(10)] public List<AuditEntry> Audit { get; set; } = [];
    [Id(11)] public StreamLogState Log { get; set; } = new();
    /// <summary>Teams the organizer sent to a judge next (kept until that judge scores, skips or is moved off them).</summary>
    [Id(12)] public List<Assignment> Pins { get; set; } = [];
    /// <summary>Teams the organizer moved away from a judge: never assigned to that judge again.</summary>
    [Id(13)] public List<Assignment> MovedAway { get; set; } = [];
    [Id(14)] public JudgingMode Mode { get; set; }
    /// <summary>Pairwise mode: each judge's current verdict per pair (a revision replaces it). Bounded by judges × pairs shown.</summary>
    [Id(15)] public List<JudgeVerdict> Verdicts { get; set; } = [];
    /// <summary>Pairwise mode: pairs each judge skipped for now (removed once the judge compares the pair). Bounded by judges × pairs shown.</summary>
    [Id(16)] public List<JudgeSkippedPair> PairSkips { get; set; } = [];
}

[GenerateSerializer, Immutable]
public sealed record JudgeSkippedPair(Guid JudgeId, SkippedPair Pair);

[GenerateSerializer, Immutable]
public sealed record JudgeVerdict(Guid JudgeId, PairVerdict Verdict);

[GenerateSerializer]
public sealed class JudgeSheetState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public Dictionary<Guid, EntryState> Entries { get; set; } = [];
}

/// <summary>A judge's entry for a team: the current value and the earlier ones an undo goes back to.</summary>
[GenerateSerializer]
public sealed class EntryState
{
    [Id(0)] public SheetEntry Current { get; set; } = null!;
    [Id(1)] public List<SheetEntry> Past { get; set; } = [];
}
