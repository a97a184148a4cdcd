using Microsoft.Playwright;
using static SocialInnovation.Browser.Tests.Pages;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Testing;

namespace SocialInnovation.Browser.Tests.Statements;

/// <summary>
/// Problem statements with the keyboard on 375 px phones: two participants propose statements (one a
/// duplicate of the other), the vote opens on them, dots are placed, the organizer merges the duplicate
/// and the dots move — live on a participant's page — then closing makes the winner a team. axe on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StatementsJourneyTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 20_000 };

    [Fact]
    public async Task Participants_propose_statements_and_merging_a_duplicate_moves_its_dots_live()
    {
        var api = fixture.Host.Client();
        await api.SignInOrganizer();
        var camp = await api.CreateCamp("TechBootCamp Dushanbe");
        foreach (var (from, to) in new[] { (CampPhase.Draft, CampPhase.Applications), (CampPhase.Applications, CampPhase.Selection), (CampPhase.Selection, CampPhase.Teams) })
            await api.ChangePhase(camp.CampId, from, to);
        var organizerLink = (await api.Invite(camp.CampId, CampRole.Organizer)).Link!;
        var participantLink = (await api.Invite(camp.CampId, CampRole.Participant, maxUses: 5)).Link!;

        await using var aidaContext = await fixture.NewContext(375, 740);
        var aida = await aidaContext.NewPageAsync();
        await JoinByKeyboard(aida, participantLink, "Aida");
        await aida.GotoAsync($"/camps/{camp.CampId}/statements");
        await Propose(aida, "Youth unemployment", "Graduates wait years for a first job in our city.", "Graduates aged 18-25");
        await Propose(aida, "Air pollution", "Coal smoke makes the winter air dangerous for children.", "Children in Dushanbe");
        await Checked(aida, "the statements page on a phone");

        await using var timurContext = await fixture.NewContext(375, 740);
        var timur = await timurContext.NewPageAsync();
        await JoinByKeyboard(timur, participantLink, "Timur");
        await timur.GotoAsync($"/camps/{camp.CampId}/statements");
        await Propose(timur, "No jobs for graduates", "After college nobody hires you without experience.", "College graduates");
        await Assertions.Expect(timur.GetByTestId("statement-s3")).ToContainTextAsync("Yours", Patiently);
        await Assertions.Expect(timur.GetByTestId("statement-s1")).ToContainTextAsync("Proposed by Aida", Patiently);

        // The organizer opens the vote: its options are the statements.
        await using var organizerContext = await fixture.NewContext();
        var organizer = await organizerContext.NewPageAsync();
        await JoinByKeyboard(organizer, organizerLink, "Organizer Aziz");
        await organizer.GotoAsync($"/camps/{camp.CampId}/vote");
        await TabTo(organizer, "[data-testid=poll-open]");
        await organizer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(organizer.GetByTestId("tally")).ToContainTextAsync("No jobs for graduates", Patiently);

        // Timur puts 2 dots on his statement (o3), Aida 1 on hers (o1).
        await Dots(timur, camp.CampId, "o3", 2);
        await Dots(aida, camp.CampId, "o1", 1);

        await organizer.GotoAsync($"/camps/{camp.CampId}/statements");
        await Assertions.Expect(organizer.GetByTestId("statement-dots-s3")).ToContainTextAsync("2 dots", Patiently);
        await Checked(organizer, "the statements page of the organizer");
        await timur.GotoAsync($"/camps/{camp.CampId}/statements");
        await Assertions.Expect(timur.GetByTestId("statement-dots-s1")).ToHaveTextAsync("1 dot", new() { Timeout = 20_000 });

        await TabTo(organizer, "[data-testid=merge-from]");
        await organizer.GetByTestId("merge-from").SelectOptionAsync("s3");
        await TabTo(organizer, "[data-testid=merge-into]");
        await organizer.GetByTestId("merge-into").SelectOptionAsync("s1");
        await TabTo(organizer, "[data-testid=merge-submit]");
        await organizer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(organizer.GetByTestId("statement-dots-s1")).ToContainTextAsync("3 dots", Patiently);
        await Assertions.Expect(organizer.GetByTestId("merged-s3")).ToContainTextAsync("merged into “Youth unemployment”", Patiently);

        // Live on Timur's phone, without a reload.
        await Assertions.Expect(timur.GetByTestId("statement-dots-s1")).ToContainTextAsync("3 dots", Patiently);
        await Assertions.Expect(timur.GetByTestId("merged-s3")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(timur.GetByTestId("statement-s3")).ToHaveCountAsync(0);
        await Checked(timur, "the statements page after a merge on a phone");

        await TabTo(organizer, "[name=count]");
        await organizer.Keyboard.PressAsync("Control+A");
        await organizer.Keyboard.TypeAsync("1");
        await TabTo(organizer, "[data-testid=choose-themes]");
        await organizer.Keyboard.PressAsync("Enter");
        await organizer.WaitForURLAsync("**/teams");
        await Assertions.Expect(organizer.GetByText("Youth unemployment").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
    }

    private static async Task Propose(IPage page, string title, string description, string affected)
    {
        await TabTo(page, "[data-testid=statement-title]");
        await page.Keyboard.TypeAsync(title);
        await TabTo(page, "[data-testid=statement-description]");
        await page.Keyboard.TypeAsync(description);
        await TabTo(page, "[data-testid=statement-affected]");
        await page.Keyboard.TypeAsync(affected);
        await TabTo(page, "[data-testid=statement-submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText($"“{title}” is proposed.", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 20_000 });
    }

    private static async Task Dots(IPage page, Guid campId, string option, int count)
    {
        await page.GotoAsync($"/camps/{campId}/vote");
        await TabTo(page, $"[data-testid=more-{option}]");
        for (var i = 0; i < count; i++) await page.Keyboard.PressAsync("Enter");
        await TabTo(page, "[data-testid=dots-save]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Your dots are saved.", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 20_000 });
    }
}
