using Microsoft.Playwright;
using static SocialInnovation.Browser.Tests.Pages;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Teams;
using SocialInnovation.Testing;

namespace SocialInnovation.Browser.Tests.Teams;

/// <summary>
/// Team formation end to end: a participant ranks the teams on a 375 px phone, the organizer suggests
/// teams, moves a person with the "Move to" menu and back by dragging, publishes, and the phone shows
/// the participant's team without a reload; the team page lists the members with their captain. axe on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TeamFormationTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 20_000 };

    [Fact]
    public async Task The_organizer_suggests_and_publishes_and_the_participant_sees_their_team_appear_on_the_phone()
    {
        var api = fixture.Host.Client();
        await api.SignInOrganizer();
        var camp = await api.CreateCamp("Team formation camp");
        await api.Post($"/api/camps/{camp.CampId}/teams", new AddTeam("Clean Air", "Environment", Guid.NewGuid().ToString("N")));
        var teams = (await api.Read<CampSnapshot>(await api.Post($"/api/camps/{camp.CampId}/teams",
            new AddTeam("First Job", "Unemployment", Guid.NewGuid().ToString("N"))))).Teams;
        var (cleanAir, firstJob) = (teams.Single(t => t.Name == "Clean Air").TeamId, teams.Single(t => t.Name == "First Job").TeamId);

        // Bakyt ranks through the API; Zarina on her phone.
        var bakyt = fixture.Host.Client();
        await bakyt.Redeem((await api.Invite(camp.CampId, CampRole.Participant)).Token!, "Bakyt");
        (await bakyt.Http.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/camps/{camp.CampId}/team-formation/ranking")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new RankThemes([cleanAir, firstJob], Guid.NewGuid().ToString("N")), options: ApiClient.Json),
        })).EnsureSuccessStatusCode();

        await using var phoneContext = await fixture.NewContext(375, 740);
        var phone = await JoinByInvite(phoneContext, (await api.Invite(camp.CampId, CampRole.Participant)).Link!, "Zarina");
        await phone.GotoAsync($"/camps/{camp.CampId}/teams");
        await Assertions.Expect(phone.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 20_000 });
        await phone.GetByLabel("1st choice").SelectOptionAsync(new SelectOptionValue { Label = "First Job — Unemployment" });
        await phone.GetByLabel("2nd choice").SelectOptionAsync(new SelectOptionValue { Label = "Clean Air — Environment" });
        await phone.GetByTestId("ranking-save").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("ranking-form")).ToContainTextAsync("Your choice is saved.", Patiently);
        await Checked(phone, "the teams page with the ranking form on a phone");

        await using var laptopContext = await fixture.NewContext();
        var organizer = await JoinByInvite(laptopContext, (await api.Invite(camp.CampId, CampRole.Organizer)).Link!, "Organizer Aziz");
        await organizer.GotoAsync($"/camps/{camp.CampId}/teams");
        await organizer.GetByTestId("formation-link").ClickAsync();
        await organizer.GetByTestId("suggest-teams").ClickAsync();
        await Assertions.Expect(organizer.GetByTestId("formation-report")).ToContainTextAsync("1st choice: 2 ·", Patiently);
        await Assertions.Expect(organizer.GetByTestId("formation-team-First Job")).ToContainTextAsync("Zarina");
        await Accessibility.Check(organizer, "the team formation page with a suggestion");

        // The "Move to" menu (keyboard): Zarina to Clean Air; then dragged back to First Job.
        await organizer.GetByLabel("Move Zarina to").SelectOptionAsync(new SelectOptionValue { Label = "Clean Air" });
        await Assertions.Expect(organizer.GetByTestId("formation-team-Clean Air")).ToContainTextAsync("Zarina");
        await Assertions.Expect(organizer.GetByTestId("formation-report")).ToContainTextAsync("1st choice: 1 · 2nd: 1");
        await organizer.GetByTestId("placement-Zarina").DragToAsync(organizer.GetByTestId("formation-team-First Job"), new() { SourcePosition = new() { X = 12, Y = 10 } });
        await Assertions.Expect(organizer.GetByTestId("formation-team-First Job")).ToContainTextAsync("Zarina");
        await Assertions.Expect(organizer.GetByTestId("formation-report")).ToContainTextAsync("1st choice: 2 ·");
        await organizer.GetByTestId("publish-teams").ClickAsync();
        await Assertions.Expect(organizer.GetByText("Published: 2 participants in 2 teams.", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // The phone, never reloaded, shows Zarina's team and no longer offers the ranking.
        await Assertions.Expect(phone.GetByTestId("my-team")).ToContainTextAsync("Your team: First Job", Patiently);
        await Assertions.Expect(phone.GetByTestId("ranking-form")).ToHaveCountAsync(0);
        await Checked(phone, "the teams page on a phone after publishing");

        await phone.GetByTestId("my-team").GetByRole(AriaRole.Link, new() { Name = "First Job" }).ClickAsync();
        await Assertions.Expect(phone.GetByTestId("member-Zarina")).ToContainTextAsync("Zarina — captain", Patiently);
        await Checked(phone, "the team page on a phone");
    }

    [Fact]
    public async Task The_organizer_drags_a_member_to_another_team_with_a_finger_on_a_phone_and_the_published_move_stays_after_a_reload()
    {
        var api = fixture.Host.Client();
        await api.SignInOrganizer();
        var camp = await api.CreateCamp("Touch formation camp");
        await api.Post($"/api/camps/{camp.CampId}/teams", new AddTeam("Clean Air", "Environment", Guid.NewGuid().ToString("N")));
        var teams = (await api.Read<CampSnapshot>(await api.Post($"/api/camps/{camp.CampId}/teams",
            new AddTeam("First Job", "Unemployment", Guid.NewGuid().ToString("N"))))).Teams;
        var (cleanAir, firstJob) = (teams.Single(t => t.Name == "Clean Air").TeamId, teams.Single(t => t.Name == "First Job").TeamId);
        // Each gets their first choice; the organizer then moves Dilnoza to her second, Erlan's team.
        foreach (var (name, first, second) in new[] { ("Dilnoza", firstJob, cleanAir), ("Erlan", cleanAir, firstJob) })
        {
            var participant = fixture.Host.Client();
            await participant.Redeem((await api.Invite(camp.CampId, CampRole.Participant)).Token!, name);
            (await participant.Http.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/camps/{camp.CampId}/team-formation/ranking")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new RankThemes([first, second], Guid.NewGuid().ToString("N")), options: ApiClient.Json),
            })).EnsureSuccessStatusCode();
        }

        await using var phoneContext = await fixture.NewContext(375, 740, touch: true);
        var phone = await JoinByInvite(phoneContext, (await api.Invite(camp.CampId, CampRole.Organizer)).Link!, "Organizer Aziz");
        await phone.GotoAsync($"/camps/{camp.CampId}/team-formation");
        await phone.GetByTestId("suggest-teams").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("formation-report")).ToContainTextAsync("1st choice: 2 ·", Patiently);
        await Assertions.Expect(phone.GetByTestId("formation-team-First Job")).ToContainTextAsync("Dilnoza");

        // A finger on Dilnoza's handle, dragged up to Clean Air: moved, recounted and said aloud.
        await phone.GetByTestId("formation-team-Clean Air").ScrollIntoViewIfNeededAsync();
        await Touch.Drag(phone, phone.GetByTestId("placement-Dilnoza").Locator(".drag-handle"), phone.GetByTestId("formation-team-Clean Air"));
        await Assertions.Expect(phone.GetByTestId("formation-team-Clean Air")).ToContainTextAsync("Dilnoza", Patiently);
        await Assertions.Expect(phone.GetByTestId("formation-report")).ToContainTextAsync("1st choice: 1 · 2nd: 1");
        await Assertions.Expect(phone.GetByRole(AriaRole.Status).Filter(new() { HasText = "Dilnoza moved to Clean Air." })).ToHaveCountAsync(1);
        await Checked(phone, "the team formation page on a touch phone after a drag");

        await phone.GetByTestId("publish-teams").ClickAsync();
        await Assertions.Expect(phone.GetByText("Published: 2 participants in 2 teams.", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var stored = await api.Get<FormationStatus>($"/api/camps/{camp.CampId}/team-formation");
        Assert.Equal(["Dilnoza", "Erlan"], stored.Teams.Single(t => t.TeamId == cleanAir).Members.Select(m => m.Name).Order());

        // A reload opens on the published teams, Dilnoza in Clean Air.
        await phone.ReloadAsync();
        await Assertions.Expect(phone.GetByTestId("formation-team-Clean Air")).ToContainTextAsync("Dilnoza", Patiently);
        await Assertions.Expect(phone.GetByTestId("formation-team-Clean Air")).ToContainTextAsync("Erlan");
        await Assertions.Expect(phone.GetByTestId("formation-team-First Job")).Not.ToContainTextAsync("Dilnoza");
        await Checked(phone, "the team formation page on a phone showing the published teams");
    }
}
