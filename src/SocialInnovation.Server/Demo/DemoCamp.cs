using SocialInnovation.Camps;
using SocialInnovation.Invites;
using SocialInnovation.People;
using SocialInnovation.Platform;
using SocialInnovation.Server.Camps;
using SocialInnovation.Server.Hosting;
using SocialInnovation.Server.Invites;

namespace SocialInnovation.Server.Demo;

/// <summary>
/// Seeds "TechBootCamp demo" (Demo:Seed=true) so a newcomer has something to click through, and
/// prints fresh invite links for each of its roles at every start (tokens are stored hashed, so old
/// links cannot be shown again). Seeding is idempotent: a restart finds the camp and its teams. The camp
/// starts in its Sprints phase, matching what the other demo seeds show.
/// </summary>
public sealed class DemoCamp(
    IGrainFactory grains,
    PlatformSettings settings,
    InviteLinks links,
    DemoConsole console) : IHostedService
{
    public const string Key = "demo-techbootcamp";

    private static readonly string[] Themes = ["Corruption", "Unemployment", "Poverty", "Environment", "Healthcare"];
    private static readonly string[] TeamNames = ["Open Budget", "First Job", "Fair Share", "Clean Air", "Clinic Finder"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.SeedDemo) return;
        var platform = grains.GetGrain<IPlatformGrain>(IPlatformGrain.Key);
        // The demo camp belongs to the platform organizer: sign in with the key and it is in "My camps".
        // OrganizerKeys starts before this service, so the organizer exists by now.
        var organizerId = await platform.GetOrganizerId() ?? throw new InvalidOperationException("The organizer key is not set up.");
        var camp = grains.GetGrain<ICampGrain>(CampCreation.IdFor(organizerId, Key));
        // Created once: its dates start today, so a later day's start would otherwise ask for another camp.
        if (await camp.GetSnapshot() is null)
        {
            var startsOn = settings.DemoStartsOn ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var details = new CampDetails("TechBootCamp demo", "Dushanbe", startsOn, startsOn.AddDays(4), 60,
                new[] { "TJ", "KZ", "KG", "UZ", "AF" }, new[] { "en", "ru", "tg" }, Themes);
            var created = await CampCreation.Create(grains, new CreateCamp(details, Key), organizerId, "Organizer");
            if (created.Error is { } refused) throw new InvalidOperationException($"Seeding the demo camp failed: {refused.Detail}");
        }
        for (var i = 0; i < TeamNames.Length; i++)
            await camp.AddTeam(new AddTeam(TeamNames[i], Themes[i], $"demo-team-{i}"));
        await IntoSprints(camp);

        var invites = new List<(string Who, string Token)>();
        foreach (var (role, label, uses) in DemoInvites())
        {
            var issued = await camp.IssueInvite(new IssueInvite(role, label, uses, 24 * 7, $"demo-{Guid.NewGuid():N}"), organizerId);
            invites.Add((label, issued.Value!.Token!));
        }
        Print(invites);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The demo shows a camp in its sprints (boards on sprint 3, mentors' sessions, a people's choice poll
    /// waiting for the pitches), so the camp says so too: a camp never moved walks Draft → Sprints through
    /// the same guarded one-step changes an organizer makes. One the newcomer has moved is left as it is.
    /// </summary>
    private static async Task IntoSprints(ICampGrain camp)
    {
        if (await camp.GetSnapshot() is not { Phase: CampPhase.Draft, History.Count: 0 }) return;
        for (var from = CampPhase.Draft; from < CampPhase.Sprints; from++)
        {
            var moved = await camp.ChangePhase(new ChangePhase(from, from + 1, $"demo-phase-{from + 1}"), "Organizer");
            if (moved.Error is { } refused) throw new InvalidOperationException($"Seeding the demo camp's phase failed: {refused.Detail}");
        }
    }

    private static IEnumerable<(CampRole, string, int)> DemoInvites() =>
    [
        (CampRole.Organizer, "Demo organizer", 5),
        (CampRole.Participant, "Demo participants", 60),
        // Three: a newcomer may open it in a second browser and then on a phone.
        (CampRole.Mentor, "Demo mentor", 3),
        (CampRole.Judge, "Demo judge 1", 1),
        (CampRole.Judge, "Demo judge 2", 1),
    ];

    private void Print(List<(string Who, string Token)> invites)
    {
        var lines = invites.Select(i => $"   {i.Who,-18} {links.For(i.Token)}");
        console.Add(DemoConsole.Invites, () => $"""

            TechBootCamp demo is ready at {links.BaseUrl(null)}
            Open one of these invite links (valid 7 days; each start prints new ones):
            {string.Join(Environment.NewLine, lines)}

            """);
    }
}
