using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using SocialInnovation.Audience;
using SocialInnovation.Camps;
using SocialInnovation.Testing;

namespace SocialInnovation.Benchmarks.Swarm;

/// <summary>The bare or naive hub's in-memory count (Hubs/VoteCounter.cs): a poll is just a name.</summary>
public sealed class HubBallot(string name, Uri address) : Ballot(name)
{
    private readonly HttpClient _http = Voters(address);

    public override Task<OpenedPoll> Open(int options)
    {
        var poll = Guid.NewGuid().ToString("N");
        return Task.FromResult(new OpenedPoll($"poll:{poll}",
            () => new HubConnectionBuilder().WithUrl(new Uri(address, "/hubs/camp"), o => { o.SkipNegotiation = true; o.Transports = HttpTransportType.WebSockets; }).Build(),
            async (voter, choice) =>
            {
                using var response = await _http.PostAsJsonAsync($"/polls/{poll}/votes", new { voter = $"v{voter}", choice = $"o{choice + 1}" });
                return response.IsSuccessStatusCode;
            },
            async () => ReadTally(await _http.GetFromJsonAsync<JsonElement>($"/polls/{poll}"), options)));
    }

    /// <summary>One client for all voters, enough connections that the swarm is not what queues them.</summary>
    public static HttpClient Voters(Uri address) =>
        new(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 512 }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
}

/// <summary>
/// The product: the organizer opens a people's-choice poll over five teams (no invite needed); each voter
/// is a phone with its own device token posting to <c>/api/audience/{code}/votes</c>, the wire shape in the
/// README; the big screen is the organizer's, watching <c>poll:&lt;camp&gt;:&lt;poll&gt;</c>.
/// </summary>
public sealed class ProductBallot(Uri address) : Ballot("product")
{
    private readonly HttpClient _http = HubBallot.Voters(address);

    public override async Task<OpenedPoll> Open(int options)
    {
        var organizer = new ApiClient(address);
        await organizer.SignInOrganizer();
        var camp = await organizer.CreateCamp("Benchmark people's choice");
        for (var i = 0; i < options; i++)
            camp = await organizer.Read<CampSnapshot>(await organizer.Post($"/api/camps/{camp.CampId}/teams", new AddTeam($"Team {i + 1}", "Environment", Key())));
        var opened = await organizer.Read<AudiencePollView>(await organizer.Post($"/api/camps/{camp.CampId}/audience/polls",
            new OpenAudiencePoll("People's choice", AudiencePollKind.PeoplesChoice, null, 1, HideUntilReveal: false, RequireInvite: false, Key())));
        var code = opened.Audience!.Code;
        // Voter n's device token: fixed per voter, so a retry would be the same voter.
        var run = Guid.NewGuid().ToString("N")[..8];
        return new OpenedPoll($"poll:{camp.CampId:N}:{opened.Tally.PollId:N}",
            () => organizer.Hub(),
            async (voter, choice) =>
            {
                using var response = await _http.PostAsJsonAsync($"/api/audience/{code}/votes",
                    new CastAudienceVote($"bench{run}voter{voter:D6}", [$"o{choice + 1}"], Key()), ApiClient.Json);
                return response.IsSuccessStatusCode;
            },
            async () => ReadTally((await _http.GetFromJsonAsync<JsonElement>($"/api/audience/{code}")).GetProperty("tally"), options));
    }

    private static string Key() => Guid.NewGuid().ToString("N");
}
