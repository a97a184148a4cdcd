using Microsoft.Playwright;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Server.Demo;
using SocialInnovation.Testing;

namespace SocialInnovation.Browser.Tests.Mentors;

/// <summary>
/// The live parts of mentoring and artifacts, with two browser profiles side by side: a PDF deck's first
/// page drawn in the gallery. English and Russian, 375 px phones, keyboard, axe on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveMentoringTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };
    private static readonly LocatorAssertionsToContainTextOptions PatientlyText = new() { Timeout = 20_000 };
    private static readonly LocatorAssertionsToHaveAttributeOptions PatientlyAttribute = new() { Timeout = 20_000 };

    private sealed record Camp(Guid CampId, Guid TeamId, ApiClient Organizer)
    {
        public string TeamPage => $"/camps/{CampId}/teams/{TeamId}/mentoring";
        public string Gallery => $"/camps/{CampId}/gallery";
    }

    [Fact]
    public async Task A_PDF_deck_shows_its_first_page_in_the_gallery_on_a_Russian_phone_with_its_alt_text()
    {
        var camp = await NewCamp("Чистый воздух");
        await using var phone = await fixture.NewContext(375, 740);
        await InRussian(phone);
        var aida = await Join(phone, camp, CampRole.Participant, "Аида");
        await Upload(aida, camp, "Pitch.pdf", DemoFiles.PitchDeck("Clean Air", "PM2.5 sensors", "Alerts for parents"));
        await camp.Organizer.Post($"/api/camps/{camp.CampId}/gallery/publish", new { published = true });

        await aida.GotoAsync(camp.Gallery);
        var preview = aida.GetByTestId("deck-preview-Чистый воздух");
        await Assertions.Expect(preview).ToHaveAttributeAsync("data-state", "drawn", PatientlyAttribute);
        await Assertions.Expect(aida.GetByRole(AriaRole.Img, new() { Name = "Первая страница презентации команды Чистый воздух: Pitch.pdf" })).ToBeVisibleAsync(Patiently);
        // The file itself is still one keyboard step away.
        await Assertions.Expect(aida.GetByRole(AriaRole.Button, new() { Name = "Открыть презентацию: Pitch.pdf" })).ToBeVisibleAsync(Patiently);
        await Accessibility.Check(aida, "the gallery with a deck preview in Russian on a phone");
        await Accessibility.FitsWidth(aida, "The gallery with a deck preview on a 375px phone");
    }

    private async Task<Camp> NewCamp(string team)
    {
        var api = fixture.Host.Client();
        await api.SignInOrganizer();
        var camp = await api.CreateCamp("TechBootCamp Khujand");
        var teams = (await api.Read<CampSnapshot>(await api.Post($"/api/camps/{camp.CampId}/teams", new AddTeam(team, "Environment", Guid.NewGuid().ToString("N"))))).Teams;
        return new Camp(camp.CampId, teams.Single().TeamId, api);
    }

    private static Task InRussian(IBrowserContext context) => context.AddInitScriptAsync("localStorage.setItem('lang', 'ru')");

    /// <summary>Joins by invite in the browser; a participant also joins the team, with the page's own cookies.</summary>
    private static async Task<IPage> Join(IBrowserContext context, Camp camp, CampRole role, string name)
    {
        var invite = await camp.Organizer.Invite(camp.CampId, role);
        var page = await context.NewPageAsync();
        await page.GotoAsync(invite.Link!);
        await page.GetByTestId("join-name").FillAsync(name);
        await page.GetByTestId("join-submit").ClickAsync();
        await page.WaitForURLAsync($"**/camps/{camp.CampId}");
        if (role == CampRole.Participant)
        {
            var joined = await page.APIRequest.PostAsync($"/api/camps/{camp.CampId}/teams/{camp.TeamId}/join",
                new APIRequestContextOptions { DataObject = new { idempotencyKey = Guid.NewGuid().ToString("N") } });
            Assert.True(joined.Ok, await joined.TextAsync());
        }
        return page;
    }

    /// <summary>Uploads a small deck (one block) through the API with the member's own cookies.</summary>
    private static async Task Upload(IPage member, Camp camp, string fileName, byte[] bytes)
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

    private static async Task Open(IPage page, string path)
    {
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByTestId("live-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 20_000 });
    }
}
