namespace SocialInnovation.Grains.Common;

public static class StorageNames
{
    /// <summary>The grain storage provider every grain's state is kept in (Azure Blob storage in the host).</summary>
    public const string State = "state";
}
