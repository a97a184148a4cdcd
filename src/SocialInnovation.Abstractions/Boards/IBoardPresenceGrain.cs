using FluentValidation;
using SocialInnovation.Live;

namespace SocialInnovation.Boards;

/// <summary>
/// Who is looking at a team's board now and which card each is dragging: the stream
/// <c>presence:&lt;camp&gt;:&lt;team&gt;</c>, kept in memory only (presence is worth nothing after a
/// restart). Keyed like the board. Pages report every ~15 s; someone not heard of for
/// <c>BoardPresenceGrain.Expiry</c> has left.
/// </summary>
public interface IBoardPresenceGrain : IGrainWithGuidCompoundKey, IStreamOwnerGrain
{
    Task<BoardPresence> Report(Guid personId, string name, ReportPresence report);
}

[GenerateSerializer, Immutable]
public sealed record Watcher(Guid PersonId, string Name, Guid? Dragging);

/// <summary>The snapshot and every event's payload: everyone here now.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardPresence(IReadOnlyList<Watcher> Watchers);

/// <summary>"I am looking" (and dragging this card), or "I left".</summary>
[GenerateSerializer, Immutable]
public sealed record ReportPresence(Guid? Dragging, bool Leaving);

public sealed class ReportPresenceValidator : AbstractValidator<ReportPresence>
{
    public ReportPresenceValidator() => RuleFor(r => r.Dragging).Must(d => d != Guid.Empty).WithMessage("Not a card id.");
}

public static class PresenceStreams
{
    public const string Kind = "presence";

    public static StreamId For(Guid campId, Guid teamId) => StreamId.For(Kind, campId, teamId.ToString("N"));

    public static IBoardPresenceGrain Presence(this IGrainFactory grains, Guid campId, Guid teamId) =>
        grains.GetGrain<IBoardPresenceGrain>(teamId, campId.ToString("N"));
}
