using System.Net.Http.Json;
using System.Text.Json;

namespace SocialInnovation.Benchmarks.Swarm;

/// <summary>The bare or naive hub (Hubs/): no people, streams are just names.</summary>
public sealed class HubTarget(string name, Uri address) : Target(name, address)
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    public override Task<(IReadOnlyList<PreparedStream>, double?)> Prepare(int streams, int watchersPerStream)
    {
        IReadOnlyList<PreparedStream> prepared = Enumerable.Range(0, streams)
            .Select(_ => new PreparedStream($"camp:{Guid.NewGuid():N}", new string?[watchersPerStream], null))
            .ToList();
        return Task.FromResult((prepared, (double?)null));
    }

    public override async Task<long> Change(PreparedStream stream)
    {
        var response = await _http.PostAsJsonAsync($"/streams/{stream.Name}/changes", Payloads.PhaseChanged(stream.Name));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seq").GetInt64();
    }
}

/// <summary>A payload the size and shape of the product's phase-change event, with the time it was made.</summary>
public static class Payloads
{
    public static object PhaseChanged(string stream) => new
    {
        campId = stream.Split(':')[1],
        at = DateTimeOffset.UtcNow,
        kind = "PhaseChanged",
        phase = "Applications",
        allowedPhases = new[] { "Draft", "Selection", "Archived" },
        members = new { organizers = 1, participants = 20, mentors = 0, judges = 0 },
        phaseChange = new { from = "Draft", to = "Applications", byName = "Benchmark organizer", at = DateTimeOffset.UtcNow },
    };
}
