using SocialInnovation.Awards;

namespace SocialInnovation.Grains.Awards;

/// <summary>One team's inputs to the final result.</summary>
/// <param name="Quality">The judges' fitted quality; null when no judge scored the team.</param>
/// <param name="JudgeRank">The fitted judging rank (1 best); null when unjudged.</param>
public sealed record StandingInput(Guid TeamId, string Name, double? Quality, int? JudgeRank, int AudienceVotes);

/// <summary>
/// Combines the judges and the audience openly: each part is put on 0–1 (judges: the fitted quality between
/// the lowest and the highest judged team; audience: votes divided by the most votes any team got), then
/// final = (1 − w) × judges + w × audience. Both parts span the same 0–1, so w is the audience's share of
/// the result as shown. An unjudged team's judges' part is 0; with no votes every audience part is 0; when
/// every judged team has the same quality every judges' part is 1.
/// Ties: the better fitted judging rank, then more audience votes, then the earlier pitch (input order).
/// </summary>
public static class FinalStandings
{
    public static IReadOnlyList<Standing> Combine(IReadOnlyList<StandingInput> teams, double audienceWeight)
    {
        if (audienceWeight is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(audienceWeight));
        var judged = teams.Where(t => t.Quality is not null).Select(t => t.Quality!.Value).ToList();
        var (low, high) = judged.Count > 0 ? (judged.Min(), judged.Max()) : (0, 0);
        var mostVotes = teams.Count > 0 ? teams.Max(t => t.AudienceVotes) : 0;

        var scored = teams.Select((t, order) =>
        {
            var judges = t.Quality is not { } q ? 0 : high > low ? (q - low) / (high - low) : 1;
            var audience = mostVotes > 0 ? (double)t.AudienceVotes / mostVotes : 0;
            return (Team: t, Order: order, Judges: judges, Audience: audience, Final: (1 - audienceWeight) * judges + audienceWeight * audience);
        });
        return scored
            .OrderByDescending(s => Math.Round(s.Final, 9))
            .ThenBy(s => s.Team.JudgeRank ?? int.MaxValue)
            .ThenByDescending(s => s.Team.AudienceVotes)
            .ThenBy(s => s.Order)
            .Select((s, i) => new Standing(s.Team.TeamId, s.Team.Name, i + 1, s.Team.JudgeRank, s.Team.Quality,
                Math.Round(s.Judges, 4), s.Team.AudienceVotes, Math.Round(s.Audience, 4), Math.Round(s.Final, 4)))
            .ToList();
    }
}
