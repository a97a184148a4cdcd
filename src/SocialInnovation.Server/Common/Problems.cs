using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using SocialInnovation.Common;

namespace SocialInnovation.Server.Common;

/// <summary>Turns refusals into RFC 7807 problem details, each with a stable <c>code</c> for the client's message catalogue.</summary>
public static class Problems
{
    /// <summary>
    /// The refusal as a problem. One result type for every refusal (field errors included), so an endpoint
    /// declares <c>Results&lt;Ok&lt;T&gt;, Refusal&gt;</c> and the OpenAPI document carries its answer's schema.
    /// </summary>
    public static Refusal From(DomainError error)
    {
        var status = error.Errors is { Count: > 0 } ? StatusCodes.Status400BadRequest : StatusOf(error.Kind);
        ProblemDetails details = error.Errors is { Count: > 0 }
            ? new HttpValidationProblemDetails(error.Errors) { Title = "The request is not valid." }
            : new ProblemDetails { Title = TitleOf(status) };
        details.Status = status;
        details.Detail = error.Detail;
        details.Extensions["code"] = error.Code;
        return new Refusal(details, error.Retryable);
    }

    /// <summary>How long a client waits before sending a retryable request again.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>A refusal made before any command ran (too large, too many), with its status and code.</summary>
    public static Refusal Status(int status, string code, string detail)
    {
        var details = new ProblemDetails { Status = status, Title = TitleOf(status), Detail = detail };
        details.Extensions["code"] = code;
        return new Refusal(details, retryable: false);
    }

    /// <summary>The value as 200 OK, or the refusal as a problem.</summary>
    public static Results<Ok<T>, Refusal> Ok<T>(Outcome<T> outcome) => outcome.Error is { } e ? From(e) : TypedResults.Ok(outcome.Value);

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Gone => StatusCodes.Status410Gone,
        ErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ErrorKind.RateLimited => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string TitleOf(int status) => status switch
    {
        400 => "The request is not valid.",
        401 => "Sign in first.",
        403 => "You may not do this.",
        404 => "Not found.",
        409 => "This conflicts with the current state.",
        410 => "No longer available.",
        503 => "Try again in a moment.",
        413 => "The request is too large.",
        429 => "Too many requests.",
        _ => "The request failed.",
    };
}

/// <summary>
/// A refusal as RFC 7807 problem details with its stable <c>code</c>; a retryable one (the server could not
/// answer just now) also carries <c>Retry-After</c>. In the OpenAPI document every endpoint that can refuse
/// lists it as its 400 answer (the validation problem, a superset of the others).
/// </summary>
public sealed class Refusal(ProblemDetails details, bool retryable)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>, IEndpointMetadataProvider
{
    public ProblemDetails Value => details;
    object? IValueHttpResult.Value => details;
    public int? StatusCode => details.Status;

    public Task ExecuteAsync(HttpContext http)
    {
        if (retryable) http.Response.Headers.RetryAfter = Problems.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return details is HttpValidationProblemDetails invalid
            ? TypedResults.ValidationProblem(invalid.Errors, invalid.Detail, title: invalid.Title, extensions: invalid.Extensions).ExecuteAsync(http)
            : TypedResults.Problem(details).ExecuteAsync(http);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(
            StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
}
