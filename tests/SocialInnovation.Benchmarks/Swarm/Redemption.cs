using System.Net.Http.Json;
using SocialInnovation.Invites;
using SocialInnovation.Testing;

namespace SocialInnovation.Benchmarks.Swarm;

/// <summary>A person joining by invite through a client without a cookie jar, as the swarm's people do.</summary>
public static class Redemption
{
    /// <summary>Redeems the invite and returns the new person's sign-in cookie (null if the answer set none).</summary>
    public static async Task<string?> Redeem(HttpClient anonymous, string token, string name)
    {
        using var response = await anonymous.PostAsJsonAsync("/api/invites/redeem", new RedeemInvite(token, name, Guid.NewGuid().ToString("N")), ApiClient.Json);
        response.EnsureSuccessStatusCode();
        return response.Headers.TryGetValues("Set-Cookie", out var values) ? string.Join("; ", values.Select(v => v.Split(';')[0])) : null;
    }
}
