using SocialInnovation.Applications;
using SocialInnovation.Grains.Common;

namespace SocialInnovation.Grains.Applications;

public static class ApplicationIds
{
    /// <summary>One application per camp and e-mail address, however the address was typed.</summary>
    public static Guid For(Guid campId, string email) =>
        Secrets.StableGuid($"application:{campId:N}:{EmailAddresses.Normalize(email)}");

    /// <summary>The person an accepted applicant becomes when they confirm: the same for every retry.</summary>
    public static Guid PersonFor(Guid applicationId) => Secrets.StableGuid($"applicant:{applicationId:N}");
}
