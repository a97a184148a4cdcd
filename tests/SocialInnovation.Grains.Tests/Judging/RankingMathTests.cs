using SocialInnovation.Grains.Judging.Ranking;
using SocialInnovation.Judging;

namespace SocialInnovation.Grains.Tests.Judging;

/// <summary>Worked examples for the judging math: every number here can be checked by hand.</summary>
public sealed class RankingMathTests
{
    private static readonly Guid A = Id(1), B = Id(2), C = Id(3), D = Id(4);
    private static readonly Guid Harsh = Id(11), Lenient = Id(12), Fair = Id(13);

    [Fact]
    public void A_weighted_score_places_each_mark_within_its_own_scale_and_weighs_it()
    {
        var rubric = new Rubric([new("impact", "Impact", "", 3, 1, 10), new("pitch", "Pitch", "", 1, 0, 4)]);
        Assert.Equal(10, rubric.WeightedScore(new Dictionary<string, int> { ["impact"] = 10, ["pitch"] = 4 }));
        Assert.Equal(0, rubric.WeightedScore(new Dictionary<string, int> { ["impact"] = 1, ["pitch"] = 0 }));
        // impact at the top (1.0 × 3) and pitch at the bottom (0 × 1): 3 of 4 weights → 7.5 of 10.
        Assert.Equal(7.5, rubric.WeightedScore(new Dictionary<string, int> { ["impact"] = 10, ["pitch"] = 0 }));
    }

    [Fact]
    public void A_score_missing_a_criterion_or_off_the_scale_is_not_a_score()
    {
        Assert.Null(Rubric.Default.WeightedScore(new Dictionary<string, int> { ["impact"] = 5 }));
        var marks = Rubric.Default.Criteria.ToDictionary(c => c.Id, _ => 5);
        marks["pitch"] = 11;
        Assert.Null(Rubric.Default.WeightedScore(marks));
    }

    [Fact]
    public void The_default_rubric_is_valid_and_a_rubric_with_a_reversed_scale_is_not()
    {
        Assert.True(new RubricValidator().Validate(Rubric.Default).IsValid);
        Assert.False(new RubricValidator().Validate(new Rubric([new("x", "Bad scale", "", 1, 5, 5)])).IsValid);
    }

    /// <summary>
    /// True quality A 8 > B 7 > C 6 > D 5. A fair judge scores all four; a harsh judge (−2) saw only A and B,
    /// a lenient one (+2) only C and D. Raw means tie A with C and B with D; the fit recovers A > B > C > D.
    /// </summary>
    [Fact]
    public void Fitting_judge_effects_undoes_a_harsh_and_a_lenient_judge_who_saw_different_teams()
    {
        Judgment[] scores =
        [
            new(Fair, A, 8), new(Fair, B, 7), new(Fair, C, 6), new(Fair, D, 5),
            new(Harsh, A, 6), new(Harsh, B, 5),
            new(Lenient, C, 8), new(Lenient, D, 7),
        ];
        var raw = RawScores.Means(scores);
        Assert.Equal(raw[A], raw[C]);
        Assert.Equal(raw[B], raw[D]);

        var fit = JudgeEffects.Fit(scores);
        Assert.Equal([A, B, C, D], TeamRanking.Rank(scores, fit, [A, B, C, D]).Select(r => r.Team));
        Assert.Equal(4, fit.Judges[Lenient].Offset - fit.Judges[Harsh].Offset, 1);
        Assert.Equal(0, fit.Judges.Values.Average(j => j.Offset), 6);
        // Every judge spreads scores alike here, so on the score scale A stays 3 points above D.
        Assert.Equal(3, fit.Typical(A) - fit.Typical(D), 1);
    }

