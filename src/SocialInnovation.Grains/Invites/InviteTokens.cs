using System.Security.Cryptography;
using System.Text;
using SocialInnovation.Invites;

namespace SocialInnovation.Grains.Invites;

/// <summary>Makes invite tokens and the hashes they are stored under.</summary>
public static class InviteTokens
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(InviteToken.ByteLength));

    /// <summary>
    /// SHA-256, hex. A slow password hash is not needed: the token has 256 random bits, so the hash
    /// cannot be reversed by guessing.
    /// </summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
