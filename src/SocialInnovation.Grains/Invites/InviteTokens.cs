using SocialInnovation.Grains.Common;
using SocialInnovation.Invites;

namespace SocialInnovation.Grains.Invites;

/// <summary>Makes invite tokens and the hashes they are stored under.</summary>
public static class InviteTokens
{
    public static string NewToken() => Secrets.NewToken(InviteToken.ByteLength);

    public static string Hash(string token) => Secrets.Hash(token);
}
