using System.Net;
using System.Net.Http.Json;
using SocialInnovation.Invites;
using SocialInnovation.People;
using SocialInnovation.Server.Tests.Camps;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Hosting;

/// <summary>One client calling too fast is slowed down with a 429 that says when to come back.</summary>
[Collection(TightHostCollection.Name)]
public sealed class RateLimitTests(TightHost tight)
{
    [Fact]
    public async Task Invite_previews_past_the_limit_from_one_address_are_answered_429_with_retry_after()
    {
        var (client, address) = tight.ClientAtNewAddress();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i <= TightHost.InvitePermits; i++)
        {
            last = await client.Post("/api/invites/preview", new PreviewInvite(new string('A', 43)));
            statuses.Add(last.StatusCode);
        }
        var otherAddress = await tight.ClientAtNewAddress().Client.Post("/api/invites/preview", new PreviewInvite(new string('A', 43)));
        var sameWifi = await tight.At(address).Post("/api/invites/redeem", new RedeemInvite(new string('A', 43), "Madina", "k-1"));

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.NotFound, TightHost.InvitePermits), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.Equal("rate.limited", (await last.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
        Assert.True(last.Headers.RetryAfter?.Delta?.TotalSeconds >= 1, $"Retry-After: {last.Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.NotFound, otherAddress.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, sameWifi.StatusCode);
    }

    [Fact]
    public async Task Writes_are_limited_per_signed_in_person_not_per_shared_address()
    {
        var (organizer, address) = tight.ClientAtNewAddress();
        await organizer.SignInOrganizer();
        var camp = await organizer.CreateCamp("Rate-limited camp");
        var colleague = tight.At(address);
        await colleague.Redeem((await organizer.Invite(camp.CampId, CampRole.Organizer)).Token!, "Second organizer");

        HttpResponseMessage response = null!;
        for (var i = 0; i < TightHost.WritePermits + 1 && response?.StatusCode != HttpStatusCode.TooManyRequests; i++)
            response = await organizer.Post($"/api/camps/{camp.CampId}/teams", new { name = $"Team {i}", theme = "Poverty", idempotencyKey = $"t{i}" });
        var colleagueWrite = await colleague.Post($"/api/camps/{camp.CampId}/teams", new { name = "Colleague team", theme = "Poverty", idempotencyKey = "c1" });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, colleagueWrite.StatusCode);
    }

    [Fact]
    public async Task Wrong_organizer_keys_make_the_address_wait_even_for_the_right_key()
    {
        var (client, _) = tight.ClientAtNewAddress();
        var wrong = new List<HttpStatusCode>();
        for (var i = 0; i < TightHost.SignInFailures; i++)
            wrong.Add((await client.Post("/api/session/organizer", new { key = $"guess-{i}" })).StatusCode);

        var right = await client.Post("/api/session/organizer", new { key = PlatformHost.OrganizerKey });
        var elsewhere = await tight.ClientAtNewAddress().Client.Post("/api/session/organizer", new { key = PlatformHost.OrganizerKey });

        Assert.All(wrong, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter?.Delta?.TotalSeconds >= 1);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }
}
