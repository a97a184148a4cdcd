using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Server.Live;
using SocialInnovation.Testing;

namespace SocialInnovation.Benchmarks;

/// <summary>
/// An organizer changes the phase over HTTP, one change at a time, while N participants watch over
/// SignalR. Measures the organizer's acknowledgement (includes the Azure Storage write) and the time
/// until each watcher has the event.
/// </summary>
public static class PhaseFanOut
{
    public static async Task Run(int watcherCount, int rounds)
    {
        await using var host = await PlatformHost.Start(PlatformHost.NewWorld());
        var organizer = host.Client();
        await organizer.SignInOrganizer();
        var camp = await organizer.CreateCamp("Benchmark camp");
        var invite = await organizer.Invite(camp.CampId, CampRole.Participant, maxUses: 1000);

        var received = new ConcurrentDictionary<(int Watcher, long Seq), long>();
        var connections = new List<HubConnection>();
        for (var w = 0; w < watcherCount; w++)
        {
            var participant = host.Client();
            await participant.Redeem(invite.Token!, $"Watcher {w}");
            var connection = participant.Hub();
            var id = w;
            connection.On<CampEvent[]>(nameof(ICampClient.CampEvents), batch =>
            {
                var now = Stopwatch.GetTimestamp();
                foreach (var e in batch) received.TryAdd((id, e.Seq), now);
            });
            await connection.StartAsync();
            await connection.InvokeAsync<HubReply<CampCatchUp>>(nameof(CampHub.WatchCamp), camp.CampId, (long?)null);
            connections.Add(connection);
        }

        var acks = new List<double>();
        var pushes = new List<double>();
        var phase = CampPhase.Draft;
        var warmUp = 5;
        for (var round = 0; round < rounds + warmUp; round++)
        {
            var next = phase == CampPhase.Draft ? CampPhase.Applications : CampPhase.Draft;
            var started = Stopwatch.GetTimestamp();
            var snapshot = await organizer.ChangePhase(camp.CampId, phase, next);
            var acked = Stopwatch.GetTimestamp();
            phase = next;
            await WaitForAll(received, watcherCount, snapshot.Seq);
            if (round < warmUp) continue;
            acks.Add(Stopwatch.GetElapsedTime(started, acked).TotalMilliseconds);
            for (var w = 0; w < watcherCount; w++)
                if (received.TryGetValue((w, snapshot.Seq), out var at)) pushes.Add(Stopwatch.GetElapsedTime(started, at).TotalMilliseconds);
        }

        Console.WriteLine($"Phase change with {watcherCount} watchers, {rounds} changes, one at a time (Azurite storage):");
        Console.WriteLine($"  organizer's acknowledgement (stored)    {Stats.Summary(acks)}");
        Console.WriteLine($"  request sent -> watcher has the event   {Stats.Summary(pushes)}");
        Console.WriteLine($"  delivered: {pushes.Count} of {rounds * watcherCount} pushes");
        foreach (var c in connections) await c.DisposeAsync();
    }

    private static async Task WaitForAll(ConcurrentDictionary<(int, long), long> received, int watchers, long seq)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 5;
        while (Enumerable.Range(0, watchers).Any(w => !received.ContainsKey((w, seq))) && Stopwatch.GetTimestamp() < deadline)
            await Task.Delay(1);
    }
}