    [Fact]
    public void A_judge_who_spreads_scores_twice_as_wide_gets_twice_the_scale()
    {
        Judgment[] scores =
        [
            new(Fair, A, 7), new(Fair, B, 6), new(Fair, C, 5), new(Fair, D, 4),
            new(Lenient, A, 9), new(Lenient, B, 7), new(Lenient, C, 5), new(Lenient, D, 3),
        ];
        var fit = JudgeEffects.Fit(scores);
        Assert.Equal(2, fit.Judges[Lenient].Scale / fit.Judges[Fair].Scale, 1);
    }

    [Fact]
    public void Per_judge_z_scores_centre_each_judge_on_their_own_mean()
    {
        Judgment[] scores = [new(Harsh, A, 4), new(Harsh, B, 6), new(Lenient, A, 9), new(Lenient, B, 9)];
        var z = RawScores.ZMeans(scores);
        // Harsh: mean 5, spread 1 → A −1, B +1; Lenient gave everyone 9 → 0 for both.
        Assert.Equal(-0.5, z[A], 9);
        Assert.Equal(0.5, z[B], 9);
    }

    [Fact]
    public void Teams_the_judges_cannot_tell_apart_are_ordered_by_pitch_order_and_never_share_a_rank()
    {
        Judgment[] scores = [new(Fair, A, 7), new(Fair, B, 7), new(Harsh, A, 5), new(Harsh, B, 5)];
        var ranking = TeamRanking.Rank(scores, [B, A]);
        Assert.Equal([(B, 1), (A, 2)], ranking.Select(r => (r.Team, r.Rank)));
    }

    [Fact]
    public void The_audience_weight_mixes_votes_into_the_result_as_the_organizer_set_it()
    {
        var quality = new Dictionary<Guid, double> { [A] = 1, [B] = 0, [C] = -1 };
        var votes = new Dictionary<Guid, int> { [B] = 10, [C] = 5 };
        // 20 %: A = 0.8 × 1 + 0.2 × 0 = 0.8; B = 0.8 × 0.5 + 0.2 × 1 = 0.6; C = 0 + 0.2 × 0.5 = 0.1.
        var twenty = FinalScore.Combine(quality, votes, 0.2);
        Assert.Equal(0.8, twenty[A], 9);
        Assert.Equal(0.6, twenty[B], 9);
        Assert.Equal(0.1, twenty[C], 9);
        // 50 %: B (0.75) overtakes A (0.5).
        var half = FinalScore.Combine(quality, votes, 0.5);
        Assert.True(half[B] > half[A]);
        // No audience: the judges alone.
        Assert.Equal(1, FinalScore.Combine(quality, votes, 0)[A]);
    }

    [Fact]
    public void Confidence_narrows_as_judgments_are_added()
    {
        var world = Simulation.World(seed: 7, teams: 10, judges: 8, careless: 0);
        var few = world.Judge(perTeam: 2);
        var many = world.Judge(perTeam: 6);
        var (narrow, wide) = (AverageWidth(many), AverageWidth(few));
        Assert.True(narrow < wide, $"rank interval width with 6 judgments per team {narrow}, with 2 {wide}");

        static double AverageWidth(IReadOnlyList<Judgment> scores)
        {
            var confidence = RankConfidence.Estimate(scores, JudgeEffects.Fit(scores), [1, 3], samples: 100);
            return confidence.Values.Average(c => c.RankHigh - c.RankLow);
        }
    }

    [Fact]
    public void Every_team_gets_two_judges_first_with_the_least_judged_team_next()
    {
        var judgedBy = new Dictionary<Guid, IReadOnlySet<Guid>>
        {
            [A] = new HashSet<Guid> { Harsh, Lenient }, [B] = new HashSet<Guid> { Harsh }, [C] = new HashSet<Guid>(),
        };
        Assert.Equal(C, NextTeam.Choose(Fair, [A, B, C], judgedBy, new HashSet<Guid>(), null));
        // C is a conflict for this judge: B, the next least judged, is chosen; A already has two.
        Assert.Equal(B, NextTeam.Choose(Fair, [A, B, C], judgedBy, new HashSet<Guid> { C }, null));
        // A judge is never given a team twice nor a conflicted team, even when nothing else is left.
        Assert.Null(NextTeam.Choose(Harsh, [A, B], judgedBy, new HashSet<Guid>(), null));
    }

