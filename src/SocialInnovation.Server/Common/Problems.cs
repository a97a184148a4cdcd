using SocialInnovation.Common;

namespace SocialInnovation.Server.Common;

/// <summary>Turns refusals into RFC 7807 problem details, each with a stable <c>code</c> for the client's message catalogue.</summary>
public static class Problems
{
    public static IResult From(DomainError error)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Errors is { Count: > 0 })
        {
            return TypedResults.ValidationProblem(
                error.Errors, error.Detail, title: "The request is not valid.", extensions: extensions);
        }
        var code = StatusOf(error.Kind);
        var problem = TypedResults.Problem(error.Detail, statusCode: code, title: TitleOf(code), extensions: extensions);
        return error.Retryable ? new RetryAfter(problem) : problem;
    }

    /// <summary>How long a client waits before sending a retryable request again.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>A refusal made before any command ran (too large, too many), with its status and code.</summary>
    public static IResult Status(int status, string code, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: TitleOf(status), extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>The value as 200 OK, or the refusal as a problem.</summary>
    public static IResult Ok<T>(Outcome<T> outcome) => outcome.Error is { } e ? From(e) : TypedResults.Ok(outcome.Value);

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

/// <summary>A problem answered with a <c>Retry-After</c> header.</summary>
public sealed class RetryAfter(IResult problem) : IResult
{
    public Task ExecuteAsync(HttpContext http)
    {
        http.Response.Headers.RetryAfter = Problems.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return problem.ExecuteAsync(http);
    }
}
