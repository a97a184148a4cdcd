using SocialInnovation.Grains.Common;

namespace SocialInnovation.Server.Camps;

public static class CampIds
{
    /// <summary>
    /// A camp's id follows from who asked and their idempotency key, so a retried "create" lands on
    /// the camp the first attempt made.
    /// </summary>
    public static Guid For(Guid organizerId, string idempotencyKey) =>
        Secrets.StableGuid($"camp:{organizerId:N}:{idempotencyKey}");
}
