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

/// <summary>A refusal or failure as the client sees it: the same kind and code as HTTP problem details.</summary>
/// <param name="Kind">What sort of refusal (invalid, forbidden, not found, conflict, unavailable, rate limited, …).</param>
/// <param name="Code">The stable code the web app translates (e.g. <c>stream.malformed</c>, <c>live.rate</c>).</param>
/// <param name="Detail">The server's English explanation, for logs and as a fallback text.</param>
/// <param name="Errors">Field errors, by field name, when the input was invalid.</param>
/// <param name="Retryable">
/// The server could not answer just now (e.g. a silo going down) or the connection is calling too fast:
/// the client sends the same call again, with backoff, until it succeeds. False for refusals, which a
/// retry would only repeat.
/// </param>
public sealed record HubError(ErrorKind Kind, string Code, string Detail, Dictionary<string, string[]>? Errors, bool Retryable = false);
