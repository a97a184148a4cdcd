using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Tests.Applications;
using SocialInnovation.Selection;

namespace SocialInnovation.Grains.Tests.Selection;

[Collection(ClusterCollection.Name)]
public sealed class SelectionTests(ClusterFixture fixture) : IntakeTests(fixture)
{
    /// <summary>A camp in Selection with these applicants (name, country, score), and the quotas given.</summary>
    private async Task<(ICampGrain Camp, Dictionary<string, ApplicationRow> Rows)> CampWith(int capacity, params (string Name, string Country, int Score)[] applicants)
    {
        var camp = await CampInPhase(CampPhase.Applications, capacity);
        var rows = new Dictionary<string, ApplicationRow>();
        foreach (var (name, country, score) in applicants)
        {
            var row = await Apply(camp, Form(NewEmail(name.ToLowerInvariant()), country, name: name));
            var summary = (await Application(camp, row.ApplicationId).Review(Guid.NewGuid(), "Reviewer", ReviewApplication.Alike(score, "", NewKey()))).Ok();
            await Selection(camp).RecordScore(row.ApplicationId, summary);
            rows[name] = row;
        }
        await StepForwardTo(camp, CampPhase.Selection);
        return (camp, rows);
    }

    private IApplicationGrain Application(ICampGrain camp, Guid id) => Grains.GetGrain<IApplicationGrain>(id);

    private async Task<Outcome<SelectionEntry>> Decide(ICampGrain camp, ApplicationRow row, DecisionKind decision)
    {
        var entry = (await Selection(camp).Get(row.ApplicationId))!;
        return await Selection(camp).Decide(new Decide(row.ApplicationId, decision, entry.Version, NewKey()));
    }

    private async Task<ApplicationStatus> StatusOf(ICampGrain camp, ApplicationRow row) => (await Selection(camp).Get(row.ApplicationId))!.Status;

    private async Task SetQuotas(ICampGrain camp, params CountryQuota[] quotas)
    {
        var settings = await Selection(camp).GetSettings();
        (await Selection(camp).Configure(new ConfigureSelection(settings.PrivacyText, 72, quotas, settings.Version, NewKey()))).Ok();
    }

    [Fact]
    public async Task Accepting_past_the_camps_capacity_is_refused()
    {
        var (camp, rows) = await CampWith(2, ("Aida", "KZ", 5), ("Bakhrom", "TJ", 4), ("Chynara", "KG", 3));
        (await Decide(camp, rows["Aida"], DecisionKind.Accepted)).Ok();
        (await Decide(camp, rows["Bakhrom"], DecisionKind.Accepted)).Ok();

        var third = await Decide(camp, rows["Chynara"], DecisionKind.Accepted);

        third.Refused("selection.full", ErrorKind.Conflict);
        Assert.Equal(ApplicationStatus.Submitted, await StatusOf(camp, rows["Chynara"]));
        Assert.Equal(2, (await Selection(camp).GetOverview()).PlacesTaken);
    }

    [Fact]
    public async Task Accepting_past_a_countrys_maximum_is_refused()
    {
        var (camp, rows) = await CampWith(10, ("Aida", "KZ", 5), ("Asel", "KZ", 4));
        await SetQuotas(camp, new CountryQuota("KZ", 0, 1));
        (await Decide(camp, rows["Aida"], DecisionKind.Accepted)).Ok();

        var second = await Decide(camp, rows["Asel"], DecisionKind.Accepted);

        second.Refused("selection.quota", ErrorKind.Conflict);
    }

    [Fact]
    public async Task Accepting_past_a_role_maximum_is_refused_whatever_the_case_the_applicant_typed()
    {
        var (camp, rows) = await CampWith(10, ("Aida", "KZ", 5), ("Bakhrom", "TJ", 4));
        var settings = await Selection(camp).GetSettings();
        (await Selection(camp).Configure(new ConfigureSelection(settings.PrivacyText, 72, [], settings.Version, NewKey(),
            [new FieldQuota(QuotaField.Role, " designer ", 0, 1)]))).Ok();
        (await Decide(camp, rows["Aida"], DecisionKind.Accepted)).Ok();

        var second = await Decide(camp, rows["Bakhrom"], DecisionKind.Accepted);

        second.Refused("selection.quota", ErrorKind.Conflict);
        var field = Assert.Single((await Selection(camp).GetOverview()).Fields);
        Assert.Equal(new FieldQuotaCount(QuotaField.Role, "designer", 2, 1, 0, 1), field);
    }