    [Fact]
    public void After_the_first_round_a_judge_is_sent_where_a_cut_off_is_least_certain()
    {
        var two = new HashSet<Guid> { Harsh, Lenient };
        var judgedBy = new Dictionary<Guid, IReadOnlySet<Guid>> { [A] = two, [B] = two, [C] = two };
        var confidence = new Dictionary<Guid, TeamConfidence>
        {
            [A] = new(A, 1, 1, new Dictionary<int, double> { [1] = 1.0 }),
            [B] = new(B, 2, 3, new Dictionary<int, double> { [1] = 0.0, [2] = 0.5 }),
            [C] = new(C, 2, 3, new Dictionary<int, double> { [1] = 0.0, [2] = 0.5 - 0.3 }),
        };
        Assert.Equal(B, NextTeam.Choose(Fair, [A, B, C], judgedBy, new HashSet<Guid>(), confidence));
        Assert.True(confidence[B].NeedsMoreJudgments);
        Assert.False(confidence[A].NeedsMoreJudgments);
    }

    [Fact]
    public void Bradley_Terry_orders_teams_by_their_comparisons_and_keeps_an_unbeaten_team_finite()
    {
        Comparison[] comparisons =
        [
            new(Fair, A, B), new(Harsh, A, B), new(Lenient, A, B),
            new(Fair, B, C), new(Harsh, B, C), new(Lenient, C, B),
            new(Fair, A, C),
        ];
        var strength = BradleyTerry.Fit(comparisons);
        Assert.True(strength[A] > strength[B] && strength[B] > strength[C]);
        Assert.True(double.IsFinite(strength[A]));
        Assert.Equal(0, strength.Values.Average(), 9);
    }

    [Fact]
    public void Pairwise_ranking_follows_the_verdicts_and_its_intervals_narrow_as_comparisons_are_added()
    {
        // Four teams whose true order is A > B > C > D; every pair compared once, then the same verdicts four times over.
        var teams = new[] { A, B, C, Id(9) };
        var once = (from i in Enumerable.Range(0, 4) from j in Enumerable.Range(i + 1, 3 - i) select new Comparison(Fair, teams[i], teams[j])).ToList();
        var (ranked, few) = PairwiseRanking.Rank(once, teams, [1]);
        Assert.Equal(teams, ranked.Select(r => r.Team));
        Assert.Equal(10.0, ranked[0].RawMean, 9); // won every comparison
        var (_, many) = PairwiseRanking.Rank([.. once, .. once, .. once, .. once], teams, [1]);
        Assert.True(many.Values.Average(c => c.RankHigh - c.RankLow) < few.Values.Average(c => c.RankHigh - c.RankLow));
        Assert.True(many[A].WithinTop[1] > few[A].WithinTop[1]);
    }

    [Fact]
    public void The_next_pair_starts_with_the_least_compared_team_against_the_closest_one_not_yet_compared()
    {
        var counts = new Dictionary<Guid, int> { [A] = 3, [B] = 1, [C] = 2 };
        var strength = new Dictionary<Guid, double> { [A] = 1.0, [B] = 0.9, [C] = -1.0 };
        // B has the fewest comparisons; A is the closest to it.
        Assert.Equal((A, B), NextPair.Choose([A, B, C], new HashSet<(Guid, Guid)>(), counts, strength));
        // This judge already compared A and B: B's other partner.
        Assert.Equal((B, C), NextPair.Choose([A, B, C], new HashSet<(Guid, Guid)> { (B, A) }, counts, strength));
        // Every pair compared, or one team left: nothing.
        Assert.Null(NextPair.Choose([A, B, C], new HashSet<(Guid, Guid)> { (A, B), (B, C), (C, A) }, counts, strength));
        Assert.Null(NextPair.Choose([A], new HashSet<(Guid, Guid)>(), counts, strength));
    }

    private static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");
}
