using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.People;
using SocialInnovation.Platform;

namespace SocialInnovation.Server.Camps;

/// <summary>Making a camp, for the API and the demo seed alike.</summary>
public static class CampCreation
{
    /// <summary>
    /// A camp's id follows from who asked and their idempotency key, so a retried "create" lands on
    /// the camp the first attempt made.
    /// </summary>
    public static Guid IdFor(Guid organizerId, string idempotencyKey) =>
        Secrets.StableGuid($"camp:{organizerId:N}:{idempotencyKey}");

    /// <summary>
    /// Creates the camp, then makes its creator its organizer and lists it on the platform. The camp
    /// exists before anyone is told about it; a retry repeats the two idempotent steps.
    /// </summary>
    public static async Task<Outcome<CampSnapshot>> Create(IGrainFactory grains, CreateCamp command, Guid organizerId, string organizerName)
    {
        var campId = IdFor(organizerId, command.IdempotencyKey);
        var created = await grains.GetGrain<ICampGrain>(campId).Create(command, organizerId, organizerName);
        if (created.Error is not null) return created;
        await grains.GetGrain<IPersonGrain>(organizerId).Join(campId, CampRole.Organizer, organizerName);
        await grains.GetGrain<IPlatformGrain>(IPlatformGrain.Key).RegisterCamp(campId);
        return created;
    }
}
