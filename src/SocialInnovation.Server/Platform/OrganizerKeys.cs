using SocialInnovation.Grains.Common;
using SocialInnovation.Platform;

namespace SocialInnovation.Server.Platform;

/// <summary>
/// The platform organizer's key: made at first start and printed once, or taken from configuration.
/// Only its hash is stored.
/// </summary>
public sealed class OrganizerKeys(IGrainFactory grains, Hosting.PlatformSettings settings, ILogger<OrganizerKeys> log) : IHostedService
{
    public const int MinConfiguredLength = 24;

    public static string Hash(string key) => Secrets.Hash(key);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var platform = grains.GetGrain<IPlatformGrain>(IPlatformGrain.Key);
        if (settings.OrganizerKey is { } configured)
        {
            if (configured.Length < MinConfiguredLength)
                throw new InvalidOperationException($"Platform:OrganizerKey must be at least {MinConfiguredLength} characters.");
            await platform.SetOrganizerKeyHash(Hash(configured));
            log.LogInformation("Organizer key taken from configuration");
            return;
        }
        var key = Secrets.NewToken();
        if (!await platform.SetInitialOrganizerKeyHash(Hash(key))) return;
        // Printed, not logged: it is shown this once and must not end up in a log store.
        Console.WriteLine($"""

            ==================================================================
             Organizer key (shown once, stored only as a hash; keep it safe):
               {key}
             Sign in at /signin with it, or set Platform:OrganizerKey.
            ==================================================================

            """);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
