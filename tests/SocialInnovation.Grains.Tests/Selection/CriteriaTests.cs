using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Tests.Applications;
using SocialInnovation.Selection;

namespace SocialInnovation.Grains.Tests.Selection;

/// <summary>Reviewers score each application on the camp's criteria; the application's score is the mean of their means.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CriteriaTests(ClusterFixture fixture) : IntakeTests(fixture)
{
    private static ReviewApplication Scores(string notes, params (string Criterion, int Score)[] scores) =>
        new(scores.Select(s => new CriterionScore(s.Criterion, s.Score)).ToList(), notes, NewKey());

    private async Task<(ICampGrain Camp, IApplicationGrain Application)> OneApplication()
    {
        var camp = await CampInPhase(CampPhase.Applications);
        var row = await Apply(camp, Form(NewEmail()));
        return (camp, Grains.GetGrain<IApplicationGrain>(row.ApplicationId));
    }

    [Fact]
    public async Task A_camp_scores_on_motivation_skills_team_fit_and_impact_until_its_organizers_change_that()
    {
        var (camp, _) = await OneApplication();

        var criteria = await Grains.GetGrain<ISelectionCriteriaGrain>(camp.GetPrimaryKey()).Get();

        Assert.Equal(["motivation", "skills", "team-fit", "impact"], criteria.Criteria.Select(c => c.Id));
        Assert.Equal(0, criteria.Version);
    }

    [Fact]
    public async Task The_score_is_the_mean_over_reviewers_of_each_reviewers_criterion_mean_with_their_spread()
    {
        var (_, application) = await OneApplication();

        (await application.Review(Guid.NewGuid(), "Aigerim", Scores("Keen", ("motivation", 5), ("skills", 4), ("team-fit", 4), ("impact", 5)))).Ok();
        var score = (await application.Review(Guid.NewGuid(), "Timur", Scores("Unsure", ("impact", 3), ("team-fit", 2), ("skills", 2), ("motivation", 3)))).Ok();

        // Aigerim 4.5, Timur 2.5.
        Assert.Equal(new ScoreSummary(3.5, 2, 2, 2.5, 4.5), score);
        var timur = (await application.GetDetails())!.Reviews.Single(r => r.ReviewerName == "Timur");
        Assert.Equal((2.5, 4), (timur.Score, timur.Criteria!.Count));
    }

    [Fact]
    public async Task A_review_that_leaves_out_a_criterion_or_names_an_unknown_one_is_refused_and_changes_nothing()
    {
        var (_, application) = await OneApplication();
        var reviewer = Guid.NewGuid();

        (await application.Review(reviewer, "Aigerim", Scores("", ("motivation", 5), ("skills", 4), ("team-fit", 4)))).Refused("review.criteria", ErrorKind.Conflict);
        (await application.Review(reviewer, "Aigerim", Scores("", ("motivation", 5), ("skills", 4), ("team-fit", 4), ("charisma", 5)))).Refused("review.criteria", ErrorKind.Conflict);
        (await application.Review(reviewer, "Aigerim", Scores("", ("motivation", 6), ("skills", 4), ("team-fit", 4), ("impact", 5)))).Refused("validation", ErrorKind.Invalid);

        Assert.Empty((await application.GetDetails())!.Reviews);
    }

    [Fact]
    public async Task Reviews_score_the_organizers_new_criteria_and_a_change_based_on_an_old_list_is_refused()
    {
        var (camp, application) = await OneApplication();
        var criteria = Grains.GetGrain<ISelectionCriteriaGrain>(camp.GetPrimaryKey());
        var change = new SetCriteria([new("motivation", "Motivation"), new("languages", "Languages")], 0, NewKey());

        var changed = (await criteria.Set(change)).Ok();
        var retried = (await criteria.Set(change)).Ok();
        var stale = await criteria.Set(new SetCriteria([new("impact", "Impact")], 0, NewKey()));

        Assert.Equal((1, 1), (changed.Version, retried.Version));
        stale.Refused("criteria.stale", ErrorKind.Conflict);
        (await application.Review(Guid.NewGuid(), "Aigerim", ReviewApplication.Alike(4, "", NewKey()))).Refused("review.criteria", ErrorKind.Conflict);
        var score = (await application.Review(Guid.NewGuid(), "Aigerim", Scores("", ("languages", 3), ("motivation", 4)))).Ok();
        Assert.Equal(3.5, score.Mean);
    }

    [Fact]
    public async Task Criteria_with_a_repeated_id_or_none_at_all_are_refused()
    {
        var (camp, _) = await OneApplication();
        var criteria = Grains.GetGrain<ISelectionCriteriaGrain>(camp.GetPrimaryKey());

        (await criteria.Set(new SetCriteria([new("impact", "Impact"), new("impact", "Impact again")], 0, NewKey()))).Refused("validation", ErrorKind.Invalid);
        (await criteria.Set(new SetCriteria([], 0, NewKey()))).Refused("validation", ErrorKind.Invalid);
        (await criteria.Set(new SetCriteria([new("Team Fit", "Team fit")], 0, NewKey()))).Refused("validation", ErrorKind.Invalid);

        Assert.Equal(0, (await criteria.Get()).Version);
    }
}
