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

    /// <summary>
    /// Small states on a hot write path, as one Azure Table row each in the host (a conditional row update
    /// costs a fraction of a conditional blob write): the camp's. Only states that stay small (a row holds
    /// at most 480,000 characters of JSON); the same state format as <see cref="State"/>, which states
    /// stored before they moved are read from.
    /// </summary>
    public const string Rows = "rows";
}
