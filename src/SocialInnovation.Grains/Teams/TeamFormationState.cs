using SocialInnovation.Grains.Live;
using SocialInnovation.Teams;

namespace SocialInnovation.Grains.Teams;

[GenerateSerializer]
public sealed class TeamFormationState
{
    /// <summary>Each participant's ranking, by person id.</summary>
    [Id(0)] public Dictionary<Guid, ThemeRanking> Rankings { get; set; } = [];

    [Id(1)] public int PublishedVersion { get; set; }
    [Id(2)] public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The teams as last reported (at publication, then on every change), for the stream's snapshot.</summary>
    [Id(3)] public List<TeamDetails> Teams { get; set; } = [];

    [Id(4)] public StreamLogState Log { get; set; } = new();
}
