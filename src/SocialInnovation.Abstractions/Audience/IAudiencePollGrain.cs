using SocialInnovation.Common;
using SocialInnovation.Polls;

namespace SocialInnovation.Audience;

/// <summary>
/// The audience side of a poll: the same grain as <see cref="IPollGrain"/> (one poll, one tally, one
/// stream <c>poll:&lt;camp&gt;:&lt;poll&gt;</c>), opened for an audience that votes by a join code.
/// </summary>
public interface IAudiencePollGrain : IGrainWithGuidKey
{
    /// <param name="options">The option labels (the camp's team names for a people's choice poll); their ids are o1, o2, ….</param>
    /// <param name="teams">For a people's choice poll, the team of each option (parallel to <paramref name="options"/>).</param>
    Task<Outcome<AudiencePollView>> OpenForAudience(Guid campId, OpenAudiencePoll command, IReadOnlyList<string> options, IReadOnlyList<Guid>? teams, string code);

    /// <summary>
    /// Sets the voter's pick, replacing their earlier one; answered only once stored. A retry (same key) is
    /// answered as before and counted once; a late retry of an earlier vote never undoes a later one.
    /// </summary>
    Task<Outcome<AudienceVoteReceipt>> CastVote(Guid voterId, CastAudienceVote command);

    /// <summary>Shows the counts per option to everyone from now on.</summary>
    Task<Outcome<AudiencePollView>> Reveal();

    /// <summary>The whole tally with the counts, hidden or not: for the organizer. Null when not an audience poll.</summary>
    Task<AudiencePollView?> GetForOrganizer();

    /// <summary>What the audience sees: the counts only when not hidden. Null when not an audience poll.</summary>
    Task<AudiencePollView?> GetForAudience();
}

/// <summary>Where a join code leads (keyed by the code itself, e.g. "K7QM2X").</summary>
public interface IAudienceCodeGrain : IGrainWithStringKey
{
    /// <summary>True when the code is now this poll's (also when it already was); false when another poll holds it.</summary>
    Task<bool> Claim(Guid campId, Guid pollId);

    Task<AudienceCodeTarget?> Resolve();
}

[GenerateSerializer, Immutable]
public sealed record AudienceCodeTarget(Guid CampId, Guid PollId);

/// <summary>An audience poll's settings, carried in its <see cref="PollTally"/>.</summary>
/// <param name="Hidden">The counts are hidden right now (hidden until reveal and not yet revealed): the tally's per-option counts are then 0.</param>
[GenerateSerializer, Immutable]
/// <param name="Teams">For a people's choice poll, the team of each option, in option order (o1 is the first).</param>
public sealed record AudienceSettings(string Code, AudiencePollKind Kind, int MaxChoices, bool HideUntilReveal, bool RequireInvite, bool Hidden, IReadOnlyList<Guid> Teams);

[GenerateSerializer, Immutable]
public sealed record AudiencePollView(PollTally Tally, AudienceSettings Audience);

/// <param name="Choices">The voter's pick as stored now (a late retry of an earlier vote answers with the current pick).</param>
/// <param name="Changes">How many times this voter has voted (1 for a first vote).</param>
[GenerateSerializer, Immutable]
public sealed record AudienceVoteReceipt(Guid PollId, IReadOnlyList<string> Choices, int Changes, bool Replayed);
