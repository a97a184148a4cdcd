using SocialInnovation.Camps;
using SocialInnovation.Grains.Common;
using SocialInnovation.People;
using SocialInnovation.Platform;
using SocialInnovation.Server.Camps;
using SocialInnovation.Server.Hosting;
using SocialInnovation.Teams;

namespace SocialInnovation.Server.Demo;

/// <summary>
/// Gives "SICamp Almaty demo" participants who joined by an invite link, as volunteers and partners' staff
/// do, not through the application form: four of them saved their country, skills and languages on their
/// camp profile (so "Suggest teams" mixes them like the applicants), two did not (placed by ranking and size
/// only). All of them rank three teams. Seeded once: a camp that has them keeps them as they are.
/// </summary>
public sealed class DemoTeamProfiles(IGrainFactory grains, PlatformSettings settings) : IHostedService
{
    public static readonly (string Name, SaveSkillProfile? Profile)[] Invited =
    [
        ("Aliya Seitkali", new SaveSkillProfile("KZ", ["video", "storytelling"], ["kk", "ru", "en"])),
        ("Kubat Usenov", new SaveSkillProfile("KG", ["python", "data"], ["ky", "ru"])),
        ("Nodira Khasanova", new SaveSkillProfile("UZ", ["law", "fundraising"], ["uz", "ru", "en"])),
        ("Sohrab Ahmadi", new SaveSkillProfile("AF", ["design", "research"], ["fa", "ps", "en"])),
        ("Ilya Petrov", null),
        ("Madina Rahmonova", null),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.SeedDemo || !settings.SeedDemoIntake) return;
        var organizerId = await grains.GetGrain<IPlatformGrain>(IPlatformGrain.Key).GetOrganizerId();
        if (organizerId is null) return;
        var campId = CampCreation.IdFor(organizerId.Value, DemoIntake.Key);
        var camp = grains.GetGrain<ICampGrain>(campId);
        if (await camp.GetSnapshot() is not { } snapshot) return;
        var members = (await camp.GetMembers()).Select(m => m.PersonId).ToHashSet();
        var teams = snapshot.Teams.Select(t => t.TeamId).ToList();
        for (var i = 0; i < Invited.Length; i++)
        {
            var (name, profile) = Invited[i];
            var personId = PersonFor(campId, name);
            if (members.Contains(personId)) continue;
            await DemoMembers.Admit(grains, campId, personId, name, CampRole.Participant);
            if (profile is not null) Check(await grains.GetGrain<IPersonGrain>(personId).SaveSkills(profile));
            if (teams.Count == 0) continue;
            var choices = Enumerable.Range(0, Math.Min(3, teams.Count)).Select(k => teams[(i + k * 2) % teams.Count]).Distinct().ToList();
            var ranked = await grains.GetGrain<ITeamFormationGrain>(campId).Rank(personId, new RankThemes(choices, $"demo-invited-rank-{i}"), teams);
            // Once published (the newcomer tried it), rankings are closed: the person is still seeded.
            if (ranked.Error is { Code: not "teams.published" }) Check(ranked);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static Guid PersonFor(Guid campId, string name) => Secrets.StableGuid($"demo-invited:{campId:N}:{name}");

    private static T Check<T>(SocialInnovation.Common.Outcome<T> outcome) =>
        outcome.Error is { } refused ? throw new InvalidOperationException($"Seeding the invited demo participants failed: {refused.Code}: {refused.Detail}") : outcome.Value!;
}