    [Fact]
    public async Task The_capacity_set_in_the_settings_is_validated_versioned_and_limits_the_places()
    {
        var (camp, rows) = await CampWith(10, ("Aida", "KZ", 5), ("Bakhrom", "TJ", 4));
        (await Decide(camp, rows["Aida"], DecisionKind.Accepted)).Ok();
        var settings = await Selection(camp).GetSettings();

        var tooFew = await Selection(camp).Configure(new ConfigureSelection(settings.PrivacyText, 72, [], settings.Version, NewKey(), null, 0));
        var below = await Selection(camp).Configure(new ConfigureSelection(settings.PrivacyText, 72, [], settings.Version, NewKey(), null, 1));
        var stale = await Selection(camp).Configure(new ConfigureSelection(settings.PrivacyText, 72, [], settings.Version, NewKey(), null, 5));

        tooFew.Refused("validation", ErrorKind.Invalid);
        Assert.Equal(1, below.Ok().Capacity);
        stale.Refused("selection.stale", ErrorKind.Conflict);
        (await Decide(camp, rows["Bakhrom"], DecisionKind.Accepted)).Refused("selection.full", ErrorKind.Conflict);
        Assert.Equal(1, (await Selection(camp).GetOverview()).Capacity);
    }

    [Fact]
    public async Task Lowering_the_capacity_below_the_places_already_offered_is_refused()
    {
        var (camp, rows) = await CampWith(10, ("Aida", "KZ", 5), ("Bakhrom", "TJ", 4));
        (await Decide(camp, rows["Aida"], DecisionKind.Accepted)).Ok();
        (await Decide(camp, rows["Bakhrom"], DecisionKind.Accepted)).Ok();
        var settings = await Selection(camp).GetSettings();

        var lowered = await Selection(camp).Configure(new ConfigureSelection(settings.PrivacyText, 72, [], settings.Version, NewKey(), null, 1));

        lowered.Refused("selection.capacity", ErrorKind.Conflict);
        Assert.Equal(10, (await Selection(camp).GetOverview()).Capacity);
    }

    [Fact]
    public async Task Quotas_whose_minimum_exceeds_their_maximum_are_refused_as_invalid()
    {
        var (camp, _) = await CampWith(10);
        var settings = await Selection(camp).GetSettings();

        var outcome = await Selection(camp).Configure(new ConfigureSelection(settings.PrivacyText, 72, [new CountryQuota("KZ", 5, 2)], settings.Version, NewKey()));

        outcome.Refused("validation", ErrorKind.Invalid);
    }

    [Fact]
    public async Task Applying_a_suggestion_decides_the_batch_and_lists_what_was_refused()
    {
        var (camp, rows) = await CampWith(1, ("Aida", "KZ", 5), ("Bakhrom", "TJ", 4), ("Chynara", "KG", 1));
        var suggestion = await Selection(camp).Suggest(waitlistSize: 1);
        var items = suggestion.Applicants.Select(a => new DecisionItem(a.ApplicationId,
            a.Outcome switch { SuggestedOutcome.In => DecisionKind.Accepted, SuggestedOutcome.Waitlisted => DecisionKind.Waitlisted, _ => DecisionKind.Rejected },
            a.EntryVersion)).ToList();
        // A second acceptance beyond the capacity rides along and must be refused on its own.
        items.Add(new DecisionItem(Guid.NewGuid(), DecisionKind.Accepted, 1));
        var key = NewKey();

        var batch = (await Selection(camp).DecideMany(new DecideMany(items, key))).Ok();
        var retried = (await Selection(camp).DecideMany(new DecideMany(items, key))).Ok();

        Assert.Equal(3, batch.Decided.Count);
        Assert.Equal("application.unknown", Assert.Single(batch.Refused).Code);
        Assert.Equal(ApplicationStatus.Accepted, await StatusOf(camp, rows["Aida"]));
        Assert.Equal(ApplicationStatus.Waitlisted, await StatusOf(camp, rows["Bakhrom"]));
        Assert.Equal(ApplicationStatus.Rejected, await StatusOf(camp, rows["Chynara"]));
        Assert.Equal(3, retried.Decided.Count);
    }

