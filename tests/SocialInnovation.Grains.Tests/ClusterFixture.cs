using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Storage;
using Orleans.TestingHost;
using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Mail;

namespace SocialInnovation.Grains.Tests;

/// <summary>
/// One in-process silo with <see cref="TestGrainStorage"/> and a <see cref="ManualClock"/>, shared by every test.
/// Tests keep out of each other's way by using fresh grain keys.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IServiceProvider SiloServices => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services;

    public ManualClock Clock => SiloServices.GetRequiredService<ManualClock>();

    /// <summary>Every mail the silo's outboxes handed to "SMTP".</summary>
    public RecordingMailTransport Mail => SiloServices.GetRequiredService<RecordingMailTransport>();

    public TestGrainStorage Storage => SiloServices.GetRequiredService<TestGrainStorage>();

    /// <summary>The boards' journal (card changes since a board was stored whole).</summary>
    public MemoryBoardJournal BoardJournal => SiloServices.GetRequiredService<MemoryBoardJournal>();

    /// <summary>The polls' journal (votes since a poll was stored whole).</summary>
    public MemoryJournal<SocialInnovation.Grains.Polls.VoteEntry> PollJournal => SiloServices.GetRequiredService<MemoryJournal<SocialInnovation.Grains.Polls.VoteEntry>>();

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>What a grain's storage holds right now, read past the grain.</summary>
    public async Task<T> ReadStored<T>(IAddressable grain, string stateName) where T : new()
    {
        var storage = SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.State);
        var stored = new GrainState<T>(new T());
        await storage.ReadStateAsync(stateName, grain.GetGrainId(), stored);
        return stored.State!;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo
            .UseInMemoryReminderService()
            .ConfigureServices(services =>
            {
                // The same state format as the Azure Blob storage in the host, so these tests read it back too.
                services.AddSingleton<TestGrainStorage>();
                services.AddKeyedSingleton<IGrainStorage>(StorageNames.State, (sp, _) => sp.GetRequiredService<TestGrainStorage>());
                services.AddKeyedSingleton<IGrainStorage>(StorageNames.People, (sp, _) => sp.GetRequiredService<TestGrainStorage>());
                services.AddKeyedSingleton<IGrainStorage>(StorageNames.Rows, (sp, _) => sp.GetRequiredService<TestGrainStorage>());
                services.AddSingleton<MemoryBoardJournal>();
                services.AddSingleton<SocialInnovation.Grains.Boards.IBoardJournal>(sp => sp.GetRequiredService<MemoryBoardJournal>());
                services.AddSingleton<MemoryJournal<SocialInnovation.Grains.Polls.VoteEntry>>();
                services.AddSingleton<IJournal<SocialInnovation.Grains.Polls.VoteEntry>>(sp => sp.GetRequiredService<MemoryJournal<SocialInnovation.Grains.Polls.VoteEntry>>());
                services.AddSingleton<RecordingMailTransport>();
                services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<RecordingMailTransport>());
                // Coalescing streams push their latest state at most hourly here, so a test decides when
                // the interval ends (by deactivating the owner) and never depends on how fast it runs.
                services.AddSingleton(new SocialInnovation.Grains.Live.LiveTiming(TimeSpan.FromHours(1)));
                services.AddSingleton<ManualClock>();
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<ManualClock>());
            });
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
