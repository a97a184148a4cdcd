using System.Security.Cryptography;
using System.Text;

namespace SocialInnovation.Grains.Common;

/// <summary>Random tokens, their stored hashes, and ids derived from text: one implementation of each.</summary>
public static class Secrets
{
    /// <summary>Random bytes as base64url: safe in a URL and in a URL's fragment.</summary>
    public static string NewToken(int bytes = 32) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// SHA-256, hex. A slow password hash is not needed for tokens of 256 random bits: the hash cannot
    /// be reversed by guessing.
    /// </summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The same id for the same text, every time: how retried creates find what the first one made.</summary>
    public static Guid StableGuid(string text) => new(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}
