using System.Net.Http.Json;
using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Selection;
using SocialInnovation.Server.Tests.Applications;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Selection;

/// <summary>The <c>selection:&lt;camp&gt;</c> stream: what one organizer changes, every organizer and reviewer watching sees.</summary>
public sealed class SelectionStreamTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_decision_by_one_organizer_reaches_the_other_organizers_and_reviewers_watching_the_camps_selection()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        await organizer.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Applications);
        (await fixture.Host.Client().Apply(camp.CampId, Applicants.Form(Applicants.NewEmail(), "KZ", name: "Aida"))).EnsureSuccessStatusCode();
        await organizer.ChangePhase(camp.CampId, CampPhase.Applications, CampPhase.Selection);
        var colleague = await fixture.Member(organizer, camp.CampId, CampRole.Organizer, "Organizer Zarina");
        var reviewer = await fixture.Member(organizer, camp.CampId, CampRole.Reviewer, "Reviewer Farrukh");
        await using var colleagueLive = await LiveEvents.Connect(colleague);
        await using var reviewerLive = await LiveEvents.Connect(reviewer);
        var stream = $"selection:{camp.CampId:N}";

        var caughtUp = await colleagueLive.Watch(stream);
        Assert.True((await reviewerLive.Watch(stream)).Ok);
        var snapshot = caughtUp.Value!.Snapshot!.Read<SelectionLive>();
        var aida = Assert.Single(snapshot.Entries);
        Assert.Equal(ApplicationStatus.Submitted, aida.Status);

        (await organizer.Post($"/api/camps/{camp.CampId}/selection/decisions",
            new Decide(aida.Application.ApplicationId, DecisionKind.Accepted, aida.Version, Guid.NewGuid().ToString("N")))).EnsureSuccessStatusCode();

        foreach (var live in new[] { colleagueLive, reviewerLive })
        {
            var accepted = (await live.Next(e => e.Kind == "entry")).Read<SelectionEntry>();
            Assert.Equal((aida.Application.ApplicationId, ApplicationStatus.Accepted, aida.Version + 1), (accepted.Application.ApplicationId, accepted.Status, accepted.Version));
        }
    }

    [Fact]
    public async Task Changing_the_capacity_is_pushed_as_a_settings_event_and_a_late_watcher_catches_up_from_its_position()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var colleague = await fixture.Member(organizer, camp.CampId, CampRole.Organizer, "Organizer Zarina");
        await using var live = await LiveEvents.Connect(colleague);
        var stream = $"selection:{camp.CampId:N}";
        var first = (await live.Watch(stream)).Value!;

        var settings = new ConfigureSelection(SelectionSettings.DefaultPrivacyText, 48, [new CountryQuota("KZ", 1, 20)], 0, Guid.NewGuid().ToString("N"), Capacity: 40);
        (await organizer.Http.PutAsJsonAsync($"/api/camps/{camp.CampId}/selection/settings", settings, ApiClient.Json)).EnsureSuccessStatusCode();

        var pushed = (await live.Next(e => e.Kind == "settings")).Read<SelectionSettings>();
        Assert.Equal((40, 1), (pushed.Capacity, pushed.Version));
        // Returning from the position it had, the watcher gets the one event it missed, not a snapshot.
        var again = (await live.Watch(stream, new(first.Epoch, first.Seq))).Value!;
        Assert.Null(again.Snapshot);
        Assert.Equal("settings", Assert.Single(again.Events).Kind);
    }
}
