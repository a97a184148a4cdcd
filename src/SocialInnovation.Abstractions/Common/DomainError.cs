namespace SocialInnovation.Common;

/// <summary>What kind of refusal a command met; the HTTP layer maps it to a status code.</summary>
public enum ErrorKind { Invalid, NotFound, Conflict, Forbidden, Gone, Unauthenticated, Unavailable, RateLimited }

/// <summary>
/// A refused command. <see cref="Code"/> is stable and is what clients translate through their
/// message catalogue; <see cref="Detail"/> is the English fallback.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DomainError(
    ErrorKind Kind,
    string Code,
    string Detail,
    Dictionary<string, string[]>? Errors = null)
{
    public static DomainError Invalid(FluentValidation.Results.ValidationResult result) => new(
        ErrorKind.Invalid,
        "validation",
        "One or more fields are not valid.",
        result.Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));

    public static DomainError NotFound(string code, string detail) => new(ErrorKind.NotFound, code, detail);

    public static readonly DomainError UnknownCamp = NotFound("camp.unknown", "There is no such camp.");
    public static DomainError Conflict(string code, string detail) => new(ErrorKind.Conflict, code, detail);
    public static DomainError Gone(string code, string detail) => new(ErrorKind.Gone, code, detail);

    /// <summary>
    /// The server could not answer just now (a silo going down, storage not reachable): nothing is
    /// wrong with the request, and the same request (with the same idempotency key) may be sent again.
    /// </summary>
    public static readonly DomainError Unavailable =
        new(ErrorKind.Unavailable, "server.unavailable", "The server could not answer just now. Try again in a moment.");

    /// <summary>Whether sending the same request again (later) may succeed.</summary>
    public bool Retryable => Kind is ErrorKind.Unavailable or ErrorKind.RateLimited;
}
