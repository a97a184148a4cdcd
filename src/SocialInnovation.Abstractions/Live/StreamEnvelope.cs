namespace SocialInnovation.Live;

/// <summary>
/// A place in a stream. <see cref="Epoch"/> changes whenever the stream's owner may have published
/// events that storage does not have (a new activation, a failed write), so one position never names
/// two different events; <see cref="Seq"/> rises by one per event.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StreamPosition(long Epoch, long Seq);

/// <summary>
/// One event of one stream, as every capability's events travel: to the notifier, to each web node
/// and to the browsers. <see cref="Kind"/> says what happened (the stream kind's own word, e.g.
/// <c>PhaseChanged</c>); <see cref="Payload"/> is that kind's record as JSON.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StreamEnvelope(string Stream, long Epoch, long Seq, DateTimeOffset At, string Kind, RawJson Payload)
{
    /// <summary>The kind of <see cref="Reset"/> envelopes.</summary>
    public const string ResetKind = "stream.reset";

    public StreamPosition Position => new(Epoch, Seq);

    public T Read<T>() => Payload.Read<T>();

    /// <summary>
    /// Tells watchers that events they may have seen were not stored (a write failed): its epoch (0)
    /// differs from every real one, so by the ordinary rule every watcher asks to catch up, and gets a
    /// snapshot if what it has was lost. It is never applied and never stored.
    /// </summary>
    public static StreamEnvelope Reset(string stream, DateTimeOffset at) => new(stream, 0, 0, at, ResetKind, RawJson.Null);
}

/// <summary>
/// What a watcher gets when it (re)starts watching after a position: the events after it, or, when
/// the epoch differs, the caller is too far behind or ahead, or it has nothing yet, a snapshot. Either
/// way the watcher is then at (<see cref="Epoch"/>, <see cref="Seq"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StreamCatchUp(string Stream, long Epoch, long Seq, IReadOnlyList<StreamEnvelope> Events, RawJson? Snapshot)
{
    public StreamPosition Position => new(Epoch, Seq);
}
