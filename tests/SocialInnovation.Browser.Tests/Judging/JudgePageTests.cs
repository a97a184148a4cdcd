using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialInnovation.Camps;
using SocialInnovation.Judging;
using SocialInnovation.People;
using SocialInnovation.Testing;
using static SocialInnovation.Browser.Tests.Pages;

namespace SocialInnovation.Browser.Tests.Judging;

/// <summary>A judge on a tablet scores two teams with no connection, reloads the page offline, and nothing is lost.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JudgePageTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };

    private static async Task<(ApiClient Organizer, CampSnapshot Camp)> CampInPitches(ApiClient organizer)
    {
        var camp = await organizer.CreateCamp("SICamp Almaty final");
        CampSnapshot snapshot = camp;
        foreach (var name in new[] { "Clean Air Almaty", "Открытый бюджет" })
            snapshot = await organizer.Read<CampSnapshot>(await organizer.Post($"/api/camps/{camp.CampId}/teams", new AddTeam(name, "Environment", Guid.NewGuid().ToString("N"))));
        while (snapshot.Phase != CampPhase.Pitches) snapshot = await organizer.ChangePhase(camp.CampId, snapshot.Phase, snapshot.Phase + 1);
        (await organizer.Http.PutAsJsonAsync($"/api/camps/{camp.CampId}/judging/setup",
            new ConfigureJudging(Rubric.Default, [], null, [1], 0.2, 0, Guid.NewGuid().ToString("N")), ApiClient.Json)).EnsureSuccessStatusCode();
        return (organizer, snapshot);
    }

    /// <summary>Sets the camp's judging to compare two teams at a time (pitch order as given, or the teams' own).</summary>
    private static async Task Pairwise(ApiClient organizer, Guid campId, IReadOnlyList<Guid>? pitchOrder)
    {
        var setup = await organizer.Get<JudgingSetup>($"/api/camps/{campId}/judging/setup");
        (await organizer.Http.PutAsJsonAsync($"/api/camps/{campId}/judging/setup",
            new ConfigureJudging(setup.Rubric, [], pitchOrder, [1], 0.2, setup.Version, Guid.NewGuid().ToString("N"), JudgingMode.Pairwise), ApiClient.Json)).EnsureSuccessStatusCode();
    }

    /// <summary>A judge joins the camp by invite on the given device and opens the judge's page.</summary>
    private static async Task<IPage> JudgeJoins(IBrowserContext device, ApiClient organizer, Guid campId, string name)
    {
        var invite = await organizer.Invite(campId, CampRole.Judge);
        var page = await device.NewPageAsync();
        await page.GotoAsync(invite.Link!);
        await page.GetByTestId("join-name").FillAsync(name);
        await page.GetByTestId("join-submit").ClickAsync();
        await page.WaitForURLAsync($"**/camps/{campId}");
        await page.GotoAsync($"/camps/{campId}/judge");
        return page;
    }

    [Fact]
    public async Task Scores_made_offline_survive_a_reload_without_a_connection_and_reach_the_organizers_leaderboard()
    {
        var organizer = fixture.Host.Client();
        await organizer.SignInOrganizer();
        var (_, snapshot) = await CampInPitches(organizer);
        var camp = snapshot;

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
        // The page keeps the app on the tablet (service worker) before the connection goes.
        Assert.True(await page.EvaluateAsync<bool>("() => navigator.serviceWorker.ready.then(r => r.active !== null)"));

        await tablet.SetOfflineAsync(true);
        foreach (var mark in new[] { 8, 5 })
        {
            foreach (var criterion in Rubric.Default.Criteria)
                await page.GetByTestId($"mark-{criterion.Id}-{mark}").CheckAsync();
            await page.GetByTestId("save-score").ClickAsync();
        }
        await Assertions.Expect(page.GetByTestId("sync-status")).ToContainTextAsync("(2)", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("all-done")).ToBeVisibleAsync();

        // Still offline, the page is reloaded (a tab the tablet discarded, a finger on "reload"): the app comes
        // from the tablet, the sheet and both scores from its storage.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("sync-status")).ToContainTextAsync("(2)", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("all-done")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Открытый бюджет", Exact = true })).ToBeVisibleAsync();
        await Accessibility.Check(page, "the judge's page reloaded offline");

        // Back online, the same page sends what waited on the tablet, once.
        await tablet.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByTestId("sync-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("saved|сохранены"), new() { Timeout = 30_000 });

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

    [Fact]
    public async Task A_judge_on_a_phone_scores_a_team_with_the_keyboard_alone()
    {
        var organizer = fixture.Host.Client();
        await organizer.SignInOrganizer();
        var (_, camp) = await CampInPitches(organizer);
        var invite = await organizer.Invite(camp.CampId, CampRole.Judge);
        await using var phone = await fixture.NewContext(375, 740);
        var page = await phone.NewPageAsync();
        await page.GotoAsync(invite.Link!);
        await TabTo(page, "[data-testid=join-name]");
        await page.Keyboard.TypeAsync("Timur");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/camps/{camp.CampId}");
        await TabTo(page, "[data-testid=judge-link]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("save-score")).ToBeVisibleAsync(Patiently);
        await Accessibility.Check(page, "the judge's page on a phone");
        await Accessibility.FitsWidth(page, "the judge's page on a phone");

        foreach (var criterion in Rubric.Default.Criteria)
        {
            // Tab reaches a criterion's marks as one group; Space marks the first, the arrows move the mark.
            await TabTo(page, $"[data-testid=mark-{criterion.Id}-{criterion.Min}]");
            await page.Keyboard.PressAsync("Space");
            for (var i = criterion.Min; i < 7; i++) await page.Keyboard.PressAsync("ArrowRight");
            await Assertions.Expect(page.GetByTestId($"mark-{criterion.Id}-7")).ToBeCheckedAsync();
        }
        await TabTo(page, "[data-testid=save-score]:not([disabled])");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Clean Air Almaty", Exact = true })).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(page.GetByTestId("sync-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("saved|сохранены"), new() { Timeout = 20_000 });
        await Accessibility.Check(page, "the judge's page on a phone after a score");
        await Accessibility.FitsWidth(page, "the judge's page on a phone after a score");
        var board = await organizer.Get<Leaderboard>($"/api/camps/{camp.CampId}/judging/leaderboard");
        Assert.Equal(camp.Teams[0].TeamId, Assert.Single(board.Lines).TeamId);

        // The next team is a friend's: the judge declares a conflict, is never shown it again, and the organizers see why.
        await Assertions.Expect(page.Locator("#score-team-title")).ToHaveTextAsync("Открытый бюджет", new() { Timeout = 20_000 });
        await TabTo(page, "[data-testid=declare-conflict]");
        await page.Keyboard.PressAsync("Enter");
        await TabTo(page, "[data-testid=conflict-reason]");
        await page.Keyboard.TypeAsync("My cousin pitches here");
        await Accessibility.Check(page, "the judge's page declaring a conflict");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("all-done")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(page.GetByTestId("sync-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("saved|сохранены"), new() { Timeout = 20_000 });
        board = await organizer.Get<Leaderboard>($"/api/camps/{camp.CampId}/judging/leaderboard");
        var conflict = Assert.Single(board.Conflicts);
        Assert.Equal((camp.Teams[1].TeamId, "My cousin pitches here"), (conflict.TeamId, conflict.Reason));

        // The sheet is no dead end: the keyboard reaches the way back to the camp page.
        await TabTo(page, "[data-testid=back-to-camp]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/camps/{camp.CampId}");
    }

    [Fact]
    public async Task In_pairwise_mode_a_judge_taps_the_better_of_two_teams_and_can_turn_a_verdict_around()
    {
        var organizer = fixture.Host.Client();
        await organizer.SignInOrganizer();
        var (_, camp) = await CampInPitches(organizer);
        await Pairwise(organizer, camp.CampId, null);
        await using var tablet = await fixture.NewContext(1024, 768);
        var page = await JudgeJoins(tablet, organizer, camp.CampId, "Malika");

        // Two teams, one pair: the first team pitched better.
        await page.GetByRole(AriaRole.Button, new() { Name = "Clean Air Almaty pitched better", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("all-done")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(page.GetByTestId("sync-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("saved|сохранены"), new() { Timeout = 20_000 });
        await Accessibility.Check(page, "the judge's page in pairwise mode");
        Assert.Equal(camp.Teams[0].TeamId, (await organizer.Get<Leaderboard>($"/api/camps/{camp.CampId}/judging/leaderboard")).Lines[0].TeamId);

        // A second thought: the verdict is given again the other way.
        await page.GetByRole(AriaRole.Button, new() { Name = "Clean Air Almaty over Открытый бюджет", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Открытый бюджет pitched better", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Открытый бюджет over Clean Air Almaty", Exact = true })).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(page.GetByTestId("sync-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("saved|сохранены"), new() { Timeout = 20_000 });
        Assert.Equal(camp.Teams[1].TeamId, (await organizer.Get<Leaderboard>($"/api/camps/{camp.CampId}/judging/leaderboard")).Lines[0].TeamId);
    }

    [Fact]
    public async Task In_pairwise_mode_a_judge_on_a_tablet_compares_and_skips_pairs_offline_and_every_verdict_arrives_once_back_online()
    {
        var organizer = fixture.Host.Client();
        await organizer.SignInOrganizer();
        var (_, camp) = await CampInPitches(organizer);
        camp = await organizer.Read<CampSnapshot>(await organizer.Post($"/api/camps/{camp.CampId}/teams", new AddTeam("Green Roofs", "Environment", Guid.NewGuid().ToString("N"))));
        await Pairwise(organizer, camp.CampId, camp.Teams.Select(t => t.TeamId).ToList());
        await using var tablet = await fixture.NewContext(1024, 768, touch: true);
        var page = await JudgeJoins(tablet, organizer, camp.CampId, "Malika");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Skip this pair for now", Exact = true })).ToBeVisibleAsync(Patiently);
        Assert.True(await page.EvaluateAsync<bool>("() => navigator.serviceWorker.ready.then(r => r.active !== null)"));
        await Accessibility.Check(page, "the judge's page in pairwise mode with skip and absent");

        // The venue's Wi-Fi goes: the judge keeps judging, each next pair chosen on the tablet.
        await tablet.SetOfflineAsync(true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Clean Air Almaty pitched better", Exact = true }).TapAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Green Roofs pitched better", Exact = true })).ToBeVisibleAsync(Patiently);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip this pair for now", Exact = true }).TapAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Открытый бюджет pitched better", Exact = true })).ToBeVisibleAsync(Patiently);
        await page.GetByRole(AriaRole.Button, new() { Name = "Green Roofs pitched better", Exact = true }).TapAsync();
        await Assertions.Expect(page.GetByTestId("sync-status")).ToContainTextAsync("(3)", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Clean Air Almaty over Открытый бюджет", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Green Roofs over Открытый бюджет", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("progress")).ToHaveTextAsync("Compared 2 pairs · 1 pairs left · skipped 1");
        // Nothing reached the server yet.
        Assert.Empty(await organizer.Get<List<AuditEntry>>($"/api/camps/{camp.CampId}/judging/audit"));

        // Back online: what waited on the tablet is sent, once; the skipped pair is the only one left, so it comes back.
        await tablet.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByTestId("sync-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("saved|сохранены"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Green Roofs did not pitch", Exact = true })).ToBeVisibleAsync(Patiently);
        await page.GetByRole(AriaRole.Button, new() { Name = "Green Roofs did not pitch", Exact = true }).TapAsync();
        await Assertions.Expect(page.GetByTestId("sync-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("saved|сохранены"), new() { Timeout = 20_000 });

        var audit = await organizer.Get<List<AuditEntry>>($"/api/camps/{camp.CampId}/judging/audit");
        Assert.Equal(["compared", "pair-skipped", "compared", "absent"], audit.Select(a => a.Action));
        var board = await organizer.Get<Leaderboard>($"/api/camps/{camp.CampId}/judging/leaderboard");
        Assert.Equal(camp.Teams[0].TeamId, board.Lines[0].TeamId);
        await Accessibility.Check(page, "the judge's page in pairwise mode after syncing");
    }

    [Fact]
    public async Task In_pairwise_mode_a_verdict_from_a_second_tablet_of_the_judge_is_not_silently_overwritten_and_the_judge_decides_again()
    {
        var organizer = fixture.Host.Client();
        await organizer.SignInOrganizer();
        var (_, camp) = await CampInPitches(organizer);
        await Pairwise(organizer, camp.CampId, null);
        await using var tablet = await fixture.NewContext(1024, 768, touch: true);
        var first = await JudgeJoins(tablet, organizer, camp.CampId, "Malika");
        // The judge's second tablet: the same person (same sign-in cookie), the same pair shown, then its Wi-Fi goes.
        await using var spare = await fixture.NewContext(1024, 768, touch: true);
        await spare.AddCookiesAsync((await tablet.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        var second = await spare.NewPageAsync();
        await second.GotoAsync($"/camps/{camp.CampId}/judge");
        await Assertions.Expect(second.GetByRole(AriaRole.Button, new() { Name = "Открытый бюджет pitched better", Exact = true })).ToBeVisibleAsync(Patiently);
        await spare.SetOfflineAsync(true);

        // One tablet says Clean Air Almaty; the other, offline and not knowing, says Открытый бюджет.
        await first.GetByRole(AriaRole.Button, new() { Name = "Clean Air Almaty pitched better", Exact = true }).TapAsync();
        await Assertions.Expect(first.GetByTestId("all-done")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(first.GetByTestId("sync-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("saved|сохранены"), new() { Timeout = 20_000 });
        await second.GetByRole(AriaRole.Button, new() { Name = "Открытый бюджет pitched better", Exact = true }).TapAsync();
        await Assertions.Expect(second.GetByTestId("sync-status")).ToContainTextAsync("(1)", new() { Timeout = 20_000 });

        // Back online: the second verdict is refused, not applied, and the page shows both verdicts side by side.
        await spare.SetOfflineAsync(false);
        var conflict = second.GetByTestId("verdict-conflict");
        await Assertions.Expect(conflict).ToContainTextAsync("There: Clean Air Almaty pitched better than Открытый бюджет.", new() { Timeout = 30_000 });
        await Assertions.Expect(conflict).ToContainTextAsync("Here you said Открытый бюджет pitched better than Clean Air Almaty.");
        await Assertions.Expect(second.GetByTestId("sync-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("saved|сохранены"), new() { Timeout = 20_000 });
        Assert.Equal(["compared"], (await organizer.Get<List<AuditEntry>>($"/api/camps/{camp.CampId}/judging/audit")).Select(a => a.Action));
        await Accessibility.Check(second, "the judge's page with a verdict given on another tablet");

        // The conflict is kept on the tablet until the judge settles it: a reload shows it again.
        await second.ReloadAsync();
        await Assertions.Expect(conflict).ToContainTextAsync("Here you said Открытый бюджет pitched better than Clean Air Almaty.", new() { Timeout = 20_000 });
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Открытый бюджет pitched better", Exact = true }).TapAsync();
        await Assertions.Expect(conflict).ToHaveCountAsync(0);
        await Assertions.Expect(second.GetByRole(AriaRole.Button, new() { Name = "Открытый бюджет over Clean Air Almaty", Exact = true })).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(second.GetByTestId("sync-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("saved|сохранены"), new() { Timeout = 20_000 });

        Assert.Equal(["compared", "recompared"], (await organizer.Get<List<AuditEntry>>($"/api/camps/{camp.CampId}/judging/audit")).Select(a => a.Action));
        Assert.Equal(camp.Teams[1].TeamId, (await organizer.Get<Leaderboard>($"/api/camps/{camp.CampId}/judging/leaderboard")).Lines[0].TeamId);
    }
}
