namespace SocialInnovation.Grains.Judging.Ranking;

/// <summary>
/// The judges' part and the audience's part of the final result, each on 0–1, mixed by the audience weight
/// the organizer set and shows openly (e.g. 0.2 = "the audience counts 20 %"). The judges' part is the
/// fitted quality placed between the lowest (0) and highest (1) team; the audience's part is a team's votes
/// divided by the most votes any team got. All teams equal on one side gives that side 1 for everyone, so
/// it cannot move the order.
/// </summary>
public static class FinalScore
{
    public static IReadOnlyDictionary<Guid, double> Combine(
        IReadOnlyDictionary<Guid, double> judgeQuality, IReadOnlyDictionary<Guid, int> votes, double audienceWeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(audienceWeight, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(audienceWeight, 1);
        var low = judgeQuality.Values.DefaultIfEmpty(0).Min();
        var high = judgeQuality.Values.DefaultIfEmpty(0).Max();
        var most = votes.Values.DefaultIfEmpty(0).Max();
        return judgeQuality.ToDictionary(t => t.Key, t =>
        {
            var judges = high - low > 1e-12 ? (t.Value - low) / (high - low) : 1;
            var audience = most > 0 ? votes.GetValueOrDefault(t.Key) / (double)most : 1;
            return (1 - audienceWeight) * judges + audienceWeight * audience;
        });
    }
}
