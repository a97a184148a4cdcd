using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Session;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Session;

/// <summary>Signing out ends the session on the server: a cookie copied before is worth nothing after.</summary>
public sealed class SessionTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_refused_after_it()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var phone = await fixture.Member(organizer, camp.CampId, CampRole.Participant, "Zarina");
        var copied = CopyOf(phone);
        Assert.Equal(HttpStatusCode.OK, (await copied.Http.GetAsync("/api/me")).StatusCode);

        (await phone.Post("/api/session/signout", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await copied.Http.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copied.Http.GetAsync($"/api/camps/{camp.CampId}")).StatusCode);
        // The copy's ticket was remembered when it was read before the sign-out (RememberedTickets): the session still ends.
        var cookies = fixture.Host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        Assert.IsType<RememberedTickets>(cookies.TicketDataFormat);
    }

    [Fact]
    public async Task Asking_who_is_signed_in_answers_nobody_to_a_visitor_and_the_person_to_a_member_without_an_error()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var phone = await fixture.Member(organizer, camp.CampId, CampRole.Participant, "Zarina");

        Assert.Null((await fixture.Host.Client().Get<SessionView>("/api/session")).Me);
        Assert.Equal("Zarina", (await phone.Get<SessionView>("/api/session")).Me!.Name);
        (await phone.Post("/api/session/signout", null)).EnsureSuccessStatusCode();
        Assert.Null((await phone.Get<SessionView>("/api/session")).Me);
    }

    [Fact]
    public async Task Signing_out_on_one_device_keeps_the_others_signed_in()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var invite = await organizer.Invite(camp.CampId, CampRole.Mentor);
        var phone = fixture.Host.Client();
        await phone.Redeem(invite.Token!, "Farrukh", "same-person");
        var laptop = fixture.Host.Client();
        await laptop.Redeem(invite.Token!, "Farrukh", "same-person"); // the retry path signs the same person in again

        (await phone.Post("/api/session/signout", null)).EnsureSuccessStatusCode();

        Assert.Equal("Farrukh", (await laptop.Get<MeView>("/api/me")).Name);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_that_person()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var invite = await organizer.Invite(camp.CampId, CampRole.Judge);
        var laptop = fixture.Host.Client();
        await laptop.Redeem(invite.Token!, "Timur", "judge-timur");
        var phoneLeftBehind = fixture.Host.Client();
        await phoneLeftBehind.Redeem(invite.Token!, "Timur", "judge-timur");
        await using var live = phoneLeftBehind.Hub();
        await live.StartAsync();

        (await laptop.Post("/api/session/signout-everywhere", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await phoneLeftBehind.Http.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.Http.GetAsync("/api/me")).StatusCode);
        var watch = await live.InvokeAsync<System.Text.Json.JsonElement>("Watch", $"camp:{camp.CampId:N}", (object?)null);
        Assert.Equal("access.signed-out", watch.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(1, (await organizer.Get<SocialInnovation.Camps.CampSnapshot>($"/api/camps/{camp.CampId}")).Members.Judges);
    }

    /// <summary>Another browser holding the same cookies, as if copied off the device.</summary>
    private ApiClient CopyOf(ApiClient client)
    {
        var jar = new CookieContainer();
        foreach (Cookie cookie in client.Cookies.GetAllCookies()) jar.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        return new ApiClient(fixture.Host.Address, jar);
    }
}
