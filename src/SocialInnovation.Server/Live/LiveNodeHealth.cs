using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SocialInnovation.Server.Live;

/// <summary>Healthy once this node is registered for camp events, i.e. its silo is up and it can push.</summary>
public sealed class LiveNodeHealth(LiveNode node) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(node.IsRegistered ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Not registered for camp events yet."));
}
