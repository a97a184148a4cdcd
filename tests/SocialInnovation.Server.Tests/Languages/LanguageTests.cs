using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.People;
using SocialInnovation.Server.Languages;
using SocialInnovation.Server.Session;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Languages;

public sealed class LanguageTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_persons_language_is_kept_on_the_person_so_their_other_devices_show_it_too()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var judge = await fixture.Member(organizer, camp.CampId, CampRole.Judge, "Aigerim");
        Assert.Null((await judge.Get<MeView>("/api/me")).Language);

        var chosen = await judge.Http.PutAsJsonAsync("/api/me/language", new ChooseLanguage("ru"), ApiClient.Json);
        Assert.Equal(HttpStatusCode.NoContent, chosen.StatusCode);

        using var tablet = fixture.Host.Client(sharingCookiesWith: judge);
        Assert.Equal("ru", (await tablet.Get<MeView>("/api/me")).Language);
    }

    [Fact]
    public async Task A_language_the_app_is_not_written_in_is_refused_field_by_field()
    {
        var (organizer, _) = await fixture.OrganizerWithCamp();

        var response = await organizer.Http.PutAsJsonAsync("/api/me/language", new ChooseLanguage("xx"), ApiClient.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Language", (await Errors(response)).Keys);
        Assert.Null((await organizer.Get<MeView>("/api/me")).Language);
    }

    [Fact]
    public async Task Field_errors_come_in_the_callers_language_both_the_projects_texts_and_FluentValidations()
    {
        var (organizer, _) = await fixture.OrganizerWithCamp();
        var bad = new CreateCamp(new CampDetails("Camp", "Almaty", new DateOnly(2027, 3, 5), new DateOnly(2027, 3, 1), 0,
            ["KZ"], ["ru"], []), "lang-test");

        var russian = await Errors(await Send(organizer, bad, "ru-RU,ru;q=0.9,en;q=0.8"));
        var english = await Errors(await Send(organizer, bad, null));

        Assert.Equal(Texts.CampEndsBeforeStart.Ru, Assert.Single(russian["Details.EndsOn"]));
        Assert.Equal(Texts.CampEndsBeforeStart.En, Assert.Single(english["Details.EndsOn"]));
        // FluentValidation's own message for the capacity, in Russian and English.
        Assert.Matches("[а-яА-Я]", Assert.Single(russian["Details.Capacity"]));
        Assert.DoesNotMatch("[а-яА-Я]", Assert.Single(english["Details.Capacity"]));
    }

    [Fact]
    public void Every_project_text_has_both_languages()
    {
        var blank = Texts.All().Where(t => string.IsNullOrWhiteSpace(t.Text.En) || string.IsNullOrWhiteSpace(t.Text.Ru)).Select(t => t.Name);
        Assert.Empty(blank);
        Assert.All(Texts.All(), t => Assert.Matches("[а-яА-Я]", t.Text.Ru));
    }

    private static async Task<HttpResponseMessage> Send(ApiClient client, object body, string? acceptLanguage)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/camps") { Content = JsonContent.Create(body, options: ApiClient.Json) };
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        return await client.Http.SendAsync(request);
    }

    private static async Task<Dictionary<string, string[]>> Errors(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
