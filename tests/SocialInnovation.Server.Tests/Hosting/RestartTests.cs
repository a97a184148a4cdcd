using SocialInnovation.Camps;
using SocialInnovation.Invites;
using SocialInnovation.People;
using SocialInnovation.Server.Invites;
using SocialInnovation.Server.Session;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Hosting;

public sealed class RestartTests
{
    [Fact]
    public async Task Camps_people_and_invites_survive_a_server_restart()
    {
        var world = PlatformHost.NewWorld();
        var cookies = new System.Net.CookieContainer();
        Guid campId;
        InviteCreated spare;
        // With the demo seeded too: its camp is written by the server's own code, not by a test client.
        await using (var before = await PlatformHost.Start(world, seedDemo: true, settings: DemoFrom("2027-01-10")))
        {
            var organizer = new ApiClient(before.Address, cookies);
            await organizer.SignInOrganizer();
            campId = (await organizer.CreateCamp("TechBootCamp Dushanbe")).CampId;
            await organizer.ChangePhase(campId, CampPhase.Draft, CampPhase.Applications);
            spare = await organizer.Invite(campId, CampRole.Mentor);
        }

        // Two days later: the demo seed must find its camp, not ask for one with other dates.
        await using var after = await PlatformHost.Start(world, seedDemo: true, settings: DemoFrom("2027-01-12"));
        // The same browser: its cookie was issued before the restart.
        var again = new ApiClient(after.Address, cookies);

        var camp = await again.Get<CampSnapshot>($"/api/camps/{campId}");
        var me = await again.Get<MeView>("/api/me");
        var mentor = after.Client();
        var redeemed = await mentor.Redeem(spare.Token!, "Farrukh");

        Assert.Equal(("TechBootCamp Dushanbe", CampPhase.Applications), (camp.Details.Name, camp.Phase));
        Assert.Contains(me.Camps, c => c.CampId == campId && c.Role == CampRole.Organizer);
        Assert.Equal(CampRole.Mentor, redeemed.Role);
    }

    private static Dictionary<string, string?> DemoFrom(string day) => new() { ["Demo:StartsOn"] = day };
}
