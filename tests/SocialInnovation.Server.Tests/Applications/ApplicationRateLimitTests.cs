using System.Net;
using System.Net.Http.Json;
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
}
