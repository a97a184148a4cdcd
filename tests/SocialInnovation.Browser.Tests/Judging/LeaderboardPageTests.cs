using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialInnovation.Camps;
using SocialInnovation.Judging;
using SocialInnovation.People;
using SocialInnovation.Testing;

namespace SocialInnovation.Browser.Tests.Judging;

/// <summary>The organizer, on a phone and by keyboard, sends a team to a judge and changes the rubric's weights.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LeaderboardPageTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };

    [Fact]
    public async Task The_organizer_pins_a_team_to_a_judge_and_reweights_the_rubric_by_keyboard_on_a_phone()
    {
        var organizer = fixture.Host.Client();
        await organizer.SignInOrganizer();
        var camp = await organizer.CreateCamp("TechBootCamp Dushanbe final");
        CampSnapshot snapshot = camp;
        foreach (var name in new[] { "Green Khujand", "Честные закупки" })
            snapshot = await organizer.Read<CampSnapshot>(await organizer.Post($"/api/camps/{camp.CampId}/teams", new AddTeam(name, "Corruption", Guid.NewGuid().ToString("N"))));
        while (snapshot.Phase != CampPhase.Pitches) snapshot = await organizer.ChangePhase(camp.CampId, snapshot.Phase, snapshot.Phase + 1);
        (await organizer.Http.PutAsJsonAsync($"/api/camps/{camp.CampId}/judging/setup",
            new ConfigureJudging(Rubric.Default, [], null, [1], 0.2, 0, Guid.NewGuid().ToString("N")), ApiClient.Json)).EnsureSuccessStatusCode();
        var judge = fixture.Host.Client();
        await judge.Redeem((await organizer.Invite(camp.CampId, CampRole.Judge)).Token!, "Shahnoza");

        await using var phone = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Host.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 375, Height = 740 },
            HasTouch = true,
        });
        await phone.AddInitScriptAsync(ContentSecurity.Recorder);
        var page = await phone.NewPageAsync();
        await page.GotoAsync((await organizer.Invite(camp.CampId, CampRole.Organizer)).Link!);
        await page.GetByTestId("join-name").FillAsync("Firuza");
        await page.GetByTestId("join-submit").ClickAsync();
        await page.WaitForURLAsync($"**/camps/{camp.CampId}");
        await page.GotoAsync($"/camps/{camp.CampId}/judging");
        await Assertions.Expect(page.GetByTestId("assign-form")).ToBeVisibleAsync(Patiently);

        await page.GetByTestId("assign-team").SelectOptionAsync(new SelectOptionValue { Label = "Честные закупки" });
        await page.GetByTestId("assign-to").SelectOptionAsync(new SelectOptionValue { Label = "Shahnoza" });
        await page.GetByTestId("assign-submit").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("judges")).ToContainTextAsync("Честные закупки", new() { Timeout = 20_000 });
        Assert.Equal(snapshot.Teams[1].TeamId, (await judge.Get<JudgeSheet>($"/api/camps/{camp.CampId}/judging/sheet")).Next);

        // The move is in the audit trail the organizers read on the same page.
        await page.Locator(".audit-panel summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("audit")).ToContainTextAsync("was sent the team by the organizers", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("audit")).ToContainTextAsync("Shahnoza");

        await page.Locator(".setup-panel summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var weight = page.GetByRole(AriaRole.Spinbutton, new() { Name = "Weight" }).First;
        await weight.FillAsync("3");
        await page.GetByTestId("setup-save").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Setup saved.")).ToBeVisibleAsync(Patiently);
        Assert.Equal(3, (await organizer.Get<JudgingSetup>($"/api/camps/{camp.CampId}/judging/setup")).Rubric.Criteria[0].Weight);

        await Accessibility.FitsWidth(page, "the judging leaderboard on a phone");
        await Accessibility.Check(page, "the judging leaderboard with the setup open");
    }
}
