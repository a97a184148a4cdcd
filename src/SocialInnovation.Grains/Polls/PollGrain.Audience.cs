using SocialInnovation.Audience;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Polls;

namespace SocialInnovation.Grains.Polls;

/// <summary>
/// The audience side of a poll: opened with a join code, one pick per voter (a device or a camp member),
/// counts hidden until revealed if the organizer wants. A vote changes memory, asks the stream for a
/// coalesced tally, and answers once the group-committed journal row holding it is stored
/// (PollGrain.Journal.cs), so a burst of thousands of votes is a few small rows a second and every answered
/// vote is in storage.
/// </summary>
public sealed partial class PollGrain
{
    /// <summary>
    /// How many times one voter may vote in one poll: changing one's mind is fine, a phone hammering the
    /// button is not, and the keys kept per voter stay few.
    /// </summary>
    public const int MaxVotesPerVoter = 10;

    public async Task<Outcome<AudiencePollView>> OpenForAudience(Guid campId, OpenAudiencePoll command, IReadOnlyList<string> options, IReadOnlyList<Guid>? teams, string code)
    {
        if (CommandCheck.Refusal(Shared<OpenAudiencePollValidator>.Validator, command) is { } invalid) return invalid;
        if (options.Count is < 2 or > 50)
            return DomainError.Conflict("poll.options", "A poll needs 2 to 50 options (a people's choice poll: 2 to 50 teams).");
        if (Poll.Exists)
            return Poll.CampId == campId && Poll.Title == command.Title && Poll.Audience is not null
                ? View(full: true) : DomainError.Conflict("poll.exists", "This poll is already open.");

        Poll.CampId = campId;
        Poll.Title = command.Title;
        Poll.Options = options.Select((label, i) => new PollOption($"o{i + 1}", label)).ToList();
        Poll.DotsPerVoter = command.MaxChoices;
        Poll.Audience = new AudiencePollState
        {
            Code = code,
            Kind = command.Kind,
            HideUntilReveal = command.HideUntilReveal,
            RequireInvite = command.RequireInvite,
            Teams = teams?.ToList() ?? [],
        };
        Poll.Version = 1;
        await Changed();
        return View(full: true);
    }

    public async Task<Outcome<AudienceVoteReceipt>> CastVote(Guid voterId, CastAudienceVote command)
    {
        if (CommandCheck.Refusal(Shared<CastAudienceVoteValidator>.Validator, command) is { } invalid) return invalid;
        if (Poll.Audience is not { } audience) return Unknown();
        var keys = audience.Keys.GetValueOrDefault(voterId);
        if (keys is not null && keys.Contains(command.IdempotencyKey))
        {
            // A retry: answered once the write holding the first application (perhaps in flight) is stored.
            await Log.Settled();
            return Receipt(voterId, keys.Count, replayed: true);
        }
        if (Poll.Closed) return DomainError.Conflict("poll.closed", "Voting has closed.");
        if (command.Choices.Count > Poll.DotsPerVoter)
            return DomainError.Conflict("poll.too-many-choices", $"Pick at most {Poll.DotsPerVoter}.");
        if (command.Choices.FirstOrDefault(id => Poll.Options.All(o => o.Id != id)) is { } unknown)
            return DomainError.Conflict("poll.option-unknown", $"{unknown} is not an option of this poll.");
        if (keys is { Count: >= MaxVotesPerVoter })
            return DomainError.Conflict("poll.too-many-changes", $"A voter may change their vote {MaxVotesPerVoter - 1} times.");

        Poll.Votes[voterId] = command.Choices.ToDictionary(c => c, _ => 1);
        (audience.Keys[voterId] = keys ?? []).Add(command.IdempotencyKey);
        Poll.Version++;
        Journaled(voterId, Poll.Votes[voterId], command.IdempotencyKey);
        Log.Changed(TallyKind, Tally);
        await Log.Commit();
        return Receipt(voterId, audience.Keys[voterId].Count, replayed: false);
    }

    public async Task<Outcome<AudiencePollView>> Reveal()
    {
        if (Poll.Audience is not { } audience) return Unknown();
        if (!audience.Revealed)
        {
            audience.Revealed = true;
            Poll.Version++;
            await Changed();
        }
        return View(full: true);
    }

    public Task<AudiencePollView?> GetForOrganizer() => Task.FromResult(Poll.Audience is null ? null : View(full: true));

    public Task<AudiencePollView?> GetForAudience() => Task.FromResult(Poll.Audience is null ? null : View(full: false));

    /// <summary>Publishes the (coalesced) tally and answers once the whole poll is stored; the tally is computed when it goes out.</summary>
    private Task Changed()
    {
        Writes.WholeDue();
        Log.Changed(TallyKind, Tally);
        return Log.Commit();
    }

    private AudiencePollView View(bool full)
    {
        var a = Poll.Audience!;
        return new AudiencePollView(full ? FullTally() : Tally(),
            new AudienceSettings(a.Code, a.Kind, Poll.DotsPerVoter, a.HideUntilReveal, a.RequireInvite, a.Hidden, a.Teams));
    }

    private AudienceVoteReceipt Receipt(Guid voterId, int changes, bool replayed) =>
        new(this.GetPrimaryKey(), Poll.Votes.TryGetValue(voterId, out var pick) ? pick.Keys.ToList() : [], changes, replayed);
}
