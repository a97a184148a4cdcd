using SocialInnovation.Common;

namespace SocialInnovation.Server.Live;

/// <summary>
/// What every hub method answers: a value, or a typed error with the same code the HTTP problem
/// details carry. Clients never have to parse an exception message.
/// </summary>
public sealed record HubReply<T>(bool Ok, T? Value, HubError? Error)
{
    public static HubReply<T> From(Outcome<T> outcome) => outcome.Error is { } e ? Fail(e) : new(true, outcome.Value, null);

    public static HubReply<T> Fail(DomainError error) =>
        new(false, default, new HubError(error.Kind, error.Code, error.Detail, error.Errors, error.Retryable));
}

/// <param name="Retryable">
/// The server could not answer just now (e.g. a silo going down): the client sends the same call
/// again, with backoff, until it succeeds. False for refusals, which a retry would only repeat.
/// </param>
public sealed record HubError(ErrorKind Kind, string Code, string Detail, Dictionary<string, string[]>? Errors, bool Retryable = false);
