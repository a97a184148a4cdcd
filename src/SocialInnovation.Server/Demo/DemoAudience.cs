using SocialInnovation.Audience;
using SocialInnovation.Camps;
using SocialInnovation.Platform;
using SocialInnovation.Awards;
using SocialInnovation.Server.Audience;
using SocialInnovation.Server.Camps;
using SocialInnovation.Server.Hosting;
using SocialInnovation.Server.Invites;

namespace SocialInnovation.Server.Demo;

/// <summary>
/// Gives "TechBootCamp demo" a people's choice poll with 42 audience votes already in, and a results draft
/// (awards and a mini-grant pool split among three teams) waiting for judging to be locked. Prints the
/// poll's join link. Seeded once: a camp whose poll exists keeps its votes.
/// </summary>
public sealed class DemoAudience(IGrainFactory grains, PlatformSettings settings, InviteLinks links, DemoConsole console) : IHostedService
{
    /// <summary>Votes per team, in the demo camp's team order (Open Budget, First Job, Fair Share, Clean Air, Clinic Finder).</summary>
    private static readonly int[] Votes = [9, 6, 5, 14, 8];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.SeedDemo) return;
        var organizerId = await grains.GetGrain<IPlatformGrain>(IPlatformGrain.Key).GetOrganizerId();
        if (organizerId is null) return;
        var campId = CampCreation.IdFor(organizerId.Value, DemoCamp.Key);
        if (await grains.GetGrain<ICampGrain>(campId).GetSnapshot() is not { Teams.Count: >= 5 } camp) return;

        var opened = await AudienceApi.OpenPoll(grains, camp, new OpenAudiencePoll("People's choice · Приз зрителей",
            AudiencePollKind.PeoplesChoice, null, 1, false, false, "demo-peoples-choice"));
        if (opened.Value is not { } poll) return;
        var vote = grains.GetGrain<IAudiencePollGrain>(poll.Tally.PollId);
        // Deterministic devices and keys: a restart casts the same votes again, which count once.
        var n = 0;
        for (var option = 0; option < Votes.Length; option++)
            for (var i = 0; i < Votes[option]; i++, n++)
            {
                var device = $"demo-device-{n:D4}-0000";
                await vote.CastVote(AudienceApi.DeviceVoter(poll.Tally.PollId, device), new CastAudienceVote(device, [$"o{option + 1}"], $"demo-vote-{n}"));
            }

        var results = grains.GetGrain<IResultsGrain>(campId);
        if ((await results.GetDraft()).Version == 0)
        {
            var team = camp.Teams.ToDictionary(t => t.Name, t => t.TeamId);
            await results.Save(new SaveResults(
                [
                    new(AwardKind.PeoplesChoice, "People's choice", team["Clean Air"], null),
                    new(AwardKind.BestPrototype, "Best prototype", team["Clinic Finder"], null),
                    new(AwardKind.Custom, "Лучший питч / Best pitch", team["Open Budget"], null),
                ],
                3000m, "USD", [new(team["Clean Air"], 1500m), new(team["Clinic Finder"], 1000m), new(team["Open Budget"], 500m)],
                poll.Tally.PollId, RevealOrder.LastToFirst, 0, "demo-results"), camp.Teams.Select(t => t.TeamId).ToList(), []);
        }
        console.Add(DemoConsole.Audience, () =>
            $"   Audience poll      {links.BaseUrl(null)}/v/{poll.Audience.Code}  (big screen: {links.BaseUrl(null)}/camps/{campId}/audience/{poll.Tally.PollId}/screen){Environment.NewLine}");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
