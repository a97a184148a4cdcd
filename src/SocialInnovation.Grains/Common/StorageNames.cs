namespace SocialInnovation.Grains.Common;

public static class StorageNames
{
    /// <summary>The grain storage provider every grain's state is kept in (Azure Blob storage in the host).</summary>
    public const string State = "state";

    /// <summary>
    /// People's state (Azure Table rows in the host, partitioned so that the people one invite admits
    /// at once are created in one transaction); the same state format as <see cref="State"/>.
    /// </summary>
    public const string People = "people";
}
