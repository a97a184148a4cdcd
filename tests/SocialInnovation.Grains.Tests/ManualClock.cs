namespace SocialInnovation.Grains.Tests;

/// <summary>
/// The silo's clock, which a test can move forward. It keeps ticking with real time plus whatever the
/// tests added: frozen time would stall anything in the silo that waits for time to pass.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() =>
        System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
