using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using SocialInnovation.Server.Common;

namespace SocialInnovation.Server.Hosting;

/// <summary>
/// Request bodies are limited per endpoint, far below the framework's 30 MB: a JSON command is a few
/// KB. The limit is checked against Content-Length before anything reads the body, so a 25 MB body is
/// refused with 413 without being read; a body without a length is cut off by the server at the same
/// limit while it is read. An endpoint that takes more says so with <see cref="BodyLimit{TBuilder}"/>.
/// </summary>
public static class BodyLimits
{
    /// <summary><c>RequestLimits:BodyBytes</c>: the limit of every endpoint that does not set its own.</summary>
    public const long DefaultBytes = 16 * 1024;

    public static long Configured(IConfiguration configuration) => configuration.GetValue("RequestLimits:BodyBytes", DefaultBytes);

    public static TBuilder BodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimitMetadata(bytes));

    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app, long defaultBytes) => app.Use(async (http, next) =>
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? defaultBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        if (http.Request.ContentLength > limit)
        {
            await Problems.Status(StatusCodes.Status413PayloadTooLarge, "request.too-large",
                $"The request body may hold at most {limit} bytes.").ExecuteAsync(http);
            return;
        }
        await next(http);
    });
}

/// <summary>An endpoint's own body limit, in the framework's metadata shape.</summary>
public sealed record BodyLimitMetadata(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
