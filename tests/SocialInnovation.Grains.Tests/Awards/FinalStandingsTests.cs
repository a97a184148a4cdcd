using SocialInnovation.Grains.Awards;

namespace SocialInnovation.Grains.Tests.Awards;

/// <summary>Worked examples of how much the audience counts (docs: README "Results, awards and mini-grants").</summary>
public sealed class FinalStandingsTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    private static IReadOnlyList<StandingInput> ThreeTeams(int votesA, int votesB, int votesC) =>
    [
        new(A, "A", 8.0, 1, votesA),
        new(B, "B", 6.0, 2, votesB),
        new(C, "C", 5.0, 3, votesC),
    ];

    [Fact]
    public void At_20_percent_the_audience_moves_points_but_not_the_judges_clear_winner()
    {
        // Judges' part: (8-5)/(8-5)=1, (6-5)/3=0.3333, 0. Audience part: 10/50=0.2, 40/50=0.8, 50/50=1.
        // Final = 0.8 × judges + 0.2 × audience: A 0.84, B 0.4267, C 0.2.
        var standings = FinalStandings.Combine(ThreeTeams(10, 40, 50), 0.2);

        Assert.Equal(["A", "B", "C"], standings.Select(s => s.Name));
        Assert.Equal([1.0, 0.3333, 0.0], standings.Select(s => s.JudgesPart));
        Assert.Equal([0.2, 0.8, 1.0], standings.Select(s => s.AudiencePart));
        Assert.Equal([0.84, 0.4267, 0.2], standings.Select(s => s.Final));
    }

    [Fact]
    public void At_half_weight_the_audience_can_swap_close_teams()
    {
        // B: 0.5 × 0.3333 + 0.5 × 1 = 0.6667; A: 0.5 × 1 + 0.5 × 0.1 = 0.55; C: 0.5 × 0 + 0.5 × 0.2 = 0.1.
        var standings = FinalStandings.Combine(ThreeTeams(5, 50, 10), 0.5);

        Assert.Equal(["B", "A", "C"], standings.Select(s => s.Name));
        Assert.Equal([0.6667, 0.55, 0.1], standings.Select(s => s.Final));
        Assert.Equal([1, 2, 3], standings.Select(s => s.Rank));
    }

    [Fact]
    public void With_no_audience_weight_the_judges_ranking_stands_whatever_the_votes()
    {
        var standings = FinalStandings.Combine(ThreeTeams(0, 0, 100), 0);

        Assert.Equal(["A", "B", "C"], standings.Select(s => s.Name));
        Assert.Equal([1.0, 0.3333, 0.0], standings.Select(s => s.Final));
    }

    [Fact]
    public void A_tie_goes_to_the_better_judging_rank_then_more_votes_then_the_earlier_pitch()
    {
        // A and B tie at 0.5 (A: judges 1, audience 0; B: judges 0, audience 1); A has the better judging rank.
        var judged = FinalStandings.Combine([new(B, "B", 5.0, 2, 20), new(A, "A", 9.0, 1, 0)], 0.5);
        // Neither judged: both 0 judges' part; equal votes; the earlier pitch (input order) wins.
        var unjudged = FinalStandings.Combine([new(C, "C", null, null, 3), new(A, "A", null, null, 3)], 0.2);

        Assert.Equal(["A", "B"], judged.Select(s => s.Name));
        Assert.Equal(judged[0].Final, judged[1].Final);
        Assert.Equal(["C", "A"], unjudged.Select(s => s.Name));
    }

    [Fact]
    public void An_unjudged_team_gets_no_judges_part_and_equal_judged_teams_all_get_full_part()
    {
        var standings = FinalStandings.Combine([new(A, "A", 7.0, 1, 0), new(B, "B", 7.0, 2, 0), new(C, "C", null, null, 4)], 0.2);

        Assert.Equal([1.0, 1.0, 0.0], standings.Select(s => s.JudgesPart));
        Assert.Equal([0.8, 0.8, 0.2], standings.Select(s => s.Final));
    }
}
