using FluentValidation;
using SocialInnovation.Common;
using SocialInnovation.People;

namespace SocialInnovation.Invites;

/// <summary>
/// One invite, keyed by the SHA-256 hash of its token (hex), so the token itself is never stored and a
/// lookup needs no index. Only the camp grain opens and revokes invites; redeeming never calls back
/// into the camp grain, so the two can never wait on each other.
/// </summary>
public interface IInviteGrain : IGrainWithStringKey
{
    Task Open(InviteSummary invite, string campName);

    /// <summary>What the invite is for, shown before someone accepts it.</summary>
    Task<Outcome<InvitePreview>> Preview();

    /// <summary>
    /// Uses the invite for a person. Claiming twice for the same person counts once, so a retried
    /// redemption does not use up a shared link.
    /// </summary>
    Task<Outcome<InviteClaim>> Claim(Guid personId);

    /// <summary>The invite as it stands (uses so far, revoked or not); null when never opened.</summary>
    Task<InviteSummary?> GetSummary();

    Task<InviteSummary?> Revoke();
}

[GenerateSerializer, Immutable]
public sealed record InvitePreview(Guid CampId, string CampName, CampRole Role, string Label, DateTimeOffset ExpiresAt);

[GenerateSerializer, Immutable]
public sealed record InviteClaim(Guid CampId, CampRole Role, Guid InviteId);

/// <summary>
/// Accept an invite: the token from the link and the name to show to the camp. A signed-out person's
/// id is derived from the token and <see cref="IdempotencyKey"/>, so a retry after a lost answer is
/// the same person, counted once.
/// </summary>
public sealed record RedeemInvite(string Token, string? Name, string IdempotencyKey);

/// <summary>Look at an invite before accepting it.</summary>
public sealed record PreviewInvite(string Token);

public static class InviteToken
{
    /// <summary>32 random bytes, base64url: 256 bits, well above the 128 an invite needs.</summary>
    public const int ByteLength = 32;
    public const string Pattern = "^[A-Za-z0-9_-]{43}$";
}

public sealed class PreviewInviteValidator : AbstractValidator<PreviewInvite>
{
    public PreviewInviteValidator()
    {
        RuleFor(r => r.Token).NotEmpty().Matches(InviteToken.Pattern).WithText(Texts.NotAnInviteToken);
    }
}

public sealed class RedeemInviteValidator : AbstractValidator<RedeemInvite>
{
    public RedeemInviteValidator()
    {
        RuleFor(r => r.Token).NotEmpty().Matches(InviteToken.Pattern).WithText(Texts.NotAnInviteToken);
        RuleFor(r => r.IdempotencyKey).ValidIdempotencyKey();
        RuleFor(r => r.Name).Length(2, 60).When(r => r.Name is not null)
            .Must(n => n is null || n.Trim().Length == n.Length).WithText(Texts.NameSpaces)
            .PlainText();
    }
}
