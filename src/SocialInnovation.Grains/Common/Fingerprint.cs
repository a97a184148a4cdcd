using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialInnovation.Live;

namespace SocialInnovation.Grains.Common;

/// <summary>
/// What a command asks for, as a short hash of the command itself: its JSON (the wire shape, so lists
/// compare by content) without its <c>idempotencyKey</c>. Used to tell a retry (same key, same
/// request) from a reused key (same key, different request) without a hand-written string per command
/// that could forget a field.
/// </summary>
public static class Fingerprint
{
    public const string KeyProperty = "idempotencyKey";

    public static string Of<T>(T command)
    {
        var node = JsonSerializer.SerializeToNode(command, LiveJson.Options);
        if (node is JsonObject fields) fields.Remove(KeyProperty);
        var text = node?.ToJsonString() ?? "null";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{typeof(T).Name}:{text}")).AsSpan(0, 16));
    }
}