    [Fact]
    public async Task A_batch_accepting_past_the_capacity_refuses_the_surplus_only()
    {
        var (camp, rows) = await CampWith(1, ("Aida", "KZ", 5), ("Bakhrom", "TJ", 4));
        var items = new List<DecisionItem>();
        foreach (var row in rows.Values) items.Add(new DecisionItem(row.ApplicationId, DecisionKind.Accepted, (await Selection(camp).Get(row.ApplicationId))!.Version));

        var batch = (await Selection(camp).DecideMany(new DecideMany(items, NewKey()))).Ok();

        Assert.Single(batch.Decided);
        Assert.Equal("selection.full", Assert.Single(batch.Refused).Code);
        Assert.Equal(1, (await Selection(camp).GetOverview()).PlacesTaken);
    }

    [Fact]
    public async Task A_decision_based_on_an_outdated_version_is_refused()
    {
        var (camp, rows) = await CampWith(10, ("Aida", "KZ", 5));
        var seen = (await Selection(camp).Get(rows["Aida"].ApplicationId))!;
        (await Selection(camp).Decide(new Decide(seen.Application.ApplicationId, DecisionKind.Waitlisted, seen.Version, NewKey()))).Ok();

        var stale = await Selection(camp).Decide(new Decide(seen.Application.ApplicationId, DecisionKind.Rejected, seen.Version, NewKey()));

        stale.Refused("selection.stale", ErrorKind.Conflict);
        Assert.Equal(ApplicationStatus.Waitlisted, await StatusOf(camp, rows["Aida"]));
    }

    [Fact]
    public async Task Decisions_are_made_only_in_the_Selection_phase()
    {
        var camp = await CampInPhase(CampPhase.Applications);
        var row = await Apply(camp, Form(NewEmail()));

        var early = await Decide(camp, row, DecisionKind.Accepted);

        early.Refused("selection.closed", ErrorKind.Conflict);
    }

    [Fact]
    public async Task A_decline_offers_the_place_to_the_best_waitlisted_applicant_who_keeps_the_quotas()
    {
        var (camp, rows) = await CampWith(2, ("Aida", "KZ", 3), ("Bakhrom", "TJ", 3), ("Asel", "KZ", 5), ("Chynara", "KG", 4), ("Daler", "TJ", 2));
        await SetQuotas(camp, new CountryQuota("KZ", 0, 1));
        (await Decide(camp, rows["Aida"], DecisionKind.Accepted)).Ok();
        (await Decide(camp, rows["Bakhrom"], DecisionKind.Accepted)).Ok();
        foreach (var name in new[] { "Asel", "Chynara", "Daler" }) (await Decide(camp, rows[name], DecisionKind.Waitlisted)).Ok();

        (await Selection(camp).Decline(rows["Bakhrom"].ApplicationId, NewKey())).Ok();

        // Asel scores best but KZ is at its maximum while Aida holds a place; Chynara is next.
        Assert.Equal(ApplicationStatus.Declined, await StatusOf(camp, rows["Bakhrom"]));
        Assert.Equal(ApplicationStatus.Accepted, await StatusOf(camp, rows["Chynara"]));
        Assert.Equal(ApplicationStatus.Waitlisted, await StatusOf(camp, rows["Asel"]));
        var promoted = (await Selection(camp).Get(rows["Chynara"].ApplicationId))!;
        Assert.Contains("waiting list", promoted.Note);
        Assert.NotNull(promoted.ConfirmBy);
    }

    [Fact]
    public async Task A_decline_after_a_promotion_promotes_the_next_one()
    {
        var (camp, rows) = await CampWith(1, ("Aida", "KZ", 5), ("Bakhrom", "TJ", 4), ("Chynara", "KG", 3));
        (await Decide(camp, rows["Aida"], DecisionKind.Accepted)).Ok();
        (await Decide(camp, rows["Bakhrom"], DecisionKind.Waitlisted)).Ok();
        (await Decide(camp, rows["Chynara"], DecisionKind.Waitlisted)).Ok();

        await Selection(camp).Decline(rows["Aida"].ApplicationId, NewKey());
        await Selection(camp).Decline(rows["Bakhrom"].ApplicationId, NewKey());

        Assert.Equal(ApplicationStatus.Accepted, await StatusOf(camp, rows["Chynara"]));
        Assert.Equal(1, (await Selection(camp).GetOverview()).PlacesTaken);
    }

