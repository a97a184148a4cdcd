using System.Net.Http.Json;
using System.Text;
using SocialInnovation.Applications;
using SocialInnovation.Camps;
using SocialInnovation.Polls;
using SocialInnovation.Selection;
using SocialInnovation.Server.Applications;
using SocialInnovation.Server.Selection;
using SocialInnovation.Server.Tests.Applications;
using SocialInnovation.Server.Tests.Camps;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Selection;

public sealed class ExportAndLinkTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private async Task<(ApiClient Organizer, Guid CampId)> CampWith(params ApplicationForm[] forms)
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        await organizer.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Applications);
        foreach (var form in forms) (await fixture.Host.Client().Apply(camp.CampId, form)).EnsureSuccessStatusCode();
        return (organizer, camp.CampId);
    }

    [Fact]
    public async Task The_CSV_export_is_UTF8_with_a_BOM_keeps_Cyrillic_and_quotes_what_needs_quoting()
    {
        var email = Applicants.NewEmail("dilnoza");
        var (organizer, campId) = await CampWith(Applicants.Form(email, "TJ", "ru", "Дилноза Рахимова") with { Organisation = "=Ёлка, \"НКО\"" });

        var response = await organizer.Http.GetAsync($"/api/camps/{campId}/applications/export");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(string.Join(",", ApplicationsExport.Header), lines[0]);
        Assert.StartsWith($"Дилноза Рахимова,{email},TJ,Almaty,\"'=Ёлка, \"\"НКО\"\"\",Designer,design; research,", lines[1]);
        Assert.Contains(",Submitted,", lines[1]);
    }

    [Fact]
    public async Task Resending_the_private_link_mails_a_new_one_once_and_the_old_link_stops_working()
    {
        var email = Applicants.NewEmail("timur");
        var (organizer, campId) = await CampWith(Applicants.Form(email));
        var oldToken = await Applicants.TokenFromMail(email);
        var applicationId = (await organizer.Get<List<SelectionEntry>>($"/api/camps/{campId}/applications")).Single().Application.ApplicationId;

        var resent = await organizer.Post($"/api/camps/{campId}/applications/{applicationId}/link", new ResendLink("resend-1"));
        (await organizer.Post($"/api/camps/{campId}/applications/{applicationId}/link", new ResendLink("resend-1"))).EnsureSuccessStatusCode();
        var newToken = await Applicants.TokenFromMail(email, mails: 2);

        Assert.Equal(email, (await organizer.Read<ApplicationReceived>(resent)).Email);
        Assert.True((await fixture.Host.Client().Post("/api/applications/mine", new OpenApplication(newToken))).IsSuccessStatusCode);
        Assert.False((await fixture.Host.Client().Post("/api/applications/mine", new OpenApplication(oldToken))).IsSuccessStatusCode);
        Assert.Equal(2, (await Maildev.Shared.To(email)).Count);
    }

    [Fact]
    public async Task Intake_field_errors_come_in_Russian_for_a_Russian_caller()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/camps/{camp.CampId}/polls")
        {
            Content = JsonContent.Create(new OpenPoll("Проблемы", ["Бедность", "бедность"], 3, "ru-poll"), options: ApiClient.Json),
        };
        request.Headers.AcceptLanguage.ParseAdd("ru-RU,ru;q=0.9");

        var problem = await (await organizer.Http.SendAsync(request)).Content.ReadFromJsonAsync<Problem>(ApiClient.Json);

        Assert.Contains("Каждый вариант можно назвать только один раз.", problem!.Errors!.Values.SelectMany(e => e));
    }
}
