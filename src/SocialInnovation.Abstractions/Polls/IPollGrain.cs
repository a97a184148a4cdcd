using SocialInnovation.Common;
using SocialInnovation.Live;

namespace SocialInnovation.Polls;

/// <summary>
/// One dot-vote: options, a number of dots per voter, and each voter's current allocation. Reusable by
/// any capability that needs a vote (problem voting now, the audience vote later). Votes live here,
/// never in the camp's state.
/// </summary>
public interface IPollGrain : IGrainWithGuidKey
{
    Task<Outcome<PollTally>> Open(Guid campId, OpenPoll command);

    /// <summary>
    /// Sets the voter's whole allocation, replacing their previous one: sending the same allocation again
    /// (a phone retrying) changes nothing, so every dot is counted exactly once.
    /// </summary>
    Task<Outcome<PollTally>> Vote(Guid voterId, CastDots command);

    Task<Outcome<PollTally>> Close(string idempotencyKey);

    /// <summary>
    /// Adds an option to an open dot-vote (a problem statement proposed while voting runs); an option with the
    /// same label (in any case) is answered as it is, so a retry adds none twice.
    /// </summary>
    Task<Outcome<PollOption>> AddOption(string label);

    /// <summary>
    /// Merges option <paramref name="from"/> into <paramref name="into"/> while voting is open: every voter's
    /// dots on it move to <paramref name="into"/> (a voter with dots on both keeps the sum, so no budget is
    /// exceeded), and <paramref name="from"/> leaves the poll. A vote still naming it counts for
    /// <paramref name="into"/>. Merging again is answered as it is.
    /// </summary>
    Task<Outcome<PollTally>> MergeOptions(string from, string into);

    /// <summary>Null when the poll was never opened.</summary>
    Task<PollTally?> GetTally();

    Task<IReadOnlyDictionary<string, int>> GetAllocation(Guid voterId);

    /// <summary>Catch-up of <c>poll:&lt;campId&gt;:&lt;pollId&gt;</c>; <c>poll.unknown</c> unless the poll is of that camp.</summary>
    Task<Outcome<StreamCatchUp>> CatchUp(Guid campId, StreamPosition? after);
}

/// <summary>Names a poll's stream, <c>poll:&lt;campId&gt;:&lt;pollId&gt;</c>; its events (kind <c>Tally</c>) each carry a whole <see cref="PollTally"/>.</summary>
public static class PollStreams
{
    public const string Kind = "poll";

    public static StreamId For(Guid campId, Guid pollId) => new(Kind, campId, pollId.ToString("N"));
}

[GenerateSerializer, Immutable]
public sealed record PollOption(string Id, string Label);

/// <param name="Version">+1 per accepted change; a client keeps the highest it saw.</param>
/// <param name="Hidden">An audience poll whose counts are hidden until the organizer reveals them: every option's count is 0 here, <see cref="Voters"/> is real.</param>
[GenerateSerializer, Immutable]
public sealed record PollTally(
    Guid PollId,
    Guid CampId,
    string Title,
    int DotsPerVoter,
    IReadOnlyList<OptionTally> Options,
    int Voters,
    bool Closed,
    long Version,
    bool Hidden = false);

[GenerateSerializer, Immutable]
public sealed record OptionTally(string Id, string Label, int Dots);
