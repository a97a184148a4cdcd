using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using Orleans.Runtime;
using SocialInnovation.Grains.Mentors;

namespace SocialInnovation.Server.Demo;

/// <summary>
/// The platform's clock while the demo is on: the real time, except for the grain calls the demo makes inside
/// <see cref="Rewound"/> (and the calls those make), where the platform's grains see an earlier time. The demo
/// plays its past mentoring sessions through the ordinary commands this way, each lasting 10–25 minutes as at
/// a real camp, instead of starting and ending in the same second (which made the help queue's estimated
/// wait, the mean of those lengths, read "about 1 min"). The offset travels in Orleans' request context with
/// those calls only, and only the platform's own grain code reads it: Orleans' bookkeeping on the same calls
/// (activation collection, directory leases) keeps the real time. Without the demo this clock is not installed.
/// </summary>
public sealed class DemoClock(TimeProvider real) : TimeProvider
{
    private const string Key = "si.demo-rewind";
    private static readonly Assembly PlatformGrains = typeof(HelpQueueGrain).Assembly;

    // Not inlined, so the frame above is the code that asked for the time.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public override DateTimeOffset GetUtcNow()
    {
        var now = real.GetUtcNow();
        if (RequestContext.Get(Key) is not TimeSpan back) return now;
        return new StackFrame(1, false).GetMethod()?.DeclaringType?.Assembly == PlatformGrains ? now - back : now;
    }

    public override long GetTimestamp() => real.GetTimestamp();

    public override long TimestampFrequency => real.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        real.CreateTimer(callback, state, dueTime, period);

    /// <summary>Until disposed, the grain calls made from here happen <paramref name="ago"/> before now.</summary>
    public static IDisposable Rewound(TimeSpan ago)
    {
        // Set outside an async method, so the value stays in the caller's flow until Dispose removes it.
        RequestContext.Set(Key, ago);
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => RequestContext.Remove(Key);
    }
}
