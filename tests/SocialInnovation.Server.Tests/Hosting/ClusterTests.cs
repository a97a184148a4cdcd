using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Hosting;

public sealed class ClusterTests
{
    [Fact]
    public async Task A_change_made_through_one_silo_reaches_a_browser_connected_to_another()
    {
        var world = PlatformHost.NewWorld();
        await using var siloA = await PlatformHost.Start(world, clustering: "AzureTable");
        await using var siloB = await PlatformHost.Start(world, clustering: "AzureTable");

        var organizer = siloA.Client();
        await organizer.SignInOrganizer();
        var camp = await organizer.CreateCamp("Cluster camp");
        var invite = await organizer.Invite(camp.CampId, CampRole.Participant);
        // The participant's browser only ever talks to silo B, and its cookie is read there.
        var participant = siloB.Client();
        await participant.Redeem(invite.Token!, "Madina");
        await using var live = await LiveEvents.Connect(participant);
        Assert.True((await live.Watch(camp.CampId)).Ok);

        await organizer.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Applications);
        var pushed = await live.Next(CampEventKind.PhaseChanged);

        Assert.Equal(CampPhase.Applications, pushed.Read<CampEvent>().Phase);
    }
}
