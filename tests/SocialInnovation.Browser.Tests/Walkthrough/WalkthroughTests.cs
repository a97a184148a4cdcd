using Microsoft.Playwright;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Polls;
using SocialInnovation.Testing;

namespace SocialInnovation.Browser.Tests.Walkthrough;

/// <summary>
/// Small things a newcomer tripped over while walking the demo as organizer, participant, mentor, judge and
/// audience (2026-11-26): each is pinned here so it stays fixed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WalkthroughTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };
    private static PageGetByRoleOptions Link(string name) => new() { Name = name, Exact = true };

    [Fact]
    public async Task The_team_boards_list_links_back_to_the_camp_page_for_the_keyboard()
    {
        var (campId, organizer) = await NewCamp();
        await using var phone = await fixture.NewContext(375, 740);
        var aida = await Pages.JoinByInvite(phone, (await organizer.Invite(campId, CampRole.Participant)).Link!, "Aida");

        await aida.GotoAsync($"/camps/{campId}/boards");
        await Assertions.Expect(aida.GetByRole(AriaRole.Link, Link("Open Budget"))).ToBeVisibleAsync(Patiently);
        await Pages.TabTo(aida, $"a[href='/camps/{campId}']");
        await aida.Keyboard.PressAsync("Enter");
        await aida.WaitForURLAsync($"**/camps/{campId}");
        await Assertions.Expect(aida.GetByRole(AriaRole.Heading, new() { Name = "Walkthrough camp", Exact = true })).ToBeVisibleAsync(Patiently);
    }

    [Fact]
    public async Task The_organizers_mentoring_overview_has_no_two_landmarks_of_one_name()
    {
        var (campId, organizer) = await NewCamp();
        await using var laptop = await fixture.NewContext(1280, 800);
        var olga = await Pages.JoinByInvite(laptop, (await organizer.Invite(campId, CampRole.Organizer)).Link!, "Olga");

        await olga.GotoAsync($"/camps/{campId}/mentoring");
        await Assertions.Expect(olga.GetByTestId("unseen-teams")).ToBeVisibleAsync(Patiently);
        await Pages.Checked(olga, "the organizer's mentoring overview");
        // A moderate rule, which Accessibility.Check does not fail on: each table's scrolling region and its
        // section were both named by the same heading.
        await Assertions.Expect(olga.GetByRole(AriaRole.Region, new() { Name = "Sessions per team", Exact = true })).ToHaveCountAsync(1);
        await Assertions.Expect(olga.GetByRole(AriaRole.Region, new() { Name = "Load per mentor", Exact = true })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_capacity_typed_before_a_refused_create_is_kept_and_is_the_camps_capacity()
    {
        await using var context = await fixture.NewContext(375, 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByTestId("signin-key").FillAsync(PlatformHost.OrganizerKey);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("camp-create")).ToBeVisibleAsync(Patiently);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("SICamp Osh");
        await page.GetByLabel("Location").FillAsync("Osh");
        await page.GetByLabel("Start date").FillAsync("2027-06-10");
        await page.GetByLabel("End date").FillAsync("2027-06-01");
        await page.GetByLabel("Capacity (participants)").FillAsync("25");
        await page.GetByLabel("Countries").FillAsync("KG");
        await page.GetByTestId("camp-create").ClickAsync();
        await Assertions.Expect(page.GetByText("A camp cannot end before it starts.", new() { Exact = true })).ToBeVisibleAsync(Patiently);
        // The re-rendered form used to put its initial 60 back, and the corrected camp was made with 60 places.
        await Assertions.Expect(page.GetByLabel("Capacity (participants)")).ToHaveValueAsync("25");

        await page.GetByLabel("End date").FillAsync("2027-06-14");
        await page.GetByTestId("camp-create").ClickAsync();
        await page.WaitForURLAsync("**/camps/*");
        await Assertions.Expect(page.GetByText("25", new() { Exact = true })).ToBeVisibleAsync(Patiently);
    }

    [Fact]
    public async Task The_selection_page_names_its_applications_region_once()
    {
        var (campId, organizer) = await NewCamp();
        await using var laptop = await fixture.NewContext(1280, 800);
        var olga = await Pages.JoinByInvite(laptop, (await organizer.Invite(campId, CampRole.Organizer)).Link!, "Olga");

        await olga.GotoAsync($"/camps/{campId}/selection");
        await Assertions.Expect(olga.GetByRole(AriaRole.Heading, new() { Name = "Applications", Exact = true })).ToBeVisibleAsync(Patiently);
        await Pages.Checked(olga, "the selection page");
        await Assertions.Expect(olga.GetByRole(AriaRole.Region, new() { Name = "Applications", Exact = true })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_signed_in_person_whose_session_cannot_be_read_is_not_offered_the_organizer_sign_in()
    {
        var (campId, organizer) = await NewCamp();
        await using var tablet = await fixture.NewContext(768, 1024);
        var jane = await Pages.JoinByInvite(tablet, (await organizer.Invite(campId, CampRole.Judge)).Link!, "Jane");
        await Assertions.Expect(jane.GetByText("Signed in as Jane", new() { Exact = true })).ToBeVisibleAsync(Patiently);

        // As on a judge's tablet reopening its page without a connection: who is signed in is unknown, not "nobody".
        await jane.RouteAsync("**/api/session", route => route.AbortAsync());
        await jane.ReloadAsync();
        await Assertions.Expect(jane.GetByRole(AriaRole.Heading, new() { Name = "Walkthrough camp", Exact = true })).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(jane.GetByRole(AriaRole.Link, Link("Organizer sign-in"))).ToHaveCountAsync(0);

        await jane.UnrouteAsync("**/api/session");
        await jane.ReloadAsync();
        await Assertions.Expect(jane.GetByText("Signed in as Jane", new() { Exact = true })).ToBeVisibleAsync(Patiently);
    }

    [Fact]
    public async Task Outside_the_Teams_phase_the_vote_page_says_dots_wait_and_offers_them_once_the_camp_forms_teams()
    {
        var (campId, organizer) = await NewCamp();
        await organizer.Read<PollTally>(await organizer.Post($"/api/camps/{campId}/polls", new OpenPoll("Which problems?", null, 3, Guid.NewGuid().ToString("N"))));
        await using var phone = await fixture.NewContext(375, 740);
        var aida = await Pages.JoinByInvite(phone, (await organizer.Invite(campId, CampRole.Participant)).Link!, "Aida");

        await aida.GotoAsync($"/camps/{campId}/vote");
        // The camp is in Draft: a Save here was refused with poll.phase after the dots were placed.
        await Assertions.Expect(aida.GetByText("Voting is open only while the camp forms its teams.", new() { Exact = true })).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(aida.GetByRole(AriaRole.Button, new() { Name = "Save my dots", Exact = true })).ToHaveCountAsync(0);
        await Pages.Checked(aida, "the vote page before the Teams phase");

        await organizer.ChangePhase(campId, CampPhase.Draft, CampPhase.Applications);
        await organizer.ChangePhase(campId, CampPhase.Applications, CampPhase.Selection);
        await organizer.ChangePhase(campId, CampPhase.Selection, CampPhase.Teams);
        await Assertions.Expect(aida.GetByRole(AriaRole.Button, new() { Name = "Save my dots", Exact = true })).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(aida.GetByText("Voting is open only while the camp forms its teams.", new() { Exact = true })).ToHaveCountAsync(0);
    }

    private async Task<(Guid CampId, ApiClient Organizer)> NewCamp()
    {
        var api = fixture.Host.Client();
        await api.SignInOrganizer();
        var camp = await api.CreateCamp("Walkthrough camp");
        await api.Read<CampSnapshot>(await api.Post($"/api/camps/{camp.CampId}/teams", new AddTeam("Open Budget", "Corruption", Guid.NewGuid().ToString("N"))));
        return (camp.CampId, api);
    }
}
