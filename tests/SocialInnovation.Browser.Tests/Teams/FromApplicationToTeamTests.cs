using Microsoft.Playwright;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Statements;
using SocialInnovation.Testing;
using static SocialInnovation.Browser.Tests.Pages;

namespace SocialInnovation.Browser.Tests.Teams;

/// <summary>
/// Intake from end to end on 375 px phones: an applicant fills in the public form, the organizer accepts
/// her in selection, she confirms through the mailed link, finds her application's skills on her camp
/// profile, dot-votes a problem statement, and sees her team appear on her teams page, without a reload,
/// when the organizer publishes. axe on every page either phone visits.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FromApplicationToTeamTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 20_000 };

    [Fact]
    public async Task An_applicant_is_accepted_confirms_votes_and_sees_her_published_team_appear_on_her_phone()
    {
        var api = fixture.Host.Client();
        await api.SignInOrganizer();
        var camp = await api.CreateCamp("SICamp Almaty journey");
        var campId = camp.CampId;
        await api.ChangePhase(campId, CampPhase.Draft, CampPhase.Applications);
        var email = $"zarina.{Guid.NewGuid():N}@example.com";

        // The applicant, on her phone, with no account.
        await using var zarinaContext = await fixture.NewContext(375, 740, touch: true);
        var zarina = await zarinaContext.NewPageAsync();
        await zarina.GotoAsync($"/camps/{campId}/apply");
        await zarina.GetByTestId("apply-name").FillAsync("Zarina Karimova");
        await zarina.GetByTestId("apply-email").FillAsync(email);
        await zarina.GetByTestId("apply-country").SelectOptionAsync("KZ");
        await zarina.GetByTestId("apply-city").FillAsync("Almaty");
        await zarina.GetByTestId("apply-role").FillAsync("Data analyst");
        await zarina.GetByLabel("Skills", new() { Exact = true }).FillAsync("data, public speaking");
        await zarina.GetByTestId("apply-languages").FillAsync("kk, ru");
        await zarina.GetByTestId("apply-motivation").FillAsync("I want young people in Almaty to breathe clean air in winter.");
        await zarina.GetByTestId("apply-consent").CheckAsync();
        await Checked(zarina, "the application form on a phone");
        await zarina.GetByTestId("apply-submit").ClickAsync();
        await Assertions.Expect(zarina.GetByTestId("apply-done")).ToContainTextAsync(email, Patiently);
        await Checked(zarina, "the confirmation of an application on a phone");

        // The organizer, on his phone too, accepts her in selection.
        await api.ChangePhase(campId, CampPhase.Applications, CampPhase.Selection);
        await using var azizContext = await fixture.NewContext(375, 740, touch: true);
        var aziz = await JoinByInvite(azizContext, (await api.Invite(campId, CampRole.Organizer)).Link!, "Organizer Aziz");
        await aziz.GotoAsync($"/camps/{campId}/selection");
        await aziz.GetByRole(AriaRole.Button, new() { Name = "Accept Zarina Karimova", Exact = true }).ClickAsync();
        await Assertions.Expect(aziz.GetByTestId("application-Zarina Karimova").GetByTestId("status")).ToContainTextAsync("Accepted", Patiently);
        await Checked(aziz, "the selection page on a phone");

        // The mail's private link: she confirms and is a participant.
        var accepted = (await Maildev.Shared.WaitFor(email, 2))[1];
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(accepted.Text, @"https?://\S+/application#\S+").Value);
        await zarina.GotoAsync(link.PathAndQuery + link.Fragment);
        await zarina.GetByTestId("mine-confirm").ClickAsync();
        await Assertions.Expect(zarina.GetByTestId("mine-status")).ToContainTextAsync("You are a participant of the camp.", Patiently);
        await Checked(zarina, "the private application page after confirming");

        // Her camp profile starts from her application.
        await zarina.GotoAsync($"/camps/{campId}/profile");
        await Assertions.Expect(zarina.GetByTestId("profile-skills")).ToHaveValueAsync("data, public speaking", new() { Timeout = 20_000 });
        await Checked(zarina, "the camp profile on a phone");

        // Two participants who came by invite put problems up; the organizer opens the dot vote on them.
        await api.ChangePhase(campId, CampPhase.Selection, CampPhase.Teams);
        foreach (var (name, title) in new[] { ("Timur", "Youth unemployment"), ("Dana", "Winter air pollution") })
        {
            var proposer = fixture.Host.Client();
            await proposer.Redeem((await api.Invite(campId, CampRole.Participant)).Token!, name);
            (await proposer.Post($"/api/camps/{campId}/statements", new ProposeStatement(title, $"{title}: families in our city feel it every day.",
                "Young people in Almaty", Guid.NewGuid().ToString("N")))).EnsureSuccessStatusCode();
        }
        await aziz.GotoAsync($"/camps/{campId}/vote");
        await aziz.GetByTestId("poll-open").ClickAsync();
        await Assertions.Expect(aziz.GetByTestId("tally")).ToContainTextAsync("Winter air pollution", Patiently);

        // Zarina puts her three dots on air pollution (o2).
        await zarina.GotoAsync($"/camps/{campId}/vote");
        for (var i = 0; i < 3; i++) await zarina.GetByTestId("more-o2").ClickAsync();
        await zarina.GetByTestId("dots-save").ClickAsync();
        await Assertions.Expect(zarina.GetByText("Your dots are saved.", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Checked(zarina, "the dot vote on a phone");

        // She waits on her teams page, connected to the live stream.
        await zarina.GotoAsync($"/camps/{campId}/teams");
        await Assertions.Expect(zarina.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 20_000 });

        // The organizer closes the vote into two teams, suggests and publishes.
        await aziz.GotoAsync($"/camps/{campId}/statements");
        await aziz.GetByTestId("choose-themes").ClickAsync();
        await aziz.WaitForURLAsync("**/teams");
        await aziz.GetByTestId("formation-link").ClickAsync();
        await aziz.GetByTestId("suggest-teams").ClickAsync();
        await Assertions.Expect(aziz.GetByTestId("formation-report")).ToContainTextAsync("did not rank: 3", Patiently);
        await Checked(aziz, "the team formation page on a phone");
        await aziz.GetByTestId("publish-teams").ClickAsync();
        await Assertions.Expect(aziz.GetByText("Published: 3 participants in 2 teams.", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 20_000 });

        // Her phone, never reloaded, shows her team.
        await Assertions.Expect(zarina.GetByTestId("my-team")).ToContainTextAsync("Your team:", Patiently);
        var formation = await api.Get<SocialInnovation.Teams.FormationStatus>($"/api/camps/{campId}/team-formation");
        var hers = formation.Teams.Single(t => t.Members.Any(m => m.Name == "Zarina Karimova"));
        await Assertions.Expect(zarina.GetByTestId("my-team")).ToContainTextAsync(hers.Name);
        await Checked(zarina, "the teams page on a phone with her team");
    }
}
