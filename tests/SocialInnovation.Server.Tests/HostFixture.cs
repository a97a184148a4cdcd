using System.Collections.Concurrent;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Server.Live;
using SocialInnovation.Server.Tests.Live;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests;

/// <summary>
/// One platform node shared by every test class that uses this fixture type, for the whole test run: each
/// test makes its own camps and people, so classes need no node of their own, and starting a silo per
/// class was most of this project's run time. A subclass with other <see cref="Settings"/> gets one node
/// of its own, likewise shared. It also knows the test-only stream kind <see cref="TeamNotesStream"/>.
/// </summary>
public class HostFixture : IAsyncLifetime
{
    /// <summary>More configuration for this node, e.g. lower limits.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public PlatformHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SharedHosts.Get(GetType(), () =>
        PlatformHost.Start(PlatformHost.NewWorld(), settings: Settings, services: s => s.AddStreamKind<TeamNotesStream>()));

    /// <summary>The node every plain <see cref="HostFixture"/> uses, for a fixture that sets up its own world on it.</summary>
    public static async Task<PlatformHost> Shared()
    {
        var fixture = new HostFixture();
        await fixture.InitializeAsync();
        return fixture.Host;
    }

    /// <summary>The node outlives this class: it stops when the test process ends.</summary>
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A signed-in platform organizer with a new camp of their own.</summary>
    public async Task<(ApiClient Organizer, CampSnapshot Camp)> OrganizerWithCamp()
    {
        var organizer = Host.Client();
        await organizer.SignInOrganizer();
        return (organizer, await organizer.CreateCamp());
    }

    /// <summary>Someone who joined <paramref name="campId"/> through an invite for <paramref name="role"/>.</summary>
    public async Task<ApiClient> Member(ApiClient organizer, Guid campId, CampRole role, string name = "Dilnoza")
    {
        var invite = await organizer.Invite(campId, role);
        var member = Host.Client();
        await member.Redeem(invite.Token!, name);
        return member;
    }
}

/// <summary>
/// Nodes started once per test process, one per fixture type (xunit 2 has no assembly fixture), and stopped
/// when the process exits.
/// </summary>
public static class SharedHosts
{
    private static readonly ConcurrentDictionary<Type, Lazy<Task<PlatformHost>>> Hosts = new();

    static SharedHosts() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        var stopping = Hosts.Values.Where(h => h.IsValueCreated && h.Value.IsCompletedSuccessfully)
            .Select(h => h.Value.Result.DisposeAsync().AsTask());
        // Bounded: a node that does not stop in time must not hold up the end of the run.
        Task.WaitAny(Task.WhenAll(stopping), Task.Delay(TimeSpan.FromSeconds(10)));
    };

    public static Task<PlatformHost> Get(Type fixture, Func<Task<PlatformHost>> start) =>
        Hosts.GetOrAdd(fixture, _ => new Lazy<Task<PlatformHost>>(start)).Value;
}
