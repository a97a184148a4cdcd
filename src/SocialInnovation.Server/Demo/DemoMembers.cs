using SocialInnovation.Camps;
using SocialInnovation.People;

namespace SocialInnovation.Server.Demo;

/// <summary>How every demo seeder makes someone a member of a camp: as a redeemed invite or a confirmed place does.</summary>
public static class DemoMembers
{
    /// <summary>
    /// The camp admits first (the roster counts them, so the camp page shows them), then the person holds the
    /// role authorization reads. Admitting again is a no-op, so an older demo is put right on its next start.
    /// </summary>
    public static async Task Admit(IGrainFactory grains, Guid campId, Guid personId, string name, CampRole role)
    {
        var admitted = await grains.GetGrain<ICampGrain>(campId).AdmitMember(personId, name, role);
        if (admitted.Error is { } refused)
            throw new InvalidOperationException($"Seeding the demo: admitting {name} to the camp failed: {refused.Code}: {refused.Detail}");
        await grains.GetGrain<IPersonGrain>(personId).Join(campId, role, name);
    }
}
