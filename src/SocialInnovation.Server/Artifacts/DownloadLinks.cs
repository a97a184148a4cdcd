using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace SocialInnovation.Server.Artifacts;

/// <summary>
/// Short-lived download links: the team, the version and the expiry, protected (encrypted and signed)
/// with the platform's Data Protection keys, which every node shares. A link cannot be forged,
/// widened to another artifact, or used after it expired.
/// </summary>
public sealed class DownloadLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("SocialInnovation.Artifacts.Download.v1");

    public string Token(Guid teamId, Guid artifactId, DateTimeOffset expires) =>
        _protector.Protect($"{teamId:N}/{artifactId:N}/{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The team and version, or null for a forged, damaged or expired token.</summary>
    public (Guid TeamId, Guid ArtifactId)? Read(string token)
    {
        try
        {
            var parts = _protector.Unprotect(token).Split('/');
            if (DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[2], CultureInfo.InvariantCulture)) < clock.GetUtcNow()) return null;
            return (Guid.ParseExact(parts[0], "N"), Guid.ParseExact(parts[1], "N"));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
