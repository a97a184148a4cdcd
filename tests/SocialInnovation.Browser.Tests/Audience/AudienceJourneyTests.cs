using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialInnovation.Audience;
using SocialInnovation.Camps;
using SocialInnovation.Judging;
using SocialInnovation.People;
using SocialInnovation.Awards;
using SocialInnovation.Testing;

namespace SocialInnovation.Browser.Tests.Audience;

/// <summary>
/// An organizer opens a people's choice poll, an audience of phones votes by its code, the big screen shows
/// the exact tally; then results are published and shown on the public page and the big-screen reveal.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AudienceJourneyTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };
    private static readonly string[] Teams = ["Clean Air Almaty", "Открытый бюджет", "Green Jobs"];

    [Fact]
    public async Task An_audience_of_phones_votes_by_code_and_the_big_screen_shows_the_exact_tally_then_the_results_are_revealed()
    {
        var organizer = fixture.Host.Client();
        await organizer.SignInOrganizer();
        var camp = await organizer.CreateCamp("SICamp audience");
        CampSnapshot snapshot = camp;
        foreach (var name in Teams)
            snapshot = await organizer.Read<CampSnapshot>(await organizer.Post($"/api/camps/{camp.CampId}/teams", new AddTeam(name, "Environment", Guid.NewGuid().ToString("N"))));

        // The organizer opens the poll on the audience page and puts the big screen up.
        await using var desk = await fixture.NewContext();
        var screen = await desk.NewPageAsync();
        await screen.GotoAsync((await organizer.Invite(camp.CampId, CampRole.Organizer)).Link!);
        await screen.GetByTestId("join-name").FillAsync("Dana");
        await screen.GetByTestId("join-submit").ClickAsync();
        await screen.WaitForURLAsync($"**/camps/{camp.CampId}");
        await screen.GetByTestId("audience-link").ClickAsync();
        await screen.GetByRole(AriaRole.Button, new() { Name = "Open the poll", Exact = true }).ClickAsync();
        await Assertions.Expect(screen.GetByTestId("poll-code")).ToBeVisibleAsync(Patiently);
        await Accessibility.Check(screen, "the organizer's audience page");
        var code = (await screen.GetByTestId("poll-code").TextContentAsync())!.Trim();
        await screen.GetByRole(AriaRole.Link, new() { Name = "Big screen" }).ClickAsync();
        await Assertions.Expect(screen.GetByTestId("join-code")).ToHaveTextAsync(code, new() { Timeout = 20_000 });
        await Accessibility.Check(screen, "the audience big screen");
        await Accessibility.WordsWhole(screen, "The audience big screen");

        // Four phones vote: two for the first team, one each for the others; one phone sends its vote twice.
        string[] picks = [Teams[0], Teams[1], Teams[0], Teams[2]];
        var phones = new List<IBrowserContext>();
        foreach (var (pick, i) in picks.Select((p, i) => (p, i)))
        {
            var phone = await fixture.NewContext(375, 740);
            phones.Add(phone);
            var page = await phone.NewPageAsync();
            await page.GotoAsync($"/v/{code.ToLowerInvariant()}");
            await page.GetByText(pick, new() { Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Vote", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("vote-status")).ToContainTextAsync(pick, new() { Timeout = 20_000 });
            if (i == 0)
            {
                await Accessibility.Check(page, "the audience vote page");
                await Accessibility.FitsWidth(page, "the audience vote page at 375 px");
                await page.ReloadAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Change my vote", Exact = true }).ClickAsync();
                await Assertions.Expect(page.GetByTestId("vote-status")).ToContainTextAsync(pick, new() { Timeout = 20_000 });
            }
        }

        await Assertions.Expect(screen.GetByTestId("voters")).ToContainTextAsync("4", new() { Timeout = 20_000 });
        await Assertions.Expect(screen.GetByTestId("tally-o1").Locator(".tally-count")).ToHaveTextAsync(new Regex(@"^\D*2\D*$"), new() { Timeout = 20_000 });
        await Assertions.Expect(screen.GetByTestId("tally-o2").Locator(".tally-count")).ToHaveTextAsync(new Regex(@"^\D*1\D*$"));
        await Assertions.Expect(screen.GetByTestId("tally-o3").Locator(".tally-count")).ToHaveTextAsync(new Regex(@"^\D*1\D*$"));
        var poll = (await organizer.Get<List<AudiencePollView>>($"/api/camps/{camp.CampId}/audience/polls")).Single();
        Assert.Equal([2, 1, 1], poll.Tally.Options.Select(o => o.Dots));

        // Judging is set up and locked, the people's choice counts, and the results are published.
        var setup = await organizer.Get<JudgingSetup>($"/api/camps/{camp.CampId}/judging/setup");
        (await organizer.Http.PutAsJsonAsync($"/api/camps/{camp.CampId}/judging/setup",
            new ConfigureJudging(Rubric.Default, [], null, [1], 0.2, 0, Guid.NewGuid().ToString("N")), ApiClient.Json)).EnsureSuccessStatusCode();
        (await organizer.Post($"/api/camps/{camp.CampId}/judging/lock", new LockJudging(true, Guid.NewGuid().ToString("N")))).EnsureSuccessStatusCode();
        (await organizer.Http.PutAsJsonAsync($"/api/camps/{camp.CampId}/results/draft", new SaveResults(
            [new(AwardKind.PeoplesChoice, "People's choice", snapshot.Teams[0].TeamId, null)], 1000m, "USD", [new(snapshot.Teams[1].TeamId, 1000m)],
            poll.Tally.PollId, RevealOrder.LastToFirst, 0, Guid.NewGuid().ToString("N")), ApiClient.Json)).EnsureSuccessStatusCode();
        await screen.GotoAsync($"/camps/{camp.CampId}/results/edit");
        await Assertions.Expect(screen.GetByTestId("standings").Locator("tbody tr")).ToHaveCountAsync(3, new() { Timeout = 20_000 });
        await Accessibility.Check(screen, "the results editor");
        await Accessibility.WordsWhole(screen, "The results editor");
        await screen.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(screen.GetByTestId("publish")).ToHaveTextAsync("Withdraw to correct", new() { Timeout = 20_000 });

        var anyone = await phones[1].NewPageAsync();
        await anyone.GotoAsync($"/camps/{camp.CampId}/results");
        await Assertions.Expect(anyone.GetByTestId("standings").Locator("tbody tr")).ToHaveCountAsync(3, new() { Timeout = 20_000 });
        await Assertions.Expect(anyone.GetByTestId("weights")).ToContainTextAsync("20");
        await Assertions.Expect(anyone.GetByTestId("grants")).ToContainTextAsync(Teams[1]);
        await Accessibility.Check(anyone, "the public results page");
        await Accessibility.WordsWhole(anyone, "The public results page on a phone");
        // A visitor who is not signed in is led to the front page, not to a camp page they cannot open.
        await Assertions.Expect(anyone.GetByTestId("results-back")).ToHaveAttributeAsync("href", "/");

        await screen.GotoAsync($"/camps/{camp.CampId}/results/reveal");
        await Assertions.Expect(screen.GetByTestId("reveal-next")).ToBeVisibleAsync(Patiently);
        // The page listens for the key from an effect that may run just after the button shows (a CI run under
        // load pressed too early once): press again while nothing is revealed; the reveal stops at the last team.
        var revealed = screen.GetByTestId("revealed").Locator("li");
        for (var attempt = 0; attempt < 10 && await revealed.CountAsync() == 0; attempt++)
        {
            await screen.Keyboard.PressAsync("ArrowRight");
            try { await revealed.First.WaitForAsync(new() { Timeout = 2_000 }); }
            catch (TimeoutException) { } // not listening yet: press again
        }
        Assert.True(await revealed.CountAsync() >= 1, "The right arrow key revealed nothing.");
        // A slow page may have taken two of those presses, so "Next" is pressed until the last team shows (it
        // then gives way to "all revealed"), one team per press, rather than exactly twice.
        for (var shown = await revealed.CountAsync(); shown < 3; shown++)
        {
            await screen.GetByTestId("reveal-next").ClickAsync();
            await Assertions.Expect(revealed).ToHaveCountAsync(shown + 1, new() { Timeout = 20_000 });
        }
        await Assertions.Expect(screen.GetByTestId("reveal-next")).ToHaveCountAsync(0);
        await Accessibility.Check(screen, "the results reveal");
        // The reveal is no dead end either: the organizer gets back to the camp page by keyboard.
        await Pages.TabTo(screen, "[data-testid=reveal-back]");
        await screen.Keyboard.PressAsync("Enter");
        await screen.WaitForURLAsync($"**/camps/{camp.CampId}");
        foreach (var phone in phones) await phone.DisposeAsync();
    }
}
