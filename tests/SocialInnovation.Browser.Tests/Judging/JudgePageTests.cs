using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialInnovation.Camps;
using SocialInnovation.Judging;
using SocialInnovation.People;
using SocialInnovation.Testing;

namespace SocialInnovation.Browser.Tests.Judging;

/// <summary>A judge on a tablet scores two teams with no connection, closes the tab, and nothing is lost.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JudgePageTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };

    [Fact]
    public async Task Scores_made_offline_are_kept_on_the_tablet_and_reach_the_organizers_leaderboard()
    {
        var organizer = fixture.Host.Client();
        await organizer.SignInOrganizer();
        var camp = await organizer.CreateCamp("SICamp Almaty final");
        CampSnapshot snapshot = camp;
        foreach (var name in new[] { "Clean Air Almaty", "Открытый бюджет" })
            snapshot = await organizer.Read<CampSnapshot>(await organizer.Post($"/api/camps/{camp.CampId}/teams", new AddTeam(name, "Environment", Guid.NewGuid().ToString("N"))));
        while (snapshot.Phase != CampPhase.Pitches) snapshot = await organizer.ChangePhase(camp.CampId, snapshot.Phase, snapshot.Phase + 1);
        (await organizer.Http.PutAsJsonAsync($"/api/camps/{camp.CampId}/judging/setup",
            new ConfigureJudging(Rubric.Default, [], null, [1], 0.2, 0, Guid.NewGuid().ToString("N")), ApiClient.Json)).EnsureSuccessStatusCode();

        await using var tablet = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Host.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1024, Height = 768 },
            HasTouch = true,
        });
        await tablet.AddInitScriptAsync(ContentSecurity.Recorder);
        var invite = await organizer.Invite(camp.CampId, CampRole.Judge);
        var page = await tablet.NewPageAsync();
        await page.GotoAsync(invite.Link!);
        await page.GetByTestId("join-name").FillAsync("Aigerim");
        await page.GetByTestId("join-submit").ClickAsync();
        await page.WaitForURLAsync($"**/camps/{camp.CampId}");
        await page.GetByTestId("judge-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("save-score")).ToBeVisibleAsync(Patiently);
        await Accessibility.Check(page, "the judge's page");

        await tablet.SetOfflineAsync(true);
        foreach (var mark in new[] { 8, 5 })
        {
            foreach (var criterion in Rubric.Default.Criteria)
                await page.GetByTestId($"mark-{criterion.Id}-{mark}").CheckAsync();
            await page.GetByTestId("save-score").ClickAsync();
        }
        await Assertions.Expect(page.GetByTestId("sync-status")).ToContainTextAsync("2", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("all-done")).ToBeVisibleAsync();
        await page.CloseAsync();

        // Back online, the judge opens the page again: what waited on the tablet is sent, once.
        await tablet.SetOfflineAsync(false);
        var again = await tablet.NewPageAsync();
        await again.GotoAsync($"/camps/{camp.CampId}/judge");
        await Assertions.Expect(again.GetByTestId("sync-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("saved|сохранены"), new() { Timeout = 20_000 });

        var board = await organizer.Get<Leaderboard>($"/api/camps/{camp.CampId}/judging/leaderboard");
        Assert.Equal(2, board.Lines.Count);
        Assert.Equal(snapshot.Teams[0].TeamId, board.Lines[0].TeamId);
        Assert.Equal(2, (await organizer.Get<List<AuditEntry>>($"/api/camps/{camp.CampId}/judging/audit")).Count);

        // The organizer's leaderboard page shows both teams.
        await using var desk = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.Host.Address.ToString() });
        await desk.AddInitScriptAsync(ContentSecurity.Recorder);
        var organizerPage = await desk.NewPageAsync();
        var organizerInvite = await organizer.Invite(camp.CampId, CampRole.Organizer);
        await organizerPage.GotoAsync(organizerInvite.Link!);
        await organizerPage.GetByTestId("join-name").FillAsync("Dana");
        await organizerPage.GetByTestId("join-submit").ClickAsync();
        await organizerPage.WaitForURLAsync($"**/camps/{camp.CampId}");
        await organizerPage.GetByTestId("leaderboard-link").ClickAsync();
        await Assertions.Expect(organizerPage.GetByTestId("leaderboard").Locator("tbody tr")).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        await Assertions.Expect(organizerPage.GetByTestId("leaderboard")).ToContainTextAsync("Открытый бюджет");
        await Accessibility.Check(organizerPage, "the judging leaderboard");
    }
}
