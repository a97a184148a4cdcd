using System.Net;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Live;

/// <summary>
/// The list of web nodes lives in one grain's memory. When the silo holding it leaves, its new activation
/// knows only the nodes that registered since, and a notifier that starts then (the first publish on a
/// silo after the grains moved there) sends to that list. Web nodes therefore register again as soon as
/// cluster membership changes, not only on their timer. Here the timer's round is an hour, so only that
/// makes the events reach the watchers.
/// </summary>
public sealed class NodeListTests
{
    [Fact]
    public async Task When_the_silo_holding_the_node_list_leaves_events_still_reach_watchers_on_every_other_node()
    {
        var world = PlatformHost.NewWorld();
        var settings = new Dictionary<string, string?> { ["Live:RegisterEverySeconds"] = "3600", ["RateLimits:Enabled"] = "false" };
        var first = await PlatformHost.Start(world, clustering: "AzureTable", settings: settings);
        var stopped = false;
        try
        {
            // While the first node is alone, the node list, the organizer and the camp are activated on its silo.
            var organizer = new ApiClient(first.Address);
            await organizer.SignInOrganizer();
            var camp = await organizer.CreateCamp("Node list moves");
            var invite = await organizer.Invite(camp.CampId, CampRole.Participant, maxUses: 2);

            await using var second = await PlatformHost.Start(world, clustering: "AzureTable", settings: settings);
            await using var third = await PlatformHost.Start(world, clustering: "AzureTable", settings: settings);
            var watchers = new List<LiveEvents>();
            foreach (var node in new[] { second, third })
            {
                var participant = new ApiClient(node.Address);
                await participant.Redeem(invite.Token!, $"Watcher on {node.Address.Port}");
                var live = await LiveEvents.Connect(participant);
                Assert.True((await live.Watch(camp.CampId)).Ok);
                watchers.Add(live);
            }

            // The first node leaves: the list and the camp are activated anew on the others, whose notifiers start fresh.
            await first.DisposeAsync();
            stopped = true;
            var writer = new ApiClient(second.Address, organizer.Cookies);
            for (var attempt = 0; ; attempt++)
            {
                var response = await writer.Post($"/api/camps/{camp.CampId}/phase", new ChangePhase(CampPhase.Draft, CampPhase.Applications, "after-the-move"));
                if (response.StatusCode == HttpStatusCode.OK) break;
                Assert.True((int)response.StatusCode >= 500 && attempt < 100, $"The change was refused: {response.StatusCode}");
                await Task.Delay(100);
            }

            foreach (var live in watchers)
            {
                var change = await live.Next(CampEventKind.PhaseChanged);
                Assert.Equal(CampPhase.Applications, change.Read<CampEvent>().Phase);
                await live.DisposeAsync();
            }
        }
        finally
        {
            if (!stopped) await first.DisposeAsync();
        }
    }
}
