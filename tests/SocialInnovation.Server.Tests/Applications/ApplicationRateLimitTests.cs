using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialInnovation.Camps;
using SocialInnovation.Selection;
using SocialInnovation.Server.Tests.Camps;
using SocialInnovation.Server.Tests.Hosting;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Applications;

/// <summary>The public form under a flood from one address: a 429 problem that says when to come back, and nothing stored.</summary>
[Collection(TightHostCollection.Name)]
public sealed class ApplicationRateLimitTests(TightHost tight)
{
    [Fact]
    public async Task A_flood_of_applications_from_one_address_is_answered_with_a_rate_limit_problem_and_changes_nothing()
    {
        var (organizer, _) = tight.ClientAtNewAddress();
        await organizer.SignInOrganizer();
        var camp = await organizer.CreateCamp("Flooded camp");
        await organizer.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Applications);
        var (flooder, _) = tight.ClientAtNewAddress();

        // Forms without consent are refused as invalid (400) until the address's limit is reached.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25 && statuses.LastOrDefault() != HttpStatusCode.TooManyRequests; i++)
            statuses.Add((await flooder.Apply(camp.CampId, Applicants.Form(Applicants.NewEmail()) with { Consent = false })).StatusCode);
        var valid = await flooder.Apply(camp.CampId, Applicants.Form(Applicants.NewEmail("valid")));
        var fromElsewhere = await tight.ClientAtNewAddress().Client.Apply(camp.CampId, Applicants.Form(Applicants.NewEmail("elsewhere")));

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.All(statuses[..^1], s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, valid.StatusCode);
        Assert.Equal("application/problem+json", valid.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rate.limited", (await valid.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
        Assert.NotNull(valid.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, fromElsewhere.StatusCode);
        var listed = await organizer.Get<List<SelectionEntry>>($"/api/camps/{camp.CampId}/applications");
        Assert.Equal(["Aida Nurlanovna"], listed.Select(e => e.Application.Name));
    }

    [Fact]
    public async Task A_flood_spread_over_many_addresses_is_stopped_per_camp_and_other_camps_still_take_applications()
    {
        // The camps are made through the grains: the organizer's own write limit is shared with other tests on this node.
        var flooded = await OpenCamp("Camp flooded from everywhere");
        var other = await OpenCamp("Quiet camp");

        // Bots fill the hidden field (refused, nothing stored), two from each address: no address reaches its own limit.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < TightHost.CampFormPermits && statuses.LastOrDefault() != HttpStatusCode.TooManyRequests; i += 2)
        {
            var bot = tight.ClientAtNewAddress().Client;
            foreach (var _ in new[] { 1, 2 })
                statuses.Add((await bot.Post($"/api/camps/{flooded.CampId}/applications",
                    new SocialInnovation.Applications.SubmitApplication(Applicants.Form(Applicants.NewEmail()), Guid.NewGuid().ToString("N"), "http://spam.example"))).StatusCode);
        }
        var person = await tight.ClientAtNewAddress().Client.Apply(flooded.CampId, Applicants.Form(Applicants.NewEmail("person")));
        var elsewhere = await tight.ClientAtNewAddress().Client.Apply(other.CampId, Applicants.Form(Applicants.NewEmail("elsewhere")));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, person.StatusCode);
        Assert.Equal("rate.limited", (await person.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
        Assert.NotNull(person.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.Empty(await Grains.GetGrain<ISelectionGrain>(flooded.CampId).List(new SelectionFilter()));
    }

    private IGrainFactory Grains => tight.Host.Services.GetRequiredService<IGrainFactory>();

    private async Task<CampSnapshot> OpenCamp(string name)
    {
        var details = new CampDetails(name, "Almaty", new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 5), 30, ["KZ", "KG"], ["en", "ru"], ["Poverty"]);
        var camp = (await Server.Camps.CampCreation.Create(Grains, new CreateCamp(details, Guid.NewGuid().ToString("N")), Guid.NewGuid(), "Organizer")).Value!;
        await Grains.GetGrain<ICampGrain>(camp.CampId).ChangePhase(new ChangePhase(CampPhase.Draft, CampPhase.Applications, Guid.NewGuid().ToString("N")), "Organizer");
        return camp;
    }
}
