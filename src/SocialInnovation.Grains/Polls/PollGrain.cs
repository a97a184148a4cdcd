using Orleans.Concurrency;
using SocialInnovation.Audience;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Live;
using SocialInnovation.Live;
using SocialInnovation.Polls;

namespace SocialInnovation.Grains.Polls;

/// <summary>
/// A dot-vote. A vote replaces the voter's allocation as a whole, so a retried vote is the same vote;
/// the tally is computed from the allocations and can never drift from them. Owner of the stream
/// <c>poll:&lt;camp&gt;:&lt;poll&gt;</c>, a coalescing one: watchers get the whole latest tally at most a few
/// times a second (<see cref="LiveTiming"/>), however fast votes come in.
/// Reentrant so that votes arriving while a write is in flight are stored together by the next write
/// (group commit in <see cref="StreamLog"/>): every command changes memory without awaiting in between,
/// so interleaving never splits a check from its change. The audience side is in PollGrain.Audience.cs.
/// </summary>
[Reentrant]
public sealed partial class PollGrain(
    [PersistentState("poll", StorageNames.State)] IPersistentState<PollState> state,
    IJournal<VoteEntry> journal,
    TimeProvider clock,
    LiveTiming timing) : Grain, IPollGrain, IAudiencePollGrain
{
    /// <summary>The kind of the stream's events: each carries a whole <see cref="PollTally"/>.</summary>
    public const string TallyKind = "Tally";

    private StreamLog? _log;

    private PollState Poll => state.State;

    /// <summary>The stream needs the poll's camp, known once it is opened.</summary>
    private StreamLog Log => _log ??= new StreamLog(PollStreams.For(Poll.CampId, this.GetPrimaryKey()), Poll.Log,
        Writes.Write, DeactivateOnIdle, this, clock,
        new StreamLogOptions(Keep: 10, VisibleBeforeStored: true, CoalesceEvery: timing.CoalesceEvery));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Votes stored only in the journal since the poll was last stored whole (a poll is stored whole when opened).
        if (state.RecordExists) await Writes.Replay(Poll.JournalSeq, Replayed);
        Writes.CompactWhenQuiet(this);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A tally still waiting for its interval goes out now rather than never.
        _log?.Flush();
        // Not needed for safety (the journal holds every vote); the next activation just replays fewer.
        await Writes.Compacted();
    }

    public Task<Outcome<StreamCatchUp>> CatchUp(Guid campId, StreamPosition? after) =>
        Task.FromResult<Outcome<StreamCatchUp>>(Poll.Exists && Poll.CampId == campId ? Log.CatchUp(after, Tally) : Unknown());

    /// <summary>Publishes the new tally (coalesced) and stores the whole poll; answers after storage.</summary>
    private async Task<Outcome<PollTally>> Store()
    {
        Writes.WholeDue();
        Log.Changed(TallyKind, Tally);
        await Log.Commit();
        return Tally();
    }

    public async Task<Outcome<PollTally>> Open(Guid campId, OpenPoll command)
    {
        var result = Shared<OpenPollValidator>.Validator.Validate(command);
        if (!result.IsValid) return DomainError.Invalid(result);
        if (command.Options is not { Count: >= 2 })
            return DomainError.Conflict("poll.options", "A poll needs at least two options.");
        if (Poll.Exists)
            return Poll.CampId == campId && Poll.Title == command.Title ? Tally() : DomainError.Conflict("poll.exists", "This poll is already open.");

        Poll.CampId = campId;
        Poll.Title = command.Title;
        Poll.Options = command.Options.Select((label, i) => new PollOption($"o{i + 1}", label)).ToList();
        Poll.DotsPerVoter = command.DotsPerVoter;
        Poll.Version = 1;
        return await Store();
    }

    public async Task<Outcome<PollTally>> Vote(Guid voterId, CastDots command)
    {
        var result = Shared<CastDotsValidator>.Validator.Validate(command);
        if (!result.IsValid) return DomainError.Invalid(result);
        if (!Poll.Exists) return Unknown();
        if (Poll.Audience is not null) return DomainError.Conflict("poll.audience", "This is an audience poll: vote with its join code.");
        var dots = Resolve(command.Dots);
        if (Poll.Votes.TryGetValue(voterId, out var current) && SameAllocation(current, dots))
        {
            // The same vote again: answered once the write holding it (perhaps still in flight) is stored.
            await Log.Settled();
            return Tally();
        }
        if (Poll.Closed) return DomainError.Conflict("poll.closed", "Voting has closed.");
        if (dots.Keys.FirstOrDefault(id => Poll.Options.All(o => o.Id != id)) is { } unknown)
            return DomainError.Conflict("poll.option-unknown", $"{unknown} is not an option of this poll.");
        if (dots.Values.Sum() > Poll.DotsPerVoter)
            return DomainError.Conflict("poll.too-many-dots", $"You have {Poll.DotsPerVoter} dots to spread, not {dots.Values.Sum()}.");

        if (dots.Count == 0) Poll.Votes.Remove(voterId);
        else Poll.Votes[voterId] = dots;
        Poll.Version++;
        Journaled(voterId, dots, key: null);
        Log.Changed(TallyKind, Tally);
        await Log.Commit();
        return Tally();
    }

    public async Task<Outcome<PollTally>> Close(string idempotencyKey)
    {
        if (!Poll.Exists) return Unknown();
        if (Poll.Closed) return Tally();
        Poll.Closed = true;
        Poll.Version++;
        return await Store();
    }

    public Task<PollTally?> GetTally() => Task.FromResult(Poll.Exists ? Tally() : null);

    public Task<IReadOnlyDictionary<string, int>> GetAllocation(Guid voterId) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(Poll.Votes.TryGetValue(voterId, out var dots) ? new Dictionary<string, int>(dots) : []);

    /// <summary>The tally as anyone may see it: an audience poll's counts stay 0 while hidden.</summary>
    private PollTally Tally() => Poll.Audience is { Hidden: true } ? HiddenTally() : FullTally();

    private PollTally HiddenTally() => new(this.GetPrimaryKey(), Poll.CampId, Poll.Title, Poll.DotsPerVoter,
        Poll.Options.Select(o => new OptionTally(o.Id, o.Label, 0)).ToList(), Poll.Votes.Count, Poll.Closed, Poll.Version, Hidden: true);

    private PollTally FullTally()
    {
        var totals = Poll.Options.ToDictionary(o => o.Id, _ => 0);
        foreach (var allocation in Poll.Votes.Values)
            foreach (var (option, dots) in allocation) totals[option] += dots;
        return new PollTally(this.GetPrimaryKey(), Poll.CampId, Poll.Title, Poll.DotsPerVoter,
            Poll.Options.Select(o => new OptionTally(o.Id, o.Label, totals[o.Id])).ToList(), Poll.Votes.Count, Poll.Closed, Poll.Version);
    }

    private static bool SameAllocation(Dictionary<string, int> a, Dictionary<string, int> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static DomainError Unknown() => DomainError.NotFound("poll.unknown", "There is no such poll.");
}
