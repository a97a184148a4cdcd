using FluentValidation;

namespace SocialInnovation.Platform;

/// <summary>
/// The platform itself (one activation, key <see cref="Key"/>): the organizer credential, stored as a
/// hash only, and the directory of camps.
/// </summary>
public interface IPlatformGrain : IGrainWithStringKey
{
    const string Key = "platform";

    /// <summary>True when an organizer key has been set (at first start or from configuration).</summary>
    Task<bool> HasOrganizerKey();

    /// <summary>
    /// Sets the first organizer key's hash, unless one is set already. True when this call set it: of
    /// several silos starting at once, only that one prints its key.
    /// </summary>
    Task<bool> SetInitialOrganizerKeyHash(string keyHash);

    /// <summary>Sets (or replaces) the organizer key's hash; the person who signs in with it stays the same, and a replaced key ends their sessions.</summary>
    Task SetOrganizerKeyHash(string keyHash);

    /// <summary>The platform organizer's person id when the key's hash matches, otherwise null.</summary>
    Task<Guid?> SignInOrganizer(string keyHash);

    /// <summary>The platform organizer's person id, once a key has been set.</summary>
    Task<Guid?> GetOrganizerId();

    Task RegisterCamp(Guid campId);

    Task<IReadOnlyList<Guid>> GetCamps();
}

/// <summary>Sign in as the platform organizer with the key printed at first start.</summary>
public sealed record OrganizerSignIn(string Key);

public sealed class OrganizerSignInValidator : AbstractValidator<OrganizerSignIn>
{
    public OrganizerSignInValidator()
    {
        RuleFor(s => s.Key).NotEmpty().MaximumLength(200);
    }
}
