using SocialInnovation.Camps;

namespace SocialInnovation.Server.Live;

/// <summary>What the server pushes to browsers.</summary>
public interface ICampClient
{
    /// <summary>Events of camps this connection watches, in sequence order per camp.</summary>
    Task CampEvents(CampEvent[] events);
}

public static class LiveGroups
{
    public static string Camp(Guid campId) => $"camp:{campId:N}";
}
