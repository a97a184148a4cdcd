namespace SocialInnovation.Server.Hosting;

/// <summary>
/// Every setting the server reads, with its default. Set them in appsettings.json, as environment
/// variables (Storage__ConnectionString) or on the command line (--Storage:ConnectionString=...).
/// The README's configuration table lists the same names. (Not under "Orleans:": Orleans reads that
/// section itself as provider configuration.)
/// </summary>
public sealed class PlatformSettings
{
    /// <summary>Azure Storage connection string; the default is the local Azurite emulator.</summary>
    public string StorageConnectionString { get; init; } = "UseDevelopmentStorage=true";

    /// <summary>Localhost (one silo, the default) or AzureTable (several silos form one cluster).</summary>
    public string Clustering { get; init; } = "Localhost";

    public string ClusterId { get; init; } = "socialinnovation-dev";
    public string ServiceId { get; init; } = "socialinnovation";
    public int SiloPort { get; init; } = 11111;
    public int GatewayPort { get; init; } = 30000;

    /// <summary>The address other silos reach this one at; loopback suits several silos on one machine.</summary>
    public string AdvertisedIp { get; init; } = "127.0.0.1";

    /// <summary>How long a silo waits for another's liveness probe answer at first (adapted to observed times afterwards).</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes after which a silo suspects another; two suspecting silos declare it dead.</summary>
    public int MissedProbesLimit { get; init; } = 3;

    /// <summary>Blob container for grain state; tests use their own so runs never see each other's data.</summary>
    public string StateContainer { get; init; } = "grainstate";

    /// <summary>Optional fixed organizer key (at least 24 characters); otherwise one is made and printed at first start.</summary>
    public string? OrganizerKey { get; init; }

    /// <summary>The address people open, used in invite links; defaults to the address the request came to.</summary>
    public string? PublicBaseUrl { get; init; }

    /// <summary>Seed the "TechBootCamp demo" camp and print its invite links at start.</summary>
    public bool SeedDemo { get; init; }

    /// <summary>With <see cref="SeedDemo"/>: also seed "SICamp Almaty demo" with 120 applications, a poll and teams.</summary>
    public bool SeedDemoIntake { get; init; } = true;

    /// <summary>The first day of the demo camp; today when not set.</summary>
    public DateOnly? DemoStartsOn { get; init; }

    public static PlatformSettings From(IConfiguration configuration) => new()
    {
        StorageConnectionString = configuration["Storage:ConnectionString"] ?? "UseDevelopmentStorage=true",
        StateContainer = configuration["Storage:StateContainer"] ?? "grainstate",
        Clustering = configuration["Cluster:Mode"] ?? "Localhost",
        ClusterId = configuration["Cluster:Id"] ?? "socialinnovation-dev",
        ServiceId = configuration["Cluster:ServiceId"] ?? "socialinnovation",
        SiloPort = configuration.GetValue("Cluster:SiloPort", 11111),
        GatewayPort = configuration.GetValue("Cluster:GatewayPort", 30000),
        AdvertisedIp = configuration["Cluster:AdvertisedIp"] ?? "127.0.0.1",
        ProbeTimeout = configuration.GetValue("Cluster:ProbeTimeout", TimeSpan.FromSeconds(1)),
        MissedProbesLimit = configuration.GetValue("Cluster:MissedProbesLimit", 3),
        OrganizerKey = configuration["Platform:OrganizerKey"],
        PublicBaseUrl = configuration["Platform:PublicBaseUrl"],
        SeedDemo = configuration.GetValue("Demo:Seed", false),
        SeedDemoIntake = configuration.GetValue("Demo:Intake", true),
        DemoStartsOn = configuration["Demo:StartsOn"] is { Length: > 0 } day ? DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture) : null,
    };
}
