using Microsoft.Playwright;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Server.Demo;
using SocialInnovation.Testing;

namespace SocialInnovation.Browser.Tests.Mentors;

/// <summary>
/// The live parts of mentoring and artifacts, with two browser profiles side by side: a booking made on
/// one phone shows at once on a teammate's phone and the mentor's laptop (and a cancellation back); a deck
/// uploaded on a phone appears in the open gallery with its first page drawn, and in the team's history.
/// English and Russian, 375 px phones, keyboard, axe on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveMentoringTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };
    private static readonly LocatorAssertionsToContainTextOptions PatientlyText = new() { Timeout = 20_000 };
    private static readonly LocatorAssertionsToHaveAttributeOptions PatientlyAttribute = new() { Timeout = 20_000 };


    [Fact]
    public async Task A_PDF_deck_shows_its_first_page_in_the_gallery_on_a_Russian_phone_with_its_alt_text_and_a_damaged_one_falls_back_to_its_button()
    {
        var camp = await NewCamp("Чистый воздух");
        await using var phone = await fixture.NewContext(375, 740);
        await Pages.InRussian(phone);
        var aida = await camp.Join(phone, CampRole.Participant, "Аида");
        // Starts like a PDF (so the upload's checks take it) but pdf.js cannot read it.
        await Upload(aida, camp, "Broken.pdf", "%PDF-1.7\nnot really a PDF\n"u8.ToArray());
        await camp.Organizer.Post($"/api/camps/{camp.CampId}/gallery/publish", new { published = true });

        await Pages.OpenLive(aida, camp.Gallery);
        var preview = aida.GetByTestId("deck-preview-Чистый воздух");
        await Assertions.Expect(preview).ToHaveAttributeAsync("data-state", "failed", PatientlyAttribute);
        await Assertions.Expect(preview).ToContainTextAsync("Первую страницу здесь показать не удалось", PatientlyText);
        await Assertions.Expect(aida.GetByRole(AriaRole.Button, new() { Name = "Открыть презентацию: Broken.pdf" })).ToBeVisibleAsync(Patiently);
        await Accessibility.Check(aida, "the gallery with a deck that cannot be drawn, in Russian on a phone");

        // A new version arrives in the open gallery and is drawn.
        await Upload(aida, camp, "Pitch.pdf", DemoFiles.PitchDeck("Clean Air", "PM2.5 sensors", "Alerts for parents"));
        await Assertions.Expect(preview).ToHaveAttributeAsync("data-state", "drawn", PatientlyAttribute);
        await Assertions.Expect(aida.GetByRole(AriaRole.Img, new() { Name = "Первая страница презентации команды Чистый воздух: Pitch.pdf" })).ToBeVisibleAsync(Patiently);
        // The file itself is still one keyboard step away.
        await Assertions.Expect(aida.GetByRole(AriaRole.Button, new() { Name = "Открыть презентацию: Pitch.pdf" })).ToBeVisibleAsync(Patiently);
        await Accessibility.Check(aida, "the gallery with a deck preview in Russian on a phone");
        await Accessibility.FitsWidth(aida, "The gallery with a deck preview on a 375px phone");
    }

    [Fact]
    public async Task A_booking_on_one_phone_shows_at_once_on_a_teammates_Russian_phone_and_the_mentors_laptop_with_its_starts_soon_notice_and_so_does_the_cancellation()
    {
        var camp = await NewCamp("Safe Roads");
        await using var laptop = await fixture.NewContext(1280, 800);
        await using var phone = await fixture.NewContext(375, 740);
        await using var russianPhone = await fixture.NewContext(375, 740);
        await Pages.InRussian(russianPhone);
        var mentor = await camp.Join(laptop, CampRole.Mentor, "Dilnoza");
        var aida = await camp.Join(phone, CampRole.Participant, "Aida");
        var bek = await camp.Join(russianPhone, CampRole.Participant, "Бек");
        // Within ten minutes: the booking brings the "starts in N minutes" notice to both sides at once.
        await MentorWithSlot(mentor, camp, DateTimeOffset.UtcNow.AddMinutes(6));

        await Pages.OpenLive(mentor, $"/camps/{camp.CampId}/mentor");
        await Pages.OpenLive(aida, camp.TeamPage);
        await Pages.OpenLive(bek, camp.TeamPage);
        await aida.GetByTestId("book-slot").ClickAsync();

        await Assertions.Expect(bek.GetByText("забронирован вашей командой")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(mentor.GetByRole(AriaRole.Link, new() { Name = "Safe Roads" })).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(bek.GetByTestId("starts-soon")).ToContainTextAsync("Dilnoza", PatientlyText);
        await Assertions.Expect(mentor.GetByTestId("starts-soon")).ToContainTextAsync("Safe Roads", PatientlyText);
        await Accessibility.Check(bek, "the team's office hours in Russian on a phone");

        // Bek cancels with the keyboard; Aida's phone and the mentor's laptop see the slot free again.
        await bek.GetByRole(AriaRole.Button, new() { Name = "Отменить бронь" }).FocusAsync();
        await bek.Keyboard.PressAsync("Enter");
        await Assertions.Expect(aida.GetByTestId("book-slot")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(mentor.GetByRole(AriaRole.Link, new() { Name = "Safe Roads" })).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Assertions.Expect(aida.GetByTestId("starts-soon").Locator("p")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Assertions.Expect(mentor.GetByTestId("starts-soon").Locator("p")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Accessibility.Check(aida, "the team's office hours on a phone");
        await Accessibility.FitsWidth(bek, "The team's office hours on a 375px phone in Russian");
    }

    [Fact]
    public async Task A_deck_uploaded_on_a_phone_appears_in_the_open_gallery_with_its_first_page_and_in_the_history_without_a_reload()
    {
        var camp = await NewCamp("Clean Air");
        await using var laptop = await fixture.NewContext(1280, 800);
        await using var phone = await fixture.NewContext(375, 740);
        var organizer = await camp.Join(laptop, CampRole.Organizer, "Olga");
        var history = await laptop.NewPageAsync();
        var aida = await camp.Join(phone, CampRole.Participant, "Aida");

        await Pages.OpenLive(organizer, camp.Gallery);
        await Assertions.Expect(organizer.GetByText("No deck yet.")).ToBeVisibleAsync(Patiently);
        await Pages.OpenLive(history, camp.TeamPage);
        await Assertions.Expect(history.GetByText("No files uploaded yet.")).ToBeVisibleAsync(Patiently);
        await Pages.OpenLive(aida, camp.TeamPage);
        await aida.GetByTestId("artifact-file").SetInputFilesAsync(new FilePayload
        {
            Name = "Clean Air pitch.pdf", MimeType = "application/pdf",
            Buffer = DemoFiles.PitchDeck("Clean Air", "PM2.5 sensors on school roofs", "Alerts for parents"),
        });
        await aida.GetByTestId("upload").ClickAsync();
        await Assertions.Expect(aida.GetByText("Uploaded: Clean Air pitch.pdf")).ToBeVisibleAsync(Patiently);

        await Assertions.Expect(organizer.GetByTestId("deck-preview-Clean Air")).ToHaveAttributeAsync("data-state", "drawn", PatientlyAttribute);
        await Assertions.Expect(organizer.GetByRole(AriaRole.Img, new() { Name = "First page of the deck of Clean Air: Clean Air pitch.pdf" })).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(history.GetByTestId("artifact-history")).ToContainTextAsync("Clean Air pitch.pdf", PatientlyText);
        await Assertions.Expect(history.GetByTestId("artifact-history")).ToContainTextAsync("Aida", PatientlyText);
        await Accessibility.Check(organizer, "the gallery with a deck that arrived live");
        await Accessibility.Check(history, "the team's files seen by the organizer");
    }

    /// <summary>The mentor's profile and one office-hour slot, through the API with the mentor's cookies.</summary>
    private static async Task MentorWithSlot(IPage mentor, MentoringCamp camp, DateTimeOffset start)
    {
        await camp.SaveMentorProfile(mentor);
        var slot = await mentor.APIRequest.PostAsync($"/api/camps/{camp.CampId}/mentors/me/slots", new APIRequestContextOptions
        {
            DataObject = new { start, minutes = 30, idempotencyKey = Guid.NewGuid().ToString("N") },
        });
        Assert.True(slot.Ok, await slot.TextAsync());
    }

    /// <summary>Uploads a small deck (one block) through the API with the member's own cookies.</summary>
    private static async Task Upload(IPage member, MentoringCamp camp, string fileName, byte[] bytes)
    {
        var uploads = $"/api/camps/{camp.CampId}/teams/{camp.TeamId}/artifacts/uploads";
        var begun = await member.APIRequest.PostAsync(uploads, new APIRequestContextOptions
        {
            DataObject = new { kind = "Deck", fileName, size = bytes.Length, idempotencyKey = Guid.NewGuid().ToString("N") },
        });
        Assert.True(begun.Ok, await begun.TextAsync());
        var uploadId = (await begun.JsonAsync())!.Value.GetProperty("uploadId").GetString();
        var block = await member.APIRequest.PutAsync($"{uploads}/{uploadId}/blocks/0", new APIRequestContextOptions { DataByte = bytes });
        Assert.True(block.Ok, await block.TextAsync());
        var done = await member.APIRequest.PostAsync($"{uploads}/{uploadId}/complete", new APIRequestContextOptions
        {
            DataObject = new { blocks = 1, idempotencyKey = Guid.NewGuid().ToString("N") },
        });
        Assert.True(done.Ok, await done.TextAsync());
    }

    private Task<MentoringCamp> NewCamp(string team) => MentoringCamp.New(fixture, "TechBootCamp Khujand", team);
}
