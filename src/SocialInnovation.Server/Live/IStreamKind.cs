using SocialInnovation.Common;
using SocialInnovation.Live;
using SocialInnovation.People;
using SocialInnovation.Server.Access;

namespace SocialInnovation.Server.Live;

/// <summary>
/// One kind of live stream (<c>camp</c>, <c>board</c>, <c>poll</c>, …): who may watch it and how a
/// watcher catches up. A capability defines its kind in its own folder and registers it with
/// <see cref="StreamKindSetup.AddStreamKind{TKind}"/>; the hub and the access check find it by name,
/// so neither is edited.
/// </summary>
public interface IStreamKind
{
    /// <summary>The first part of the stream's name, e.g. <c>board</c> in <c>board:&lt;camp&gt;:&lt;team&gt;</c>.</summary>
    string Name { get; }

    /// <summary>Whether the name has an id after the camp (a board's team, a poll's id); the camp stream has none.</summary>
    bool HasId { get; }

    /// <summary>Who may watch: these roles in the stream's own camp (the camp named in the stream).</summary>
    IReadOnlySet<CampRole> Roles { get; }

    /// <summary>
    /// A further check once the caller holds one of <see cref="Roles"/> in the stream's camp, e.g.
    /// membership of the board's team; null to allow. The default allows.
    /// </summary>
    ValueTask<DomainError?> Authorize(StreamId stream, Caller caller) => ValueTask.FromResult<DomainError?>(null);

    /// <summary>The events after <paramref name="after"/>, or a snapshot: usually the owning grain's <see cref="IStreamOwnerGrain.CatchUp"/>.</summary>
    Task<Outcome<StreamCatchUp>> CatchUp(StreamId stream, StreamPosition? after);
}

/// <summary>The stream kinds registered in DI, by name.</summary>
public sealed class StreamKinds(IEnumerable<IStreamKind> kinds)
{
    private readonly Dictionary<string, IStreamKind> _byName = kinds.ToDictionary(k => k.Name);

    public IReadOnlyCollection<IStreamKind> All => _byName.Values;

    /// <summary>The stream and its kind, or null when the name is malformed or names no registered kind.</summary>
    public (StreamId Stream, IStreamKind Kind)? Resolve(string? name) =>
        StreamId.TryParse(name, out var stream) && _byName.TryGetValue(stream.Kind, out var kind) && kind.HasId == (stream.Id is not null)
            ? (stream, kind)
            : null;
}

public static class StreamKindSetup
{
    /// <summary>Registers a stream kind: watchers may then <c>Watch</c> streams of its name on the hub.</summary>
    public static IServiceCollection AddStreamKind<TKind>(this IServiceCollection services) where TKind : class, IStreamKind
    {
        services.AddSingleton<IStreamKind, TKind>();
        return services;
    }
}
