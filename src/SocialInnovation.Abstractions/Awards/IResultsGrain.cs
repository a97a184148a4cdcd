using SocialInnovation.Common;

namespace SocialInnovation.Awards;

/// <summary>
/// A camp's results (keyed by the camp id): the organizer's draft of awards and mini-grants, and, once
/// published, the final standings frozen as they were published. Kept here, never in the camp's state.
/// </summary>
public interface IResultsGrain : IGrainWithGuidKey
{
    /// <param name="teams">The camp's teams (awards and grants may only name these).</param>
    /// <param name="tracks">The judging setup's track ids (a track winner must name one).</param>
    Task<Outcome<ResultsDraft>> Save(SaveResults command, IReadOnlyList<Guid> teams, IReadOnlyList<string> tracks);

    /// <param name="standings">The final standings to freeze when publishing (the caller computes them from the locked judging and the audience poll).</param>
    Task<Outcome<ResultsDraft>> Publish(PublishResults command, IReadOnlyList<Standing> standings, double audienceWeight);

    Task<ResultsDraft> GetDraft();
}

/// <summary>
/// One team's place in the final result: the judges' part (fitted quality scaled 0–1 between the lowest and
/// highest judged team) and the audience's part (votes scaled 0–1 by the most voted team), combined as
/// (1 − weight) × judges + weight × audience.
/// </summary>
/// <param name="JudgeRank">The fitted judging rank, null for a team no judge scored.</param>
[GenerateSerializer, Immutable]
public sealed record Standing(
    Guid TeamId,
    string Name,
    int Rank,
    int? JudgeRank,
    double? Quality,
    double JudgesPart,
    int AudienceVotes,
    double AudiencePart,
    double Final);

/// <param name="Standings">Frozen at publishing; empty in a draft that was never published (the organizer's page previews them live).</param>
[GenerateSerializer, Immutable]
public sealed record ResultsDraft(
    IReadOnlyList<Award> Awards,
    decimal GrantPool,
    string Currency,
    IReadOnlyList<MiniGrant> Grants,
    Guid? AudiencePollId,
    RevealOrder Reveal,
    bool Published,
    DateTimeOffset? PublishedAt,
    double AudienceWeight,
    IReadOnlyList<Standing> Standings,
    long Version);

/// <summary>What everyone sees once the results are published (and the organizer's preview before).</summary>
[GenerateSerializer, Immutable]
public sealed record CampResults(
    Guid CampId,
    string CampName,
    bool Published,
    DateTimeOffset? PublishedAt,
    double AudienceWeight,
    RevealOrder Reveal,
    IReadOnlyList<Standing> Standings,
    IReadOnlyList<Award> Awards,
    decimal GrantPool,
    string Currency,
    IReadOnlyList<MiniGrant> Grants,
    Guid? AudiencePollId,
    long Version);
