using System.Security.Cryptography;
using System.Text;

namespace SocialInnovation.Server.Camps;

public static class CampIds
{
    /// <summary>
    /// A camp's id follows from who asked and their idempotency key, so a retried "create" lands on
    /// the camp the first attempt made.
    /// </summary>
    public static Guid For(Guid organizerId, string idempotencyKey) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"camp:{organizerId:N}:{idempotencyKey}")).AsSpan(0, 16));
}
