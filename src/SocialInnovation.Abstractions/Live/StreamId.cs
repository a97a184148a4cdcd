using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace SocialInnovation.Live;

/// <summary>
/// Names one live stream: <c>&lt;kind&gt;:&lt;campId as 32 hex&gt;</c> or <c>&lt;kind&gt;:&lt;campId&gt;:&lt;id&gt;</c>, e.g.
/// <c>camp:3f2a…</c>, <c>board:3f2a…:9c1e…</c>. Every stream belongs to exactly one camp, named in the
/// stream itself, so access is always checked against the stream's own camp. The text form is
/// canonical (lower case): it is also the SignalR group's name, so two spellings never make two groups.
/// </summary>
[GenerateSerializer, Immutable]
public readonly partial record struct StreamId(string Kind, Guid CampId, string? Id = null)
{
    public const int MaxLength = 140;

    public static StreamId For(string kind, Guid campId, string? id = null) =>
        TryParse(Format(kind, campId, id), out var parsed) ? parsed : throw new ArgumentException($"Not a valid stream: {kind} {id}");

    public static bool TryParse([NotNullWhen(true)] string? text, out StreamId stream)
    {
        stream = default;
        if (text is null || text.Length > MaxLength) return false;
        var match = Shape().Match(text.ToLowerInvariant());
        if (!match.Success || !Guid.TryParseExact(match.Groups["camp"].Value, "N", out var campId)) return false;
        stream = new StreamId(match.Groups["kind"].Value, campId, match.Groups["id"].Success ? match.Groups["id"].Value : null);
        return true;
    }

    public static StreamId Parse(string text) =>
        TryParse(text, out var stream) ? stream : throw new FormatException($"Not a stream name: {text}");

    public override string ToString() => Format(Kind, CampId, Id);

    private static string Format(string kind, Guid campId, string? id) =>
        id is null ? $"{kind}:{campId:N}" : $"{kind}:{campId:N}:{id}";

    // kind: a lower-case word; camp: Guid "N"; id: what the kind uses (a team id, a poll id, …).
    [GeneratedRegex("^(?<kind>[a-z][a-z0-9-]{0,31}):(?<camp>[0-9a-f]{32})(:(?<id>[a-z0-9_-]{1,64}))?$")]
    private static partial Regex Shape();
}
