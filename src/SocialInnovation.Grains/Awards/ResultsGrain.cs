using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Awards;

namespace SocialInnovation.Grains.Awards;

/// <summary>
/// A camp's results: the draft (awards, mini-grants, the people's choice poll, the reveal order) and, once
/// published, the standings frozen at that moment, so what everyone sees cannot drift if anything changes
/// later. Publishing again after a withdrawal freezes them anew.
/// </summary>
public sealed class ResultsGrain(
    [PersistentState("results", StorageNames.State)] IPersistentState<ResultsState> state,
    TimeProvider clock) : Grain, IResultsGrain
{
    private ResultsState Draft => state.State;

    public async Task<Outcome<ResultsDraft>> Save(SaveResults command, IReadOnlyList<Guid> teams, IReadOnlyList<string> tracks)
    {
        if (CommandCheck.Refusal(Shared<SaveResultsValidator>.Validator, command) is { } invalid) return invalid;
        if (Replay(command.IdempotencyKey, command) is { } replayed) return replayed;
        if (Draft.Published) return DomainError.Conflict("results.published", "The results are published: withdraw them before changing the draft.");
        if (command.BasedOnVersion != Draft.Version)
            return DomainError.Conflict("results.stale", "Someone changed the results meanwhile. Reload and try again.");
        var named = command.Awards.Select(a => a.TeamId).Concat(command.Grants.Select(g => g.TeamId));
        if (named.FirstOrDefault(t => !teams.Contains(t)) is var unknown && unknown != Guid.Empty)
            return DomainError.Conflict("results.team-unknown", $"{unknown} is not a team of this camp.");
        if (command.Awards.FirstOrDefault(a => a.Kind == AwardKind.TrackWinner && !tracks.Contains(a.TrackId!)) is { } offTrack)
            return DomainError.Conflict("results.track-unknown", $"{offTrack.TrackId} is not a judging track of this camp.");
        if (command.Grants.Sum(g => g.Amount) is var granted && granted > command.GrantPool)
            return DomainError.Conflict("grants.over-pool", $"The mini-grants add up to {granted}, more than the pool of {command.GrantPool}.");

        Draft.Awards = command.Awards.ToList();
        Draft.GrantPool = command.GrantPool;
        Draft.Currency = command.Currency;
        Draft.Grants = command.Grants.ToList();
        Draft.AudiencePollId = command.AudiencePollId;
        Draft.Reveal = command.Reveal;
        return await Store(command.IdempotencyKey, command);
    }

    public async Task<Outcome<ResultsDraft>> Publish(PublishResults command, IReadOnlyList<Standing> standings, double audienceWeight)
    {
        if (CommandCheck.Refusal(Shared<PublishResultsValidator>.Validator, command) is { } invalid) return invalid;
        if (Replay(command.IdempotencyKey, command) is { } replayed) return replayed;
        if (Draft.Published == command.Publish) return View();
        Draft.Published = command.Publish;
        Draft.PublishedAt = command.Publish ? clock.GetUtcNow() : null;
        Draft.Standings = command.Publish ? standings.ToList() : [];
        Draft.AudienceWeight = command.Publish ? audienceWeight : 0;
        return await Store(command.IdempotencyKey, command);
    }

    public Task<ResultsDraft> GetDraft() => Task.FromResult(View());

    private Outcome<ResultsDraft>? Replay<T>(string key, T command) => Draft.Applied.Find(key) switch
    {
        null => null,
        { } applied when applied.Fingerprint == Fingerprint.Of(command) => View(),
        _ => DomainError.Conflict("idempotency.reused", "This idempotency key was already used for a different request."),
    };

    private async Task<Outcome<ResultsDraft>> Store<T>(string key, T command)
    {
        Draft.Version++;
        Draft.Applied.Remember(key, Fingerprint.Of(command), Draft.Version);
        await state.Store(this);
        return View();
    }

    private ResultsDraft View() => new(Draft.Awards, Draft.GrantPool, Draft.Currency, Draft.Grants, Draft.AudiencePollId, Draft.Reveal,
        Draft.Published, Draft.PublishedAt, Draft.AudienceWeight, Draft.Standings, Draft.Version);
}

[GenerateSerializer]
public sealed class ResultsState
{
    [Id(0)] public List<Award> Awards { get; set; } = [];
    [Id(1)] public decimal GrantPool { get; set; }
    [Id(2)] public string Currency { get; set; } = "USD";
    [Id(3)] public List<MiniGrant> Grants { get; set; } = [];
    [Id(4)] public Guid? AudiencePollId { get; set; }
    [Id(5)] public RevealOrder Reveal { get; set; }
    [Id(6)] public bool Published { get; set; }
    [Id(7)] public DateTimeOffset? PublishedAt { get; set; }
    [Id(8)] public double AudienceWeight { get; set; }
    [Id(9)] public List<Standing> Standings { get; set; } = [];
    [Id(10)] public long Version { get; set; }
    [Id(11)] public IdempotencyLog Applied { get; set; } = new();
}
