using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Server.Live;
using SocialInnovation.Server.Tests.Live;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests;

/// <summary>
/// One platform node shared by the tests of a class; each test makes its own camps. It also knows the
/// test-only stream kind <see cref="TeamNotesStream"/>.
/// </summary>
public class HostFixture : IAsyncLifetime
{
    /// <summary>More configuration for this node, e.g. lower limits.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public PlatformHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await PlatformHost.Start(PlatformHost.NewWorld(), settings: Settings, services: s => s.AddStreamKind<TeamNotesStream>());

    public async Task DisposeAsync() => await Host.DisposeAsync();

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