    [Fact]
    public async Task A_country_below_its_minimum_is_promoted_before_a_higher_score()
    {
        var (camp, rows) = await CampWith(1, ("Aida", "KZ", 5), ("Asel", "KZ", 5), ("Daler", "TJ", 2));
        await SetQuotas(camp, new CountryQuota("TJ", 1, 5));
        (await Decide(camp, rows["Aida"], DecisionKind.Accepted)).Ok();
        (await Decide(camp, rows["Asel"], DecisionKind.Waitlisted)).Ok();
        (await Decide(camp, rows["Daler"], DecisionKind.Waitlisted)).Ok();

        await Selection(camp).Decline(rows["Aida"].ApplicationId, NewKey());

        Assert.Equal(ApplicationStatus.Accepted, await StatusOf(camp, rows["Daler"]));
    }

    [Fact]
    public async Task Equal_scores_at_the_cut_off_go_to_who_was_waitlisted_first()
    {
        var (camp, rows) = await CampWith(1, ("Aida", "KZ", 5), ("Bakhrom", "TJ", 4), ("Chynara", "KG", 4));
        (await Decide(camp, rows["Aida"], DecisionKind.Accepted)).Ok();
        (await Decide(camp, rows["Chynara"], DecisionKind.Waitlisted)).Ok();
        Fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        (await Decide(camp, rows["Bakhrom"], DecisionKind.Waitlisted)).Ok();

        await Selection(camp).Decline(rows["Aida"].ApplicationId, NewKey());

        Assert.Equal(ApplicationStatus.Accepted, await StatusOf(camp, rows["Chynara"]));
    }

    [Fact]
    public async Task An_offer_not_confirmed_in_time_expires_and_the_place_goes_to_the_waiting_list()
    {
        var (camp, rows) = await CampWith(1, ("Aida", "KZ", 5), ("Bakhrom", "TJ", 4));
        (await Decide(camp, rows["Aida"], DecisionKind.Accepted)).Ok();
        (await Decide(camp, rows["Bakhrom"], DecisionKind.Waitlisted)).Ok();

        Fixture.Clock.Advance(TimeSpan.FromHours(73));
        var overview = await Selection(camp).GetOverview();

        Assert.Equal(ApplicationStatus.Expired, await StatusOf(camp, rows["Aida"]));
        Assert.Equal(ApplicationStatus.Accepted, await StatusOf(camp, rows["Bakhrom"]));
        Assert.Equal(1, overview.PlacesTaken);
        (await Selection(camp).Confirm(rows["Aida"].ApplicationId)).Refused("selection.offer-expired", ErrorKind.Gone);
    }

    [Fact]
    public async Task A_confirmed_place_is_confirmed_once_and_can_no_longer_be_declined()
    {
        var (camp, rows) = await CampWith(1, ("Aida", "KZ", 5));
        (await Decide(camp, rows["Aida"], DecisionKind.Accepted)).Ok();

        var confirmed = (await Selection(camp).Confirm(rows["Aida"].ApplicationId)).Ok();
        var again = (await Selection(camp).Confirm(rows["Aida"].ApplicationId)).Ok();

        Assert.Equal(ApplicationStatus.Confirmed, confirmed.Status);
        Assert.Equal(confirmed.Version, again.Version);
        (await Selection(camp).Decline(rows["Aida"].ApplicationId, NewKey())).Refused("selection.confirmed", ErrorKind.Conflict);
    }

    [Fact]
    public async Task Every_decision_is_mailed_with_a_new_private_link()
    {
        var (camp, rows) = await CampWith(1, ("Aida", "KZ", 5), ("Bakhrom", "TJ", 4));
        (await Decide(camp, rows["Aida"], DecisionKind.Accepted)).Ok();
        (await Decide(camp, rows["Bakhrom"], DecisionKind.Waitlisted)).Ok();

        var aida = (await Application(camp, rows["Aida"].ApplicationId).GetDetails())!.Application.Form.Email;
        var (id, secret) = await LinkFromMail(aida, 2);

        Assert.StartsWith("A place at", Fixture.Mail.To(aida)[1].Subject);
        (await Grains.GetGrain<IApplicationGrain>(id).Open(secret)).Ok();
    }

    [Fact]
    public async Task A_withdrawn_application_submitted_again_is_back_in()
    {
        var camp = await CampInPhase(CampPhase.Applications);
        var form = Form(NewEmail());
        var row = await Apply(camp, form);

        (await Selection(camp).Withdraw(row.ApplicationId, NewKey())).Ok();
        await Apply(camp, form with { City = "Turkestan" });

        Assert.Equal(ApplicationStatus.Submitted, await StatusOf(camp, row));
    }
}
