using SocialInnovation.Applications;
using SocialInnovation.Grains.Selection;
using SocialInnovation.Selection;

namespace SocialInnovation.Grains.Tests.Selection;

/// <summary>"Suggest selection" as a pure function: places by score within the quotas, with a reason for everyone.</summary>
public sealed class SelectionPlannerTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private int _order;

    private SelectionEntry Entry(string name, string country, double? score, int reviews = 1, ApplicationStatus status = ApplicationStatus.Submitted, string role = "Role")
    {
        var at = Start.AddMinutes(_order++);
        var row = new ApplicationRow(Guid.NewGuid(), Guid.Empty, name, country, "City", "NGO", role, [], ["ru"], "en", 1, at, at);
        return new SelectionEntry(row, status, score is null ? ScoreSummary.None : new ScoreSummary(score, reviews, 0), 3, null, null, null);
    }

    private static SelectionSettings Quotas(params CountryQuota[] quotas) => SelectionSettings.Default with { Quotas = quotas, Version = 4 };

    private static SelectionSettings Fields(CountryQuota[] countries, params FieldQuota[] fields) =>
        SelectionSettings.Default with { Quotas = countries, FieldQuotas = fields, Version = 5 };

    private static SuggestedPlace Of(SelectionSuggestion s, string name) => s.Applicants.Single(a => a.Name == name);

    [Fact]
    public void Places_go_by_score_and_the_rest_are_waitlisted_then_out()
    {
        var entries = new[] { Entry("Low", "KZ", 2), Entry("Top", "KZ", 5), Entry("Mid", "TJ", 4), Entry("None", "KG", null) };

        var s = SelectionPlanner.Suggest(entries, 2, Quotas(), waitlistSize: 1);

        Assert.Equal(["Top", "Mid", "Low", "None"], s.Applicants.Select(a => a.Name));
        Assert.Equal((SuggestedOutcome.In, SuggestionReason.Score), (Of(s, "Top").Outcome, Of(s, "Top").Reason));
        Assert.Equal((SuggestedOutcome.In, SuggestionReason.Score), (Of(s, "Mid").Outcome, Of(s, "Mid").Reason));
        Assert.Equal((SuggestedOutcome.Waitlisted, SuggestionReason.BelowCutOff), (Of(s, "Low").Outcome, Of(s, "Low").Reason));
        Assert.Equal((SuggestedOutcome.Out, SuggestionReason.BeyondWaitlist), (Of(s, "None").Outcome, Of(s, "None").Reason));
        Assert.Equal(3, Of(s, "Top").EntryVersion);
        Assert.Equal(4, s.SettingsVersion);
    }

    [Fact]
    public void Equal_scores_at_the_cut_off_go_to_more_reviews_then_to_who_applied_first()
    {
        var entries = new[] { Entry("Early", "KZ", 4), Entry("Late", "KZ", 4), Entry("Reviewed", "KZ", 4, reviews: 3) };

        var s = SelectionPlanner.Suggest(entries, 2, Quotas(), waitlistSize: 5);

        Assert.Equal(SuggestedOutcome.In, Of(s, "Reviewed").Outcome);
        Assert.Equal(SuggestedOutcome.In, Of(s, "Early").Outcome);
        Assert.Equal((SuggestedOutcome.Waitlisted, SuggestionReason.BelowCutOff), (Of(s, "Late").Outcome, Of(s, "Late").Reason));
    }

    [Fact]
    public void A_country_minimum_takes_a_place_before_better_scores_from_elsewhere()
    {
        var entries = new[] { Entry("Aida", "KZ", 5), Entry("Asel", "KZ", 5), Entry("Bakhrom", "TJ", 2) };

        var s = SelectionPlanner.Suggest(entries, 2, Quotas(new CountryQuota("TJ", 1, 10)), waitlistSize: 5);

        Assert.Equal((SuggestedOutcome.In, SuggestionReason.CountryMinimum), (Of(s, "Bakhrom").Outcome, Of(s, "Bakhrom").Reason));
        Assert.Equal(SuggestedOutcome.In, Of(s, "Aida").Outcome);
        Assert.Equal(SuggestedOutcome.Waitlisted, Of(s, "Asel").Outcome);
        Assert.Empty(s.Shortfalls);
    }

    [Fact]
    public void A_country_at_its_maximum_is_skipped_and_the_place_goes_further_down()
    {
        var entries = new[] { Entry("Aida", "KZ", 5), Entry("Asel", "KZ", 5), Entry("Chynara", "KG", 3) };

        var s = SelectionPlanner.Suggest(entries, 2, Quotas(new CountryQuota("KZ", 0, 1)), waitlistSize: 5);

        Assert.Equal(SuggestedOutcome.In, Of(s, "Aida").Outcome);
        Assert.Equal((SuggestedOutcome.Waitlisted, SuggestionReason.CountryMaximum), (Of(s, "Asel").Outcome, Of(s, "Asel").Reason));
        Assert.Equal((SuggestedOutcome.In, SuggestionReason.Score), (Of(s, "Chynara").Outcome, Of(s, "Chynara").Reason));
    }

    [Fact]
    public void A_minimum_with_too_few_applicants_gives_way_and_is_reported()
    {
        var entries = new[] { Entry("Aida", "KZ", 5), Entry("Bakhrom", "TJ", 1) };

        var s = SelectionPlanner.Suggest(entries, 2, Quotas(new CountryQuota("TJ", 3, 5)), waitlistSize: 5);

        Assert.All(s.Applicants, a => Assert.Equal(SuggestedOutcome.In, a.Outcome));
        Assert.Equal([new QuotaShortfall(QuotaField.Country, "TJ", 3, 1, ShortfallCause.TooFewApplicants)], s.Shortfalls);
    }

    [Fact]
    public void When_the_minimums_need_more_places_than_the_camp_has_the_lower_ranked_countrys_minimum_gives_way()
    {
        var entries = new[] { Entry("Aida", "KZ", 5), Entry("Asel", "KZ", 4), Entry("Bakhrom", "TJ", 3), Entry("Bahor", "TJ", 2) };

        var s = SelectionPlanner.Suggest(entries, 3, Quotas(new CountryQuota("KZ", 2, 4), new CountryQuota("TJ", 2, 4)), waitlistSize: 5);

        Assert.Equal(3, s.Applicants.Count(a => a.Outcome == SuggestedOutcome.In));
        Assert.Equal(SuggestedOutcome.Waitlisted, Of(s, "Bahor").Outcome);
        Assert.Equal([new QuotaShortfall(QuotaField.Country, "TJ", 2, 1, ShortfallCause.NotEnoughPlaces)], s.Shortfalls);
    }

    [Fact]
    public void Places_already_offered_or_confirmed_are_kept_and_count_toward_capacity_and_quotas()
    {
        var entries = new[]
        {
            Entry("Held", "KZ", 1, status: ApplicationStatus.Confirmed), Entry("Better", "KZ", 5), Entry("Other", "KG", 2),
            Entry("Gone", "KG", 5, status: ApplicationStatus.Rejected),
        };

        var s = SelectionPlanner.Suggest(entries, 2, Quotas(new CountryQuota("KZ", 0, 1)), waitlistSize: 5);

        Assert.Equal(1, s.PlacesHeld);
        Assert.Equal((SuggestedOutcome.In, SuggestionReason.AlreadyHolds), (Of(s, "Held").Outcome, Of(s, "Held").Reason));
        Assert.Equal((SuggestedOutcome.Waitlisted, SuggestionReason.CountryMaximum), (Of(s, "Better").Outcome, Of(s, "Better").Reason));
        Assert.Equal(SuggestedOutcome.In, Of(s, "Other").Outcome);
        Assert.DoesNotContain(s.Applicants, a => a.Name == "Gone");
    }

    [Fact]
    public void A_thousand_applications_fill_the_places_within_every_quota()
    {
        var countries = new[] { "KZ", "KG", "TJ", "UZ", "TM" };
        var random = new Random(7);
        var entries = Enumerable.Range(0, 1000).Select(i => Entry($"A{i}", countries[i % 5], random.Next(1, 11) / 2.0)).ToList();
        var quotas = countries.Select(c => new CountryQuota(c, 8, 20)).ToArray();

        var s = SelectionPlanner.Suggest(entries, 60, Quotas(quotas), waitlistSize: 30);

        Assert.Equal(60, s.Applicants.Count(a => a.Outcome == SuggestedOutcome.In));
        Assert.Equal(30, s.Applicants.Count(a => a.Outcome == SuggestedOutcome.Waitlisted));
        Assert.All(countries, c => Assert.InRange(s.Applicants.Count(a => a.Country == c && a.Outcome == SuggestedOutcome.In), 8, 20));
        Assert.Empty(s.Shortfalls);
    }

    [Fact]
    public void A_role_minimum_takes_a_place_before_better_scores_and_says_which_quota()
    {
        var entries = new[] { Entry("Aida", "KZ", 5, role: "Designer"), Entry("Asel", "KZ", 5, role: "Designer"), Entry("Bakhrom", "TJ", 2, role: " student ") };

        var s = SelectionPlanner.Suggest(entries, 2, Fields([], new FieldQuota(QuotaField.Role, "Student", 1, 5)), waitlistSize: 5);

        Assert.Equal((SuggestedOutcome.In, SuggestionReason.FieldMinimum), (Of(s, "Bakhrom").Outcome, Of(s, "Bakhrom").Reason));
        Assert.Equal(new QuotaKey(QuotaField.Role, "Student"), Of(s, "Bakhrom").Quota);
        Assert.Equal(SuggestedOutcome.Waitlisted, Of(s, "Asel").Outcome);
        Assert.Empty(s.Shortfalls);
    }

    [Fact]
    public void An_organisation_at_its_maximum_is_skipped_and_the_applicant_is_told_which_quota()
    {
        var entries = new[] { Entry("Aida", "KZ", 5), Entry("Asel", "KZ", 5), Entry("Chynara", "KG", 3) };
        var ngo = new FieldQuota(QuotaField.Organisation, "ngo", 0, 1);

        var s = SelectionPlanner.Suggest(entries, 2, Fields([], ngo), waitlistSize: 0);

        Assert.Equal(SuggestedOutcome.In, Of(s, "Aida").Outcome);
        Assert.Equal((SuggestedOutcome.Out, SuggestionReason.FieldMaximum), (Of(s, "Asel").Outcome, Of(s, "Asel").Reason));
        Assert.Equal(new QuotaKey(QuotaField.Organisation, "ngo"), Of(s, "Asel").Quota);
        Assert.Equal(SuggestedOutcome.Out, Of(s, "Chynara").Outcome);
    }

    [Fact]
    public void A_minimum_whose_applicants_are_all_held_back_by_another_maximum_gives_way_not_the_maximum()
    {
        // The only students are from KZ, and KZ may have one place: the students' minimum of 2 cannot be met.
        var entries = new[] { Entry("Aida", "KZ", 2, role: "Student"), Entry("Asel", "KZ", 1, role: "Student"), Entry("Chynara", "KG", 5) };

        var s = SelectionPlanner.Suggest(entries, 3, Fields([new CountryQuota("KZ", 0, 1)], new FieldQuota(QuotaField.Role, "Student", 2, 3)), waitlistSize: 5);

        Assert.Equal((SuggestedOutcome.In, SuggestionReason.FieldMinimum), (Of(s, "Aida").Outcome, Of(s, "Aida").Reason));
        Assert.Equal((SuggestedOutcome.Waitlisted, SuggestionReason.CountryMaximum), (Of(s, "Asel").Outcome, Of(s, "Asel").Reason));
        Assert.Equal(SuggestedOutcome.In, Of(s, "Chynara").Outcome);
        Assert.Equal([new QuotaShortfall(QuotaField.Role, "Student", 2, 1, ShortfallCause.MaximumElsewhere)], s.Shortfalls);
    }

    [Fact]
    public void A_country_and_a_role_minimum_compete_for_the_last_place_and_the_lower_ranked_one_gives_way()
    {
        var entries = new[] { Entry("Top", "KZ", 5), Entry("Student", "KZ", 4, role: "Student"), Entry("Tajik", "TJ", 3) };

        var s = SelectionPlanner.Suggest(entries, 2, Fields([new CountryQuota("TJ", 1, 3)], new FieldQuota(QuotaField.Role, "Student", 1, 3)), waitlistSize: 5);

        Assert.Equal((SuggestedOutcome.In, SuggestionReason.FieldMinimum), (Of(s, "Student").Outcome, Of(s, "Student").Reason));
        Assert.Equal((SuggestedOutcome.In, SuggestionReason.CountryMinimum), (Of(s, "Tajik").Outcome, Of(s, "Tajik").Reason));
        Assert.Equal((SuggestedOutcome.Waitlisted, SuggestionReason.BelowCutOff), (Of(s, "Top").Outcome, Of(s, "Top").Reason));
        Assert.Empty(s.Shortfalls);
    }

    [Fact]
    public void Ties_at_the_cut_off_inside_a_role_maximum_go_to_more_reviews_then_who_applied_first()
    {
        var entries = new[] { Entry("Early", "KZ", 4, role: "Student"), Entry("Late", "KZ", 4, role: "Student"), Entry("Reviewed", "KZ", 4, reviews: 2, role: "Student") };

        var s = SelectionPlanner.Suggest(entries, 3, Fields([], new FieldQuota(QuotaField.Role, "student", 0, 2)), waitlistSize: 5);

        Assert.Equal(["Reviewed", "Early"], s.Applicants.Where(a => a.Outcome == SuggestedOutcome.In).Select(a => a.Name));
        Assert.Equal((SuggestedOutcome.Waitlisted, SuggestionReason.FieldMaximum), (Of(s, "Late").Outcome, Of(s, "Late").Reason));
    }
}
