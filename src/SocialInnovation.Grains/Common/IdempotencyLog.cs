namespace SocialInnovation.Grains.Common;

/// <summary>
/// The recent idempotency keys a grain has applied, kept in the grain's own state so that "applied"
/// and "remembered" are stored in the same write. A retry with a known key is answered without being
/// applied again; the same key on a different command is a client bug and is refused.
/// </summary>
[GenerateSerializer]
public sealed class IdempotencyLog
{
    public const int Capacity = 256;

    [Id(0)] public List<AppliedCommand> Recent { get; set; } = [];

    public AppliedCommand? Find(string key) => Recent.Find(c => c.Key == key);

    public void Remember(string key, string fingerprint, long seq, Guid? resultId = null)
    {
        Recent.Add(new AppliedCommand(key, fingerprint, seq, resultId));
        if (Recent.Count > Capacity) Recent.RemoveRange(0, Recent.Count - Capacity);
    }
}

/// <param name="Fingerprint">What the command asked for (<see cref="Common.Fingerprint"/>), to tell a retry from a reused key.</param>
/// <param name="Seq">The stream's sequence number after the command.</param>
/// <param name="ResultId">The id of what the command created, if anything.</param>
[GenerateSerializer, Immutable]
public sealed record AppliedCommand(string Key, string Fingerprint, long Seq, Guid? ResultId);
