using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using SocialInnovation.Common;
using SocialInnovation.Server.Access;

namespace SocialInnovation.Server.Live;

/// <summary>
/// Enforces <see cref="LiveLimits"/> before anything else runs (so a flood never reaches a grain): a
/// token bucket of calls per connection, answered with the typed, retryable <c>live.rate</c> error, a
/// disconnect after sustained abuse, and a cap on one person's connections to this node.
/// </summary>
public sealed class ConnectionLimits(LiveLimits limits, ILogger<ConnectionLimits> log) : IHubFilter
{
    public static readonly DomainError RateLimited =
        new(ErrorKind.RateLimited, "live.rate", "Too many calls on this connection; slow down.");

    public static readonly DomainError TooManyConnections =
        new(ErrorKind.RateLimited, "live.too-many-connections", "Too many connections for one person.");

    private readonly ConcurrentDictionary<Guid, int> _connections = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var budget = Budget.Of(context.Context, limits);
        if (budget.TryTake()) return await next(context);
        if (++budget.Refused >= limits.RefusalsBeforeDisconnect)
        {
            // Calls already read from the socket still arrive after Abort; say it once, not once per call.
            if (budget.Refused == limits.RefusalsBeforeDisconnect)
                log.LogWarning("Closing hub connection {Connection}: {Count} calls refused for rate", context.Context.ConnectionId, budget.Refused);
            context.Context.Abort();
        }
        return HubReply<object>.Fail(RateLimited);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (context.Context.User?.PersonId() is { } person)
        {
            if (_connections.AddOrUpdate(person, 1, (_, n) => n + 1) > limits.ConnectionsPerPerson)
            {
                Release(person);
                throw new HubException($"{TooManyConnections.Code}: {TooManyConnections.Detail}");
            }
            context.Context.Items[typeof(ConnectionLimits)] = person;
        }
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.Items.TryGetValue(typeof(ConnectionLimits), out var person) && person is Guid id) Release(id);
        await next(context, exception);
    }

    private void Release(Guid person)
    {
        if (_connections.AddOrUpdate(person, 0, (_, n) => n - 1) <= 0) _connections.TryRemove(new KeyValuePair<Guid, int>(person, 0));
    }

    /// <summary>One connection's token bucket; the hub runs one call per connection at a time.</summary>
    private sealed class Budget(LiveLimits limits)
    {
        private double _tokens = limits.CallBurst;
        private long _at = Stopwatch.GetTimestamp();

        public int Refused { get; set; }

        public static Budget Of(HubCallerContext connection, LiveLimits limits)
        {
            if (connection.Items.TryGetValue(typeof(Budget), out var found) && found is Budget budget) return budget;
            var fresh = new Budget(limits);
            connection.Items[typeof(Budget)] = fresh;
            return fresh;
        }

        public bool TryTake()
        {
            var now = Stopwatch.GetTimestamp();
            _tokens = Math.Min(limits.CallBurst, _tokens + Stopwatch.GetElapsedTime(_at, now).TotalSeconds * limits.CallsPerSecond);
            _at = now;
            if (_tokens < 1) return false;
            _tokens -= 1;
            return true;
        }
    }
}
