using Microsoft.AspNetCore.SignalR.Client;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Server.Live;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Live;

/// <summary>One bad client cannot hurt the others: per-connection limits, with low limits on this node.</summary>
public sealed partial class LimitTests(LimitTests.LowLimits fixture) : IClassFixture<LimitTests.LowLimits>
{
    [Fact]
    public async Task Watching_more_streams_than_allowed_is_refused_until_one_is_unwatched()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        await using var live = await LiveEvents.Connect(organizer);
        var streams = Enumerable.Range(0, LowLimits.Streams + 1).Select(i => $"{TeamNotesStream.Kind}:{camp.CampId:N}:team-{i}").ToList();

        var allowed = new List<bool>();
        foreach (var stream in streams.Take(LowLimits.Streams)) allowed.Add((await live.Watch(stream)).Ok);
        var over = await live.Watch(streams[^1]);
        var again = await live.Watch(streams[0]);
        await live.Connection.InvokeAsync<HubReply<bool>>(nameof(CampHub.Unwatch), streams[0]);
        var afterUnwatch = await live.Watch(streams[^1]);

        Assert.All(allowed, Assert.True);
        Assert.Equal(("live.too-many-streams", false), (over.Error?.Code, over.Error?.Retryable));
        Assert.True(again.Ok, "watching a stream again is not a new one");
        Assert.True(afterUnwatch.Ok);
    }

    [Fact]
    public async Task A_flooding_connection_is_refused_then_closed_while_an_honest_watcher_keeps_getting_events()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var honest = await fixture.Member(organizer, camp.CampId, CampRole.Participant, "Honest");
        var flooder = await fixture.Member(organizer, camp.CampId, CampRole.Participant, "Flooder");
        await using var watcher = await LiveEvents.Connect(honest);
        Assert.True((await watcher.Watch(camp.CampId)).Ok);
        await using var flood = await LiveEvents.Connect(flooder);
        var closed = new TaskCompletionSource();
        flood.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        var codes = new List<string?>();
        for (var i = 0; i < LowLimits.Refusals * 3 && flood.Connection.State == HubConnectionState.Connected; i++)
        {
            try
            {
                codes.Add((await flood.Watch(camp.CampId)).Error?.Code);
            }
            catch (Exception)
            {
                break; // closed by the server mid-call
            }
        }
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await organizer.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Applications);
        var pushed = await watcher.Next(CampEventKind.PhaseChanged);

        Assert.Contains("live.rate", codes);
        Assert.Equal(CampPhase.Applications, pushed.Read<CampEvent>().Phase);
    }

    [Fact]
    public async Task One_person_may_hold_only_so_many_connections()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var person = await fixture.Member(organizer, camp.CampId, CampRole.Participant);
        var allowed = new List<LiveEvents>();
        for (var i = 0; i < LowLimits.Connections; i++) allowed.Add(await LiveEvents.Connect(person));

        var refused = await Refused(person);
        await allowed[0].DisposeAsync();
        // The server learns of the close a moment after the client: ask again (bounded) until it has.
        var afterOneClosed = true;
        for (var i = 0; i < 100 && afterOneClosed; i++)
        {
            if (i > 0) await Task.Delay(50);
            afterOneClosed = await Refused(person);
        }

        Assert.True(refused, "a connection over the cap was accepted");
        Assert.False(afterOneClosed, "a connection within the cap was refused");
        foreach (var live in allowed.Skip(1)) await live.DisposeAsync();
    }

    /// <summary>Whether the server refuses (closes) a new connection for this person.</summary>
    private static async Task<bool> Refused(ApiClient person)
    {
        var connection = person.Hub();
        var closed = new TaskCompletionSource<bool>();
        connection.Closed += _ => { closed.TrySetResult(true); return Task.CompletedTask; };
        try
        {
            await connection.StartAsync();
            // The server refuses in OnConnected, just after the handshake: the next call fails or the close comes.
            // (Refused by the access check with a null value, hence object.)
            await connection.InvokeAsync<HubReply<object>>(nameof(CampHub.Unwatch), "camp:00000000000000000000000000000000");
            return false;
        }
        catch (Exception)
        {
            return true;
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>A node whose limits are low enough to reach in a test.</summary>
    public sealed class LowLimits : HostFixture
    {
        public const int Streams = 3;
        public const int Connections = 3;
        public const int Refusals = 10;
        public const int SendQueue = 4;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Live:CallsPerSecond"] = "2",
            ["Live:CallBurst"] = "10",
            ["Live:RefusalsBeforeDisconnect"] = Refusals.ToString(),
            ["Live:StreamsPerConnection"] = Streams.ToString(),
            ["Live:ConnectionsPerPerson"] = Connections.ToString(),
            ["Live:SendQueue"] = SendQueue.ToString(),
        };
    }
}
