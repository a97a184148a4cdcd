using System.Threading.RateLimiting;
using SocialInnovation.Server.Hosting;

namespace SocialInnovation.Server.Applications;

/// <summary>
/// A limit per camp on applications, on top of the per-address one (<see cref="RateLimits.PublicForms"/>):
/// a flood spread over many addresses (a botnet, a shared link gone wrong) still cannot fill one camp's
/// table, while other camps' forms keep working. A token bucket per camp (ASP.NET Core's rate limiting
/// primitives, partitioned by the route's camp id), per node; <c>RateLimits:PublicFormsPerCamp:*</c>.
/// </summary>
public sealed class CampFormLimits : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _limiter;
    private readonly bool _enabled;

    public CampFormLimits(IConfiguration configuration, RateLimitSettings limits)
    {
        _enabled = limits.Enabled;
        // A real camp gets a few hundred applications over weeks; 200 a minute is a flood, not a launch.
        var permits = configuration.GetValue("RateLimits:PublicFormsPerCamp:Permits", 200);
        var window = configuration.GetValue("RateLimits:PublicFormsPerCamp:WindowSeconds", 60);
        _limiter = PartitionedRateLimiter.Create<Guid, Guid>(campId => RateLimitPartition.GetTokenBucketLimiter(campId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits,
            TokensPerPeriod = Math.Max(1, permits / 10),
            ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1, window) / 10.0),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Refuses with the same 429 problem as every limit once the route's camp has used its permits.</summary>
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!_enabled || !Guid.TryParse(http.Request.RouteValues["campId"]?.ToString(), out var campId)) return await next(context);
        using var lease = _limiter.AttemptAcquire(campId);
        if (lease.IsAcquired) return await next(context);
        return RateLimits.TooMany(http, lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1));
    }

    public void Dispose() => _limiter.Dispose();
}
