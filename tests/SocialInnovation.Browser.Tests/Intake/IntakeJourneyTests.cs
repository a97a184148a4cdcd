using Microsoft.Playwright;
using static SocialInnovation.Browser.Tests.Pages;
using SocialInnovation.People;
using SocialInnovation.Testing;

namespace SocialInnovation.Browser.Tests.Intake;

/// <summary>
/// The organizer's side of intake and the dot vote, with the keyboard only: suggest and apply a selection,
/// waitlist one applicant by hand, move the camp to Teams, open the vote; a participant on a 375 px phone joins by invite,
/// places dots and joins a team; the big screen shows the tally live. axe checks every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IntakeJourneyTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 20_000 };

    [Fact]
    public async Task Selection_voting_and_teams_work_with_the_keyboard_alone()
    {
        var api = fixture.Host.Client();
        await api.SignInOrganizer();
        var camp = await Applicants.CampInSelection(fixture.Host, api);
        var organizerLink = (await api.Invite(camp.CampId, CampRole.Organizer)).Link!;
        var participantLink = (await api.Invite(camp.CampId, CampRole.Participant, maxUses: 5)).Link!;

        await using var organizerContext = await fixture.NewContext();
        var organizer = await organizerContext.NewPageAsync();
        await JoinByKeyboard(organizer, organizerLink, "Organizer Aziz");
        await organizer.GotoAsync($"/camps/{camp.CampId}/organize");
        await TabTo(organizer, "[data-testid=selection-link]");
        await organizer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(organizer.GetByTestId("applications")).ToContainTextAsync("Aida", Patiently);
        await Checked(organizer, "the selection page");
        // On a phone the tables scroll in their own box rather than squeeze a word into one letter per line.
        await organizer.SetViewportSizeAsync(375, 740);
        await Accessibility.WordsWhole(organizer, "The selection page on a phone");
        await organizer.SetViewportSizeAsync(1280, 800);
        // Review Timur: read the form, score 4 on every criterion with a note.
        await TabTo(organizer, "[aria-label='Review Timur']");
        await organizer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(organizer.GetByTestId("review-panel")).ToContainTextAsync("find their first job", Patiently);
        foreach (var criterion in new[] { "motivation", "skills", "team-fit", "impact" })
        {
            await TabTo(organizer, $"[data-testid=score-{criterion}-1]");
            await organizer.Keyboard.PressAsync("ArrowRight");
            await organizer.Keyboard.PressAsync("ArrowRight");
            await organizer.Keyboard.PressAsync("ArrowRight");
        }
        await TabTo(organizer, "[data-testid=review-notes]");
        await organizer.Keyboard.TypeAsync("Strong community work.");
        await TabTo(organizer, "[data-testid=review-save]");
        await organizer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(organizer.GetByTestId("reviews")).ToContainTextAsync("Organizer Aziz: 4 (Motivation 4, Relevant skills 4, Team fit 4, Social impact potential 4) — Strong community work.", Patiently);
        await Checked(organizer, "the review of an application");

        // A minimum of one place for Tajikistan, set on the page.
        await TabTo(organizer, "[data-testid=settings-details] summary");
        await organizer.Keyboard.PressAsync("Enter");
        await TabTo(organizer, "[data-testid=add-quota-TJ]");
        await organizer.Keyboard.PressAsync("Enter");
        await TabTo(organizer, "[aria-label='Minimum places for Tajikistan']");
        await organizer.Keyboard.PressAsync("Backspace");
        await organizer.Keyboard.TypeAsync("1");
        await TabTo(organizer, "[data-testid=save-settings]");
        await organizer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(organizer.GetByText("The settings are saved.", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(organizer.GetByText("min 1, max 60", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Checked(organizer, "the selection settings");

        // Suggest selection, read why, apply it as one batch; then change one decision by hand.
        await TabTo(organizer, "[data-testid=suggest]");
        await organizer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(organizer.GetByTestId("suggested-Aida").GetByTestId("outcome")).ToHaveTextAsync("In", new() { Timeout = 20_000 });
        await Assertions.Expect(organizer.GetByTestId("suggested-Timur")).ToContainTextAsync("Meets the minimum for Tajikistan");
        await Checked(organizer, "the selection suggestion");
        await TabTo(organizer, "[data-testid=apply-suggestion]");
        await organizer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(organizer.GetByTestId("application-Aida").GetByTestId("status")).ToContainTextAsync("Accepted", Patiently);
        await Assertions.Expect(organizer.GetByTestId("application-Timur").GetByTestId("status")).ToContainTextAsync("Accepted", Patiently);
        await TabTo(organizer, "[aria-label='Waitlist Timur']");
        await organizer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(organizer.GetByTestId("application-Timur").GetByTestId("status")).ToContainTextAsync("Waitlisted", Patiently);
        await Checked(organizer, "the selection page after a decision");

        // The organizer moves the camp to Teams and opens the vote, keyboard only.
        await organizer.GotoAsync($"/camps/{camp.CampId}/organize");
        await TabTo(organizer, "[data-testid=phase-to-Teams]");
        await organizer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(organizer.GetByTestId("phase-current")).ToHaveAttributeAsync("data-phase", "Teams", new() { Timeout = 20_000 });
        await TabTo(organizer, "[data-testid=vote-link]");
        await organizer.Keyboard.PressAsync("Enter");
        await TabTo(organizer, "[data-testid=poll-open]");
        await organizer.Keyboard.PressAsync("Enter");
        await Assertions.Expect(organizer.GetByTestId("tally")).ToContainTextAsync("Unemployment", Patiently);
        await Checked(organizer, "the vote page of the organizer");

        await using var participantContext = await fixture.NewContext(375, 740);
        var participant = await participantContext.NewPageAsync();
        await JoinByKeyboard(participant, participantLink, "Zarina");
        await participant.GotoAsync($"/camps/{camp.CampId}/vote");
        await TabTo(participant, "[data-testid=more-o2]");
        await participant.Keyboard.PressAsync("Enter");
        await participant.Keyboard.PressAsync("Enter");
        await TabTo(participant, "[data-testid=dots-save]");
        await participant.Keyboard.PressAsync("Enter");
        await Assertions.Expect(participant.GetByText("Your dots are saved.", new() { Exact = false })).ToBeVisibleAsync();
        await Checked(participant, "the vote page on a phone");

        // The big screen follows the vote live.
        await organizer.GotoAsync($"/camps/{camp.CampId}/vote/screen");
        await Assertions.Expect(organizer.GetByTestId("tally-o2")).ToContainTextAsync("2 dots", Patiently);
        await Accessibility.Check(organizer, "the big-screen tally");

        await organizer.GotoAsync($"/camps/{camp.CampId}/vote");
        await TabTo(organizer, "[data-testid=poll-close]");
        await organizer.Keyboard.PressAsync("Enter");
        await TabTo(organizer, "[data-testid=form-teams]");
        await organizer.Keyboard.PressAsync("Enter");
        await organizer.WaitForURLAsync("**/teams");
        await Assertions.Expect(organizer.GetByTestId("team-Unemployment")).ToBeVisibleAsync();
        await Checked(organizer, "the teams page");

        await participant.GotoAsync($"/camps/{camp.CampId}/teams");
        await TabTo(participant, "[aria-label='Join Unemployment']");
        await participant.Keyboard.PressAsync("Enter");
        await Assertions.Expect(participant.GetByTestId("team-Unemployment")).ToContainTextAsync("Zarina — captain", Patiently);
        await Checked(participant, "the teams page on a phone");
    }
}
