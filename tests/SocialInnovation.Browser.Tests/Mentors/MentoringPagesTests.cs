using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using System.Net.Http.Json;
using SocialInnovation.Camps;
using SocialInnovation.Mentors;
using SocialInnovation.People;
using SocialInnovation.Testing;

namespace SocialInnovation.Browser.Tests.Mentors;

/// <summary>
/// A mentor on a laptop and a team member on a 375 px phone: the team raises its hand, the mentor takes
/// it and writes feedback, the phone shows each step live; a deck uploaded on the phone shows its
/// progress, survives a dropped block, and appears in the history the mentor sees. axe on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MentoringPagesTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };
    private static readonly LocatorAssertionsToContainTextOptions PatientlyText = new() { Timeout = 20_000 };


    [Fact]
    public async Task The_team_raises_a_hand_the_mentor_takes_it_and_feedback_and_ticks_appear_live_on_both_sides()
    {
        var camp = await NewCamp("Clean Air");
        await using var laptop = await fixture.NewContext(1280, 800);
        await using var phone = await fixture.NewContext(375, 740);
        var mentor = await camp.Join(laptop, CampRole.Mentor, "Farrukh");
        var aida = await camp.Join(phone, CampRole.Participant, "Aida");
        await camp.SaveMentorProfile(mentor);

        await Pages.OpenLive(aida, camp.TeamPage);
        await aida.GetByTestId("hand-topic").FillAsync("Onboarding is too long");
        await aida.GetByTestId("hand-tags").FillAsync("ux");
        await aida.GetByTestId("raise-hand").ClickAsync();
        await Assertions.Expect(aida.GetByTestId("hand-status")).ToContainTextAsync("Place in the queue: 1", PatientlyText);

        await Pages.OpenLive(mentor, $"/camps/{camp.CampId}/mentor");
        await Assertions.Expect(mentor.GetByTestId("request-Clean Air")).ToBeVisibleAsync(Patiently);
        await Accessibility.Check(mentor, "the mentor's page");
        await mentor.GetByTestId("take-next").ClickAsync();
        await mentor.WaitForURLAsync($"**{camp.TeamPage}");
        // The phone sees the mentor coming without a reload.
        await Assertions.Expect(aida.GetByTestId("hand-status")).ToContainTextAsync("Farrukh", PatientlyText);

        await mentor.GetByTestId("notes-input").FillAsync("Cut the sign-up to one screen.");
        await mentor.GetByTestId("save-notes").ClickAsync();
        await mentor.GetByTestId("item-input").FillAsync("Test with 5 users");
        await mentor.GetByTestId("add-item").ClickAsync();
        await Assertions.Expect(aida.GetByTestId("session-notes")).ToContainTextAsync("Cut the sign-up to one screen.", PatientlyText);
        var item = aida.GetByRole(AriaRole.Checkbox, new() { Name = "Test with 5 users" });
        await Assertions.Expect(item).ToBeVisibleAsync(Patiently);

        // The team ticks it off with the keyboard; the mentor's page shows the tick.
        await item.FocusAsync();
        await aida.Keyboard.PressAsync("Space");
        await Assertions.Expect(mentor.GetByRole(AriaRole.Checkbox, new() { Name = "Test with 5 users" })).ToBeCheckedAsync(new() { Timeout = 20_000 });

        await mentor.GetByTestId("end-session").ClickAsync();
        await Assertions.Expect(aida.GetByTestId("send-rating")).ToBeVisibleAsync(Patiently);
        await aida.GetByRole(AriaRole.Radio, new() { Name = "4", Exact = true }).CheckAsync();
        await aida.GetByTestId("send-rating").ClickAsync();
        await Assertions.Expect(mentor.GetByTestId("session-rating")).ToContainTextAsync("4 of 5", PatientlyText);

        await Accessibility.Check(aida, "the team's mentoring page on a phone");
        await Accessibility.Check(mentor, "the session screen");
        await Accessibility.FitsWidth(aida, "The team's mentoring page on a 375px phone");
    }

    [Fact]
    public async Task A_deck_uploaded_on_a_phone_shows_its_progress_retries_a_dropped_block_and_reaches_the_mentor()
    {
        var camp = await NewCamp("Open Budget");
        await using var laptop = await fixture.NewContext(1280, 800);
        await using var phone = await fixture.NewContext(375, 740);
        var mentor = await camp.Join(laptop, CampRole.Mentor, "Dilnoza");
        var aida = await camp.Join(phone, CampRole.Participant, "Aida");
        await Pages.OpenLive(aida, camp.TeamPage);

        // The second 4 MB block is dropped once (weak Wi-Fi), then held until the progress bar was seen.
        var release = new TaskCompletionSource();
        var attempts = 0;
        await aida.RouteAsync("**/blocks/1", async route =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
            {
                await route.AbortAsync("connectionreset");
                return;
            }
            await release.Task;
            await route.ContinueAsync();
        });
        var deck = new byte[5 * 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(deck);
        await aida.GetByTestId("artifact-file").SetInputFilesAsync(new FilePayload { Name = "Pitch deck.pdf", MimeType = "application/pdf", Buffer = deck });
        await aida.GetByTestId("upload").ClickAsync();

        await Assertions.Expect(aida.GetByTestId("upload-progress")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(aida.GetByText("The connection dropped; retrying and resuming where it stopped…")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(aida.GetByTestId("upload-progress")).ToHaveAttributeAsync("value", new System.Text.RegularExpressions.Regex("^([5-9][0-9]|100)$"), new() { Timeout = 20_000 });
        await Accessibility.Check(aida, "the upload in progress on a phone");
        release.SetResult();

        await Assertions.Expect(aida.GetByTestId("artifact-history")).ToContainTextAsync("Pitch deck.pdf", PatientlyText);
        await Assertions.Expect(aida.GetByTestId("judging-deck")).ToBeVisibleAsync(Patiently);
        await Pages.OpenLive(mentor, camp.TeamPage);
        await Assertions.Expect(mentor.GetByTestId("artifact-history")).ToContainTextAsync("Pitch deck.pdf", PatientlyText);
        await Assertions.Expect(mentor.GetByTestId("artifact-history")).ToContainTextAsync("Aida", PatientlyText);
        await Accessibility.Check(mentor, "the team's files seen by its mentor");
        await Accessibility.FitsWidth(aida, "The upload on a 375px phone");
    }

    [Fact]
    public async Task The_organizer_sees_the_overview_and_opens_the_gallery_which_a_phone_then_shows()
    {
        var camp = await NewCamp("First Job");
        await using var laptop = await fixture.NewContext(1280, 800);
        await using var phone = await fixture.NewContext(375, 740);
        var organizer = await camp.Join(laptop, CampRole.Organizer, "Olga");
        var aida = await camp.Join(phone, CampRole.Participant, "Aida");
        var mentor = fixture.Host.Client();
        await mentor.Redeem((await camp.Organizer.Invite(camp.CampId, CampRole.Mentor)).Token!, "Farrukh");
        var calendar = await ProfileAndSlotTomorrow(mentor, camp);

        await Pages.OpenLive(organizer, $"/camps/{camp.CampId}/mentoring");
        await Assertions.Expect(organizer.GetByTestId("unseen-teams")).ToContainTextAsync("Teams without any session yet: 1", PatientlyText);
        await Assertions.Expect(organizer.GetByTestId("slots-booked-Farrukh")).ToHaveTextAsync("0", new() { Timeout = 20_000 });
        await Accessibility.Check(organizer, "the organizer's mentoring overview");

        // The overview is live: a booking on the mentor's calendar and a session with the team show without a reload.
        var booked = await aida.APIRequest.PostAsync($"/api/camps/{camp.CampId}/teams/{camp.TeamId}/bookings", new APIRequestContextOptions
        {
            DataObject = new { mentorId = calendar.Profile.PersonId, slotId = calendar.Slots.Single().SlotId, idempotencyKey = Guid.NewGuid().ToString("N") },
        });
        Assert.True(booked.Ok, await booked.TextAsync());
        await Assertions.Expect(organizer.GetByTestId("slots-booked-Farrukh")).ToHaveTextAsync("1", new() { Timeout = 20_000 });
        (await mentor.Post($"/api/camps/{camp.CampId}/teams/{camp.TeamId}/sessions", new OpenSession("Onboarding", Guid.NewGuid().ToString("N")))).EnsureSuccessStatusCode();
        await Assertions.Expect(organizer.GetByTestId("unseen-teams")).ToContainTextAsync("Every team has had a session.", PatientlyText);
        await organizer.GetByTestId("gallery-link").ClickAsync();
        await organizer.GetByTestId("publish-gallery").ClickAsync();
        await Assertions.Expect(organizer.GetByTestId("gallery-status")).ToContainTextAsync("Open to everyone", PatientlyText);

        await aida.GotoAsync($"/camps/{camp.CampId}/gallery");
        await Assertions.Expect(aida.GetByRole(AriaRole.Heading, new() { Name = "First Job" })).ToBeVisibleAsync(Patiently);
        await Accessibility.Check(aida, "the gallery on a phone");
        await Accessibility.FitsWidth(aida, "The gallery on a 375px phone");
    }

    [Fact]
    public async Task The_organizers_overview_shows_a_team_added_and_a_mentor_who_joins_and_is_booked_after_it_opened_without_a_reload()
    {
        var camp = await NewCamp("Clean Air");
        await using var laptop = await fixture.NewContext(1280, 800);
        var organizer = await camp.Join(laptop, CampRole.Organizer, "Olga");
        await Pages.OpenLive(organizer, $"/camps/{camp.CampId}/mentoring");
        await Assertions.Expect(organizer.GetByTestId("unseen-teams")).ToContainTextAsync("Teams without any session yet: 1", PatientlyText);

        // Other clients change the camp while the page stays open: no reload, and no minute-long poll to wait for.
        (await camp.Organizer.Post($"/api/camps/{camp.CampId}/teams", new AddTeam("Safe Roads", "Environment", Guid.NewGuid().ToString("N")))).EnsureSuccessStatusCode();
        await Assertions.Expect(organizer.GetByTestId("unseen-teams")).ToContainTextAsync("Teams without any session yet: 2", PatientlyText);
        var mentor = fixture.Host.Client();
        await mentor.Redeem((await camp.Organizer.Invite(camp.CampId, CampRole.Mentor)).Token!, "Dilnoza");
        await Assertions.Expect(organizer.GetByTestId("slots-booked-Dilnoza")).ToHaveTextAsync("0", new() { Timeout = 20_000 });

        // The new mentor sets up a profile and a slot, a team member books it: the new mentor's calendar is watched too.
        var calendar = await ProfileAndSlotTomorrow(mentor, camp);
        var aida = fixture.Host.Client();
        await aida.Redeem((await camp.Organizer.Invite(camp.CampId, CampRole.Participant)).Token!, "Aida");
        (await aida.Post($"/api/camps/{camp.CampId}/teams/{camp.TeamId}/join", new { idempotencyKey = Guid.NewGuid().ToString("N") })).EnsureSuccessStatusCode();
        (await aida.Post($"/api/camps/{camp.CampId}/teams/{camp.TeamId}/bookings",
            new BookSlot(calendar.Profile.PersonId, calendar.Slots.Single().SlotId, Guid.NewGuid().ToString("N")))).EnsureSuccessStatusCode();
        await Assertions.Expect(organizer.GetByTestId("slots-booked-Dilnoza")).ToHaveTextAsync("1", new() { Timeout = 20_000 });
        await Accessibility.Check(organizer, "the organizer's mentoring overview after live changes");
    }

    [Fact]
    public async Task A_request_nobody_took_shows_its_flag_to_the_organizer_and_to_a_mentor_in_Russian_but_not_to_the_team()
    {
        var camp = await NewCamp("Clean Air");
        await using var desk = await fixture.NewContext(1280, 800);
        await using var laptop = await fixture.NewContext(1280, 800);
        await using var phone = await fixture.NewContext(375, 740);
        await Pages.InRussian(laptop);
        var organizer = await camp.Join(desk, CampRole.Organizer, "Olga");
        var mentor = await camp.Join(laptop, CampRole.Mentor, "Фаррух");
        var aida = await camp.Join(phone, CampRole.Participant, "Aida");
        await Pages.OpenLive(aida, camp.TeamPage);
        await aida.GetByTestId("hand-topic").FillAsync("Our survey gets no answers");
        await aida.GetByTestId("raise-hand").ClickAsync();
        await Assertions.Expect(aida.GetByTestId("hand-status")).ToContainTextAsync("Place in the queue: 1", PatientlyText);
        await Pages.OpenLive(organizer, $"/camps/{camp.CampId}/mentoring");
        await Pages.OpenLive(mentor, $"/camps/{camp.CampId}/mentor");
        await Assertions.Expect(organizer.GetByTestId("request-Clean Air")).ToBeVisibleAsync(Patiently);

        // Nobody takes it. The browser tests' host flags at once (Mentors:FlagAfterMinutes = 0); the test runs
        // the queue's check itself instead of waiting for its 30-second tick. The flag arrives live.
        await fixture.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IHelpQueueGrain>(camp.CampId).FlagOverdue();
        await Assertions.Expect(organizer.GetByTestId("request-Clean Air").GetByText("nobody took it in 0 min", new() { Exact = true })).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(mentor.GetByTestId("request-Clean Air").GetByText("никто не взял за 0 мин", new() { Exact = true })).ToBeVisibleAsync(Patiently);
        await Accessibility.Check(organizer, "the organizer's queue with a flagged request");
        await Accessibility.Check(mentor, "the mentor's queue with a flagged request, in Russian");

        // The team sees its place, not the organizers' flag — also when the page is opened after the flag.
        await Pages.OpenLive(aida, camp.TeamPage);
        await Assertions.Expect(aida.GetByTestId("hand-status")).ToContainTextAsync("Place in the queue: 1", PatientlyText);
        await Assertions.Expect(aida.GetByText("nobody took it", new() { Exact = false })).ToHaveCountAsync(0);
        await Pages.OpenLive(aida, $"/camps/{camp.CampId}/mentoring");
        await Assertions.Expect(aida.GetByTestId("gallery-link")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(aida.GetByText("nobody took it", new() { Exact = false })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Slots_that_have_ended_are_not_offered_to_the_team_and_the_mentor_sees_only_the_booked_ones_as_ended()
    {
        var camp = await NewCamp("Safe Roads");
        await using var laptop = await fixture.NewContext(1280, 800);
        await using var phone = await fixture.NewContext(375, 740);
        var mentor = await camp.Join(laptop, CampRole.Mentor, "Farrukh");
        var aida = await camp.Join(phone, CampRole.Participant, "Aida");
        await camp.SaveMentorProfile(mentor);
        var now = DateTimeOffset.UtcNow;
        string? booked = null;
        foreach (var (start, minutes) in new[] { (now.AddMinutes(20), 15), (now.AddMinutes(40), 15), (now.AddDays(1), 30) })
        {
            var published = await mentor.APIRequest.PostAsync($"/api/camps/{camp.CampId}/mentors/me/slots", new APIRequestContextOptions
            {
                DataObject = new { start, minutes, idempotencyKey = Guid.NewGuid().ToString("N") },
            });
            Assert.True(published.Ok, await published.TextAsync());
            booked ??= (await published.JsonAsync())!.Value.GetProperty("slots")[0].GetProperty("slotId").GetString();
        }
        var booking = await aida.APIRequest.PostAsync($"/api/camps/{camp.CampId}/teams/{camp.TeamId}/bookings", new APIRequestContextOptions
        {
            DataObject = new { mentorId = (await (await mentor.APIRequest.GetAsync("/api/me")).JsonAsync())!.Value.GetProperty("personId").GetString(), slotId = booked, idempotencyKey = Guid.NewGuid().ToString("N") },
        });
        Assert.True(booking.Ok, await booking.TextAsync());

        // An hour and ten minutes later on both devices: the booked slot and the free one after it have ended.
        await aida.Clock.SetFixedTimeAsync(now.AddMinutes(70).UtcDateTime);
        await mentor.Clock.SetFixedTimeAsync(now.AddMinutes(70).UtcDateTime);

        await Pages.OpenLive(aida, camp.TeamPage);
        var offered = aida.Locator(".slots li");
        await Assertions.Expect(offered).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Assertions.Expect(offered).ToContainTextAsync("30 min");
        await Assertions.Expect(aida.GetByTestId("book-slot")).ToHaveCountAsync(1);

        await Pages.OpenLive(mentor, $"/camps/{camp.CampId}/mentor");
        var mine = mentor.GetByTestId("my-slots").Locator("li");
        await Assertions.Expect(mine).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        await Assertions.Expect(mine.First).ToContainTextAsync("ended");
        await Assertions.Expect(mine.First).ToContainTextAsync("Safe Roads");
        await Assertions.Expect(mine.Nth(1)).ToContainTextAsync("free");
        await Assertions.Expect(mine.Nth(1)).Not.ToContainTextAsync("ended");
    }

    private Task<MentoringCamp> NewCamp(string team) => MentoringCamp.New(fixture, "TechBootCamp Dushanbe", team);

    /// <summary>A mentor (signed in through the API only) saves a profile and opens one 30-minute slot tomorrow.</summary>
    private static async Task<MentorCalendar> ProfileAndSlotTomorrow(ApiClient mentor, MentoringCamp camp)
    {
        (await mentor.Http.PutAsJsonAsync($"/api/camps/{camp.CampId}/mentors/me",
            new SaveMentorProfile(["ux"], ["ru"], "", "", 0, Guid.NewGuid().ToString("N")), ApiClient.Json)).EnsureSuccessStatusCode();
        return await mentor.Read<MentorCalendar>(await mentor.Post($"/api/camps/{camp.CampId}/mentors/me/slots",
            new PublishSlot(DateTimeOffset.UtcNow.AddDays(1), 30, Guid.NewGuid().ToString("N"))));
    }
}
