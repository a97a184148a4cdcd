using SocialInnovation.Grains.Platform;
using SocialInnovation.People;
using SocialInnovation.Platform;

namespace SocialInnovation.Grains.Tests.Platform;

/// <summary>
/// The platform grain is one activation in production (key "platform"); each test here uses its own key
/// so tests sharing the cluster do not see each other's organizer key.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PlatformGrainTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    private IPlatformGrain NewPlatform() => Grains.GetGrain<IPlatformGrain>($"platform-{Guid.NewGuid():N}");

    [Fact]
    public async Task Before_a_key_is_set_nobody_can_sign_in_as_organizer()
    {
        var platform = NewPlatform();

        Assert.False(await platform.HasOrganizerKey());
        Assert.Null(await platform.GetOrganizerId());
        Assert.Null(await platform.SignInOrganizer(""));
        Assert.Null(await platform.SignInOrganizer("anything"));
    }

    [Fact]
    public async Task Signing_in_with_the_organizer_keys_hash_gives_the_platform_organizer()
    {
        var platform = NewPlatform();
        await platform.SetOrganizerKeyHash("hash-of-the-right-key");

        var organizerId = await platform.SignInOrganizer("hash-of-the-right-key");

        Assert.True(await platform.HasOrganizerKey());
        Assert.NotNull(organizerId);
        Assert.Equal(await platform.GetOrganizerId(), organizerId);
    }

    [Theory]
    [InlineData("hash-of-a-wrong-key")]
    [InlineData("hash-of-the-right-ke")]
    [InlineData("")]
    public async Task Signing_in_with_any_other_hash_is_refused(string wrongHash)
    {
        var platform = NewPlatform();
        await platform.SetOrganizerKeyHash("hash-of-the-right-key");

        Assert.Null(await platform.SignInOrganizer(wrongHash));
    }

    [Fact]
    public async Task The_organizer_becomes_a_platform_organizer_person()
    {
        var platform = NewPlatform();
        await platform.SetOrganizerKeyHash("hash-of-the-right-key");
        var organizerId = (await platform.SignInOrganizer("hash-of-the-right-key"))!.Value;

        var profile = await Grains.GetGrain<IPersonGrain>(organizerId).GetProfile();

        Assert.NotNull(profile);
        Assert.True(profile.IsPlatformOrganizer);
        Assert.Equal(PlatformGrain.OrganizerName, profile.Name);
    }

    [Fact]
    public async Task A_new_key_replaces_the_old_one_and_the_organizer_stays_the_same_person()
    {
        var platform = NewPlatform();
        await platform.SetOrganizerKeyHash("old-hash");
        var before = await platform.GetOrganizerId();

        await platform.SetOrganizerKeyHash("new-hash");

        Assert.Null(await platform.SignInOrganizer("old-hash"));
        Assert.Equal(before, await platform.SignInOrganizer("new-hash"));
    }

    [Fact]
    public async Task A_camp_registered_twice_is_listed_once()
    {
        var platform = NewPlatform();
        var campId = Guid.NewGuid();

        await platform.RegisterCamp(campId);
        await platform.RegisterCamp(campId);

        Assert.Equal([campId], await platform.GetCamps());
    }

    [Fact]
    public async Task Only_the_first_of_several_starting_silos_sets_the_organizer_key()
    {
        var platform = NewPlatform();

        var first = await platform.SetInitialOrganizerKeyHash("aa11");
        var second = await platform.SetInitialOrganizerKeyHash("bb22");

        Assert.True(first);
        Assert.False(second);
        Assert.NotNull(await platform.SignInOrganizer("aa11"));
        Assert.Null(await platform.SignInOrganizer("bb22"));
    }

    [Fact]
    public async Task Replacing_the_organizer_key_ends_the_organizers_sessions_and_setting_the_same_key_does_not()
    {
        var platform = NewPlatform();
        await platform.SetOrganizerKeyHash("old-hash");
        var organizer = Grains.GetGrain<IPersonGrain>((await platform.GetOrganizerId())!.Value);
        var before = await organizer.GetSessions();

        await platform.SetOrganizerKeyHash("old-hash"); // every start with a configured key
        var unchanged = await organizer.GetSessions();
        await platform.SetOrganizerKeyHash("new-hash");
        var after = await organizer.GetSessions();

        Assert.True(unchanged.IsLive("session-1", before.Stamp));
        Assert.False(after.IsLive("session-1", before.Stamp));
    }
}
