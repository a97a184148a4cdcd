using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace SocialInnovation.Server.Hosting;

/// <summary>
/// Brotli (else gzip) for the web app's files and the API's JSON: a participant on a venue's weak
/// connection downloads the first page in roughly a third of the bytes.
/// </summary>
public static class Compression
{
    public static IServiceCollection AddPlatformCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // Over HTTPS too (where it matters most). BREACH needs a secret and attacker-chosen text in
            // one response; the only secret we send (a new invite's token) sits next to the organizer's
            // own input, and the cookie is never echoed.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/problem+json"]);
        });
        // Optimal is Brotli quality 4 / gzip 6: fast enough per request, most of the gain of the slowest.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }
}
