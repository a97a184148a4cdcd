using SocialInnovation.Live;

namespace SocialInnovation.Server.Live;

/// <summary>What the server pushes to browsers.</summary>
public interface ICampClient
{
    /// <summary>Events of streams this connection watches, in order per stream.</summary>
    Task StreamEvents(StreamEnvelope[] batch);
}
