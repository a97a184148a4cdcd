using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Selection;
using SocialInnovation.Testing;
using Xunit.Abstractions;

namespace SocialInnovation.Browser.Tests.Intake;

/// <summary>
/// The selection table with 1,000 applications on a laptop and on a tablet: one page of rows in the DOM,
/// sorting and filtering over all of them. The list is served from the test (the page's own code does
/// everything else), so it measures the page, not 1,000 applications' mail. The times are written to the
/// test output for the README, never asserted.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SelectionTableScaleTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] Countries = ["KZ", "KG", "TJ", "UZ", "AF"];
    private static readonly string[] Skills = ["design", "data", "law", "teaching", "video", "finance", "health", "code"];

    private static List<SelectionEntry> Thousand(Guid campId)
    {
        var random = new Random(15);
        var start = new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(1, 1000).Select(i =>
        {
            var at = start.AddMinutes(i * 7);
            var row = new ApplicationRow(Guid.NewGuid(), campId, $"Applicant {i:D4}", Countries[i % 5], "Almaty", $"NGO {i % 40}", "Volunteer",
                [Skills[i % 8], Skills[(i * 3) % 8]], ["ru"], "en", 1, at, at);
            var scores = Enumerable.Range(0, 1 + i % 3).Select(_ => (double)random.Next(1, 6)).ToList();
            return new SelectionEntry(row, i % 10 == 0 ? ApplicationStatus.Waitlisted : ApplicationStatus.Submitted, ScoreSummary.Of(scores), 2, null, null, null);
        }).ToList();
    }

    [Theory]
    [InlineData("laptop", 1366, 768)]
    [InlineData("tablet", 768, 1024)]
    public async Task A_thousand_applications_show_one_page_and_sort_and_filter_over_all(string device, int width, int height)
    {
        var api = fixture.Host.Client();
        await api.SignInOrganizer();
        var camp = await api.CreateCamp("SICamp Almaty");
        await api.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Applications);
        await api.ChangePhase(camp.CampId, CampPhase.Applications, CampPhase.Selection);
        var link = (await api.Invite(camp.CampId, CampRole.Organizer)).Link!;
        var body = JsonSerializer.Serialize(Thousand(camp.CampId), ApiClient.Json);

        await using var context = await fixture.NewContext(width, height);
        var page = await Pages.JoinByInvite(context, link, "Organizer Aziz");
        await page.RouteAsync($"**/api/camps/{camp.CampId}/applications", route => route.FulfillAsync(new() { ContentType = "application/json", Body = body }));

        var clock = Stopwatch.StartNew();
        await page.GotoAsync($"/camps/{camp.CampId}/selection");
        await Assertions.Expect(page.GetByText("Showing 1000 of 1000 applications", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var load = clock.ElapsedMilliseconds;
        var rows = page.GetByTestId("applications").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(50);
        await Assertions.Expect(page.GetByTestId("page-of")).ToHaveTextAsync("Page 1 of 20");

        clock.Restart();
        await page.GetByRole(AriaRole.Button, new() { Name = "Name", Exact = true }).ClickAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync("Applicant 0001");
        var sort = clock.ElapsedMilliseconds;

        clock.Restart();
        await page.GetByTestId("filter-skill").FillAsync("law");
        await Assertions.Expect(page.GetByText("Showing 250 of 1000 applications", new() { Exact = true })).ToBeVisibleAsync();
        var filter = clock.ElapsedMilliseconds;

        clock.Restart();
        await page.GetByTestId("page-next").ClickAsync();
        await Assertions.Expect(page.GetByTestId("page-of")).ToHaveTextAsync("Page 2 of 5");
        var next = clock.ElapsedMilliseconds;
        await Accessibility.Check(page, $"the selection table with 1,000 applications on a {device}");

        output.WriteLine($"selection table, 1000 rows, {device} {width}x{height}: load {load} ms, sort {sort} ms, filter {filter} ms, next page {next} ms");
    }
}
