using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Judging.Ranking;
using SocialInnovation.Grains.Live;
using SocialInnovation.Judging;
using SocialInnovation.Live;

namespace SocialInnovation.Grains.Judging;

/// <summary>
/// A camp's judging round. Every judge command runs validate → replay its key → check the lock, the team
/// and the version of the judge's entry it was based on → change → store → publish progress. A retry whose
/// key has left the idempotency window is still applied once: a score equal to the current entry is
/// answered as already done, not refused as stale.
/// </summary>
[Orleans.Concurrency.Reentrant]
public sealed partial class JudgingGrain(
    [PersistentState("judging", StorageNames.State)] IPersistentState<JudgingState> state,
    TimeProvider clock) : Grain, IJudgingGrain
{
    public const string StreamKind = "judging";
    private StreamLog _log = null!;
    /// <summary>The team each judge was last sent to, so two judges asking at once are spread (memory only: a hint).</summary>
    private readonly Dictionary<Guid, Guid> _holding = [];

    private JudgingState Round => state.State;
    private Guid CampId => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _log = new StreamLog(new StreamId(StreamKind, CampId), Round.Log, () => state.WriteStateAsync(), DeactivateOnIdle,
            this, clock, new StreamLogOptions(Keep: 100));
        return Task.CompletedTask;
    }

    public async Task<Outcome<JudgingSetup>> Configure(ConfigureJudging command, IReadOnlyList<Guid> teams)
    {
        if (CommandCheck.Refusal(Shared<ConfigureJudgingValidator>.Validator, command) is { } invalid) return invalid;
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return replayed.Error ?? await Settled(Setup);
        if (command.BasedOnVersion != Round.Version)
            return DomainError.Conflict("judging.stale", "Someone changed the judging setup meanwhile. Reload and try again.");
        var pitchOrder = command.PitchOrder ?? teams;
        if (pitchOrder.Concat(command.Tracks.SelectMany(t => t.Teams)).FirstOrDefault(t => !teams.Contains(t)) is var unknown && unknown != Guid.Empty)
            return DomainError.NotFound("team.unknown", "The setup names a team that is not in this camp.");
        if (Round.Sheets.Values.Any(s => s.Entries.Values.Any(e => e.Current.Status == EntryStatus.Scored)) && command.Rubric != Round.Rubric
            && !SameRubric(command.Rubric, Round.Rubric))
            return DomainError.Conflict("judging.rubric-in-use", "Judges have already scored against this rubric; it can no longer change.");
        if (command.Mode != Round.Mode && (Round.Verdicts.Count > 0 || Round.Sheets.Values.Any(s => s.Entries.Values.Any(e => e.Current.Status == EntryStatus.Scored))))
            return DomainError.Conflict("judging.mode-in-use", "Judges have already judged in this mode; it can no longer change.");

        Round.Configured = true;
        Round.Rubric = command.Rubric;
        Round.Tracks = command.Tracks.ToList();
        Round.PitchOrder = pitchOrder.ToList();
        Round.Cutoffs = command.Cutoffs.Distinct().Order().ToList();
        Round.AudienceWeight = command.AudienceWeight;
        Round.Mode = command.Mode;
        Round.Version++;
        return await Store("setup", command.IdempotencyKey, command, Setup);
    }

    public Task<JudgingSetup?> GetSetup() => Task.FromResult(Round.Configured ? Setup() : null);

    public async Task<Outcome<JudgingSetup>> Lock(LockJudging command)
    {
        if (CommandCheck.Refusal(Shared<LockJudgingValidator>.Validator, command) is { } invalid) return invalid;
        if (!Round.Configured) return NotConfigured;
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return replayed.Error ?? await Settled(Setup);
        if (Round.Locked == command.Locked) return Setup();
        Round.Locked = command.Locked;
        Round.Version++;
        return await Store(command.Locked ? "locked" : "reopened", command.IdempotencyKey, command, Setup);
    }

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamPosition? after) =>
        Task.FromResult<Outcome<StreamCatchUp>>(_log.CatchUp(after, Progress));

    private JudgingSetup Setup() => new(Round.Rubric, Round.Tracks, Round.PitchOrder, Round.Cutoffs, Round.AudienceWeight, Round.Locked, Round.Version, Round.Mode);

    /// <summary>Scores in against two per team; in pairwise mode verdicts in against one comparison per team (each team in two).</summary>
    private JudgingProgress Progress() => new(
        Round.Mode == JudgingMode.Pairwise ? Round.Verdicts.Count : Round.Sheets.Values.Sum(s => s.Entries.Values.Count(e => e.Current.Status == EntryStatus.Scored)),
        Round.Mode == JudgingMode.Pairwise ? Round.PitchOrder.Count : Round.PitchOrder.Count * NextTeam.FirstRound,
        Round.Locked,
        Round.Version);

    /// <summary>Stores the change and its key, then publishes progress (stored before visible: scores are results).</summary>
    private async Task<Outcome<T>> Store<TCommand, T>(string kind, string key, TCommand command, Func<T> answer)
    {
        _log.Append(kind, Progress());
        _log.Remember(key, command);
        await _log.Commit();
        return answer();
    }

    private async Task<Outcome<T>> Settled<T>(Func<T> answer)
    {
        await _log.Settled();
        return answer();
    }

    private static bool SameRubric(Rubric a, Rubric b) => a.Criteria.SequenceEqual(b.Criteria);

    private static DomainError NotConfigured =>
        DomainError.Conflict("judging.not-configured", "The organizer has not set up judging for this camp yet.");

}
